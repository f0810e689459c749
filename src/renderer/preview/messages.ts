import cy from './locales/cy/preview.json'
import en from './locales/en/preview.json'

/** The preview window's strings, apart from the app's catalogue: neither the app nor the SCORM player bundles them. */
export const PREVIEW_MESSAGES = { en, cy }
