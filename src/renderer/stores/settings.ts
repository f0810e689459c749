import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Language, Settings } from '../../core/api'
import { useApi } from '../api'

export const useSettingsStore = defineStore('settings', () => {
  const api = useApi()
  const settings = ref<Settings>({ language: 'en' })

  async function load(): Promise<void> {
    settings.value = await api['settings.get']({})
  }

  async function setLanguage(language: Language): Promise<void> {
    settings.value = await api['settings.update']({ language })
  }

  return { settings, load, setLanguage }
})
