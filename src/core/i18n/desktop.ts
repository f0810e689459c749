import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from '../app-defaults'
import cy from './locales/cy/desktop.json'
import en from './locales/en/desktop.json'
import { translator, type Messages, type Translate } from './translate'

/**
 * The words of the desktop app's own dialogs (a failed start, progress not saved at quitting or
 * closing, the save dialog's file type), beside the interface's catalogues so translators find
 * them with the rest. Only Electron's main process uses them.
 */
export const DESKTOP_MESSAGES = { en, cy } satisfies Record<UiLanguage, Messages>

export function desktopTranslator(language: UiLanguage): Translate {
  return translator(DESKTOP_MESSAGES[language])
}

/** The UI language of a system locale such as "cy-GB", for a dialog shown before the learner's settings can be read. */
export function languageOfLocale(locale: string): UiLanguage {
  const language = locale.toLowerCase().split(/[-_]/)[0]
  return isUiLanguage(language) ? language : DEFAULT_LANGUAGE
}
