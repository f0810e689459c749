import { createApp } from 'vue'
import { applyDisplay } from '../core/display'
import ParticipantApp from './ParticipantApp.vue'
import './participant.css'

// A phone shows the room's page in its own theme, at its own text size.
applyDisplay({ theme: 'system', textSize: 'normal' }, document.documentElement, window.matchMedia?.('(prefers-color-scheme: dark)'))
createApp(ParticipantApp).mount('#app')
