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

/** The colour theme: the system's, or light or dark whatever the system says. */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** The size of the app's text, against the browser's own: 100%, 125% and 150%. */
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const
export type TextSize = (typeof TEXT_SIZES)[number]

export interface DeviceSettings {
  language: UiLanguage
  nation: Nation | null
  theme: Theme
  textSize: TextSize
  /** Whether videos start with their captions showing. */
  captions: boolean
}

/**
 * The settings of a new device: English, no nation until the learner chooses one, the system's
 * colour theme, the browser's text size, and captions showing.
 */
export const DEFAULT_SETTINGS: Readonly<DeviceSettings> = Object.freeze({ language: DEFAULT_LANGUAGE, nation: null, theme: 'system', textSize: 'normal', captions: true })

/** The name the app gives the first learner on a new device, until they give their own. */
export const FIRST_LEARNER_NAME = 'Learner'
