import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Language, Nation, Settings, SettingsPatch } from '../../core/api'
import { DEFAULT_SETTINGS } from '../../core/app-defaults'
import { useApi } from '../api'

export const useSettingsStore = defineStore('settings', () => {
  const api = useApi()
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })

  async function load(): Promise<void> {
    settings.value = await api['settings.get']({})
  }

  async function setLanguage(language: Language): Promise<void> {
    settings.value = await api['settings.update']({ language })
  }

  async function setNation(nation: Nation | null): Promise<void> {
    settings.value = await api['settings.update']({ nation })
  }

  /** How the screens look: theme, text size and captions. Resolves once the host has kept it. */
  async function setDisplay(patch: Pick<SettingsPatch, 'theme' | 'textSize' | 'captions'>): Promise<void> {
    settings.value = await api['settings.update'](patch)
  }

  return { settings, load, setLanguage, setNation, setDisplay }
})
