import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { SettingsSchema, type Settings, type SettingsPatch } from '../core/api'
import { DEFAULT_SETTINGS } from '../core/app-defaults'
import { openJsonDocument, type DocumentLog } from './json-document'


export interface SettingsStore {
  get(): Settings
  update(patch: SettingsPatch): Promise<Settings>
  /** Back to the defaults, with any unreadable copies set aside earlier deleted too. */
  reset(): Promise<void>
}

export async function openSettingsStore(dataDir: string, log?: DocumentLog): Promise<SettingsStore> {
  const db = await openJsonDocument(path.join(dataDir, 'settings.json'), SettingsSchema, DEFAULT_SETTINGS, log)
  return {
    get: () => ({ ...db.data }),
    async update(patch) {
      const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
      db.data = { ...db.data, ...changes }
      await db.write()
      return { ...db.data }
    },
    async reset() {
      for (const name of await readdir(dataDir)) {
        if (name.startsWith('settings.json')) await rm(path.join(dataDir, name), { force: true })
      }
      db.data = { ...DEFAULT_SETTINGS }
    },
  }
}
