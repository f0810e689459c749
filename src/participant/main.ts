import { createApp } from 'vue'
import ParticipantApp from './ParticipantApp.vue'
import './participant.css'

createApp(ParticipantApp).mount('#app')
