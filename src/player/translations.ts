import { ownValue } from '../core/progress/id-record'
import { isTranslationData, type PackageData } from '../core/scorm/package-data'
import type { PrerenderedEngine } from './prerendered-markdown'

/** Fetches a file of the package and parses its JSON. */
export type FetchJson = (file: string) => Promise<unknown>

/**
 * Loads a translation of the course the first time a learner reads that language: its content
 * joins the course the app shows, its renderings the Markdown engine. A language the package
 * does not have, or has already, costs nothing; a file that cannot be read is an error for the
 * caller to report, and the course goes on in its own language.
 */
export function translationLoader(data: PackageData, engine: PrerenderedEngine, fetchJson: FetchJson): (language: string) => Promise<void> {
  const loading = new Map<string, Promise<void>>()
  return (language) => {
    // Own properties only: a "language" such as "constructor" is no file, and no content the course has.
    const file = ownValue(data.translations, language)
    if (!file || ownValue(data.course.content, language)) return Promise.resolve()
    let load = loading.get(language)
    if (!load) {
      load = fetchJson(file).then((value) => {
        if (!isTranslationData(value, language)) throw new Error(`${file} is not this course's ${language} translation`)
        engine.add(value.content, value.markdown)
        data.course.content[language] = value.content
      })
      load.catch(() => loading.delete(language))
      loading.set(language, load)
    }
    return load
  }
}

/** The browser's way: the file beside the player, never from a cache that may hold an older package's. */
export async function fetchPackageJson(file: string): Promise<unknown> {
  const response = await fetch(file, { cache: 'no-cache' })
  if (!response.ok) throw new Error(`${file} answered HTTP ${response.status}`)
  return response.json()
}
