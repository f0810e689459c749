import { createI18n } from 'vue-i18n'
import type { Language } from '../../core/api'
import cy from './locales/cy.json'
import en from './locales/en.json'

export type MessageSchema = typeof en

/** BCP 47 tags for the page's lang attribute: screen readers pick their voice from it. */
export const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', cy: 'cy' }

export function createAppI18n(locale: Language = 'en') {
  return createI18n<[MessageSchema], Language, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, cy },
  })
}
