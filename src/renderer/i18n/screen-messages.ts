import { useI18n } from 'vue-i18n'
import type { Language } from '../../core/api'

/**
 * Gives a screen the SCORM player never shows its own strings, as it loads: its area's files are
 * left out of the shared catalogue (index.ts), so the player's bundle does not carry them. Returns
 * the global composer, for the screen's `t`.
 */
export function useScreenMessages(messages: Record<Language, Record<string, unknown>>) {
  const i18n = useI18n({ useScope: 'global' })
  for (const [language, catalogue] of Object.entries(messages)) i18n.mergeLocaleMessage(language, catalogue as never)
  return i18n
}
