import { createI18n } from 'vue-i18n'
import type { Language } from '../../core/api'
import { DEFAULT_LANGUAGE, UI_LANGUAGES } from '../../core/app-defaults'
import { SHARED_MESSAGES } from '../../core/i18n/catalogues'
import type en from './locales/en/app.json'

export type MessageSchema = typeof en

/** BCP 47 tags for the page's lang attribute: screen readers pick their voice from it. */
export const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', cy: 'cy' }

/** The tag for any language code: the app's own languages have theirs; a course's others are tags already. */
export function languageTag(language: string): string {
  return Object.hasOwn(LANGUAGE_TAGS, language) ? LANGUAGE_TAGS[language as Language] : language
}

/**
 * Each area of the UI keeps its strings in its own file per language (`locales/<lang>/<area>.json`,
 * whose top-level key is the area's name), so translators and developers work on one area at a time.
 * The branding area and the areas of the learner's record on the device (dashboard, data,
 * learners, notebook, notices, trainer) belong to the app shell alone and are merged by it (branding/install.ts,
 * device/install.ts), and the export, results, presenting and feedback areas by their screens as they load
 * (screen-messages.ts), keeping their strings out of the SCORM player's bundle. The areas the interface shares with the documents
 * the Node services write (`format`) live in core (src/core/i18n/locales) and are added here.
 */
const files = import.meta.glob<Record<string, unknown>>(
  [
    './locales/*/*.json',
    '!./locales/*/branding.json',
    '!./locales/*/results.json',
    '!./locales/*/export.json',
    '!./locales/*/present.json',
    '!./locales/*/feedback.json',
    // The learner's record on the device: merged by the app shell (device/install.ts).
    '!./locales/*/{dashboard,data,learners,notebook,notices,trainer}.json',
  ],
  { eager: true, import: 'default' },
)

export function catalogue(language: Language): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  for (const [path, messages] of Object.entries(files)) {
    if (path.startsWith(`./locales/${language}/`)) Object.assign(merged, messages)
  }
  return Object.assign(merged, SHARED_MESSAGES[language])
}

export function createAppI18n(locale: Language = DEFAULT_LANGUAGE) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LANGUAGE,
    messages: Object.fromEntries(UI_LANGUAGES.map((language) => [language, catalogue(language)])) as Record<Language, MessageSchema>,
  })
}
