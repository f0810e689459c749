import { z } from 'zod'
import { SettingsSchema, type Settings, type SettingsPatch } from '../core/api'
import { DEFAULT_SETTINGS } from '../core/app-defaults'
import { ApiError } from '../core/api/errors'
import { type DocumentSpec, DurableDocument, type StoreNotice } from './store/durable-document'

/**
 * The settings as stored. Files from before the durable store carry no version and read as
 * version 1; version 2 added the display settings (theme, text size, captions), which an older
 * file takes at their defaults.
 */
const StoredSettingsSchema = SettingsSchema.extend({ schemaVersion: z.literal(2) }).strict()
type StoredSettings = z.infer<typeof StoredSettingsSchema>

const SETTINGS_SPEC: DocumentSpec<StoredSettings> = {
  name: 'settings',
  migrations: [(doc) => ({ ...doc, theme: DEFAULT_SETTINGS.theme, textSize: DEFAULT_SETTINGS.textSize, captions: DEFAULT_SETTINGS.captions })],
  schema: StoredSettingsSchema,
  create: () => ({ schemaVersion: 2, ...DEFAULT_SETTINGS }),
  unmarkedVersion: 1,
}

export interface SettingsStore {
  get(): Settings
  /** Applies the patch and resolves once it is on disk; calls apply in the order they are made. */
  update(patch: SettingsPatch): Promise<Settings>
  /** Back to the defaults, with the file, its backups and any unreadable copies set aside earlier deleted. */
  reset(): Promise<void>
  readonly notices: readonly StoreNotice[]
  /** Writes anything pending; rejects with what could not be saved. */
  flush(): Promise<void>
  close(): Promise<void>
}

export async function openSettingsStore(dataDir: string): Promise<SettingsStore> {
  const doc = await DurableDocument.open(dataDir, SETTINGS_SPEC)
  const get = (): Settings => {
    const { schemaVersion: _version, ...settings } = doc.data
    return settings
  }
  return {
    get,
    async update(patch) {
      const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
      const change = doc.update((draft) => ({ ...draft, ...changes }))
      const after = get()
      try {
        await doc.commit(change)
      } catch {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'Civic Learn could not save your settings just now. Try again in a moment.' })
      }
      return after
    },
    reset: () => doc.destroy(),
    get notices() {
      return doc.notices
    },
    flush: () => doc.flush(),
    close: () => doc.close(),
  }
}
