import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../core/api'
import { useApi } from '../api'

export const useAppInfoStore = defineStore('appInfo', () => {
  const api = useApi()
  const info = ref<AppInfo | null>(null)

  async function load(): Promise<void> {
    info.value = await api['app.info']({})
  }

  return { info, load }
})
