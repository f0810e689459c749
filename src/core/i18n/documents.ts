import type { UiLanguage } from '../app-defaults'
import { SHARED_MESSAGES } from './catalogues'
import cy from './locales/cy/documents.json'
import en from './locales/en/documents.json'
import { translator, type Messages, type Translate } from './translate'

/**
 * The words of the files the app writes for learners and trainers (the certificate, the notebook,
 * the results table), beside the interface's catalogues so translators find them with the rest.
 * Only the Node services use them: the renderer does not give them to vue-i18n, so neither the app
 * nor the SCORM player bundles them.
 */
export const DOCUMENT_MESSAGES = { en, cy } satisfies Record<UiLanguage, Messages>

/** The documents' messages in one language, with the shared areas (`format.*`) the dates need. */
export function documentTranslator(language: UiLanguage): Translate {
  return translator(DOCUMENT_MESSAGES[language], SHARED_MESSAGES[language])
}
