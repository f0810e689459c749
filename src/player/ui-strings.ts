import { DEFAULT_LANGUAGE, isUiLanguage } from '../core/app-defaults'
import type { FetchJson } from './translations'

/** Where the player's build writes the UI strings of each language but the default (vite.player.config.mts). */
export const uiStringsFile = (language: string): string => `ui/${language}.json`

/** What the strings are merged into: vue-i18n's global composer, or anything with its method. */
export interface MessageTarget {
  mergeLocaleMessage(language: string, messages: never): void
}

/**
 * Loads the app's own words in a language the first time a learner chooses it. The default
 * language is in the player's script; the others are files beside it, so a learner who reads one
 * language does not download the other. A language that is not one of the app's costs nothing.
 * A file that cannot be read is an error for the caller to report: vue-i18n then falls back to
 * the default language's words, and the next choice of the language tries again.
 */
export function uiStringsLoader(target: MessageTarget, fetchJson: FetchJson): (language: string) => Promise<void> {
  const loading = new Map<string, Promise<void>>()
  return (language) => {
    if (language === DEFAULT_LANGUAGE || !isUiLanguage(language)) return Promise.resolve()
    let load = loading.get(language)
    if (!load) {
      const file = uiStringsFile(language)
      load = fetchJson(file).then((value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file} does not hold the player's ${language} strings`)
        target.mergeLocaleMessage(language, value as never)
      })
      load.catch(() => loading.delete(language))
      loading.set(language, load)
    }
    return load
  }
}
