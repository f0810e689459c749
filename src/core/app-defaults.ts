import type { Nation } from './api/nations'

/**
 * What every host starts from: the languages the app's screens are written in, the settings of a
 * new device and the name of its first learner. Kept free of schemas, like the nations, so the
 * renderer and the SCORM player can use them without bundling the validation library.
 */

/** The languages of the app's own words. English is the one the catalogues are written in first. */
export const UI_LANGUAGES = ['en', 'cy'] as const

export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** The language a new device starts in, and the one a missing translation falls back to. */
export const DEFAULT_LANGUAGE: UiLanguage = 'en'

export function isUiLanguage(value: unknown): value is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(value)
}

/** The settings of a new device: English, and no nation until the learner chooses one. */
export const DEFAULT_SETTINGS: Readonly<{ language: UiLanguage; nation: Nation | null }> = Object.freeze({ language: DEFAULT_LANGUAGE, nation: null })

/** The name the app gives the first learner on a new device, until they give their own. */
export const FIRST_LEARNER_NAME = 'Learner'
