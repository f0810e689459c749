import type { UiLanguage } from '../app-defaults'
import cy from './locales/cy/format.json'
import en from './locales/en/format.json'
import type { Messages } from './translate'

/**
 * The catalogue areas the interface shares with the documents the app writes (dates, lists),
 * kept in core so the Node services read the same words the renderer gives vue-i18n. Each file
 * is an area like the renderer's own (`locales/<language>/<area>.json`, top-level key the area).
 */
export const SHARED_MESSAGES = { en, cy } satisfies Record<UiLanguage, Messages>
