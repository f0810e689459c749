import type { CourseBundle, LocalizedCourse } from '../course/bundle'
import type { PackageBranding } from '../branding'
import type { ScormVersion } from './manifest'
import { INTERACTION_JOURNALS, REPORTING_MODES, type InteractionJournal, type ReportingMode } from './reporting'
import type { PrerenderedMarkdown } from './prerendered-markdown'

/** The file beside the player's index.html that carries the course, in its own language, into the package. */
export const PACKAGE_DATA_FILE = 'course.json'

/** Where a package keeps the learner's settings (language, theme, text size) in the browser's local storage. */
export const PACKAGE_SETTINGS_KEY = 'civic-learn-settings'

/**
 * A package's first screen, rendered at export by the player's own components
 * (src/player/first-screen.ts) and written into its index.html (src/node/export/first-screen.ts).
 */
export interface FirstScreen {
  /** What goes inside the page's `#app` element. */
  html: string
  /** The UI language it is in (a settings language, such as "cy"). */
  language: string
  /** The same as a tag, for the page's `lang` attribute. */
  lang: string
}

/** The file that carries one translation of the course, loaded only by a learner who reads it. */
export function translationFile(language: string): string {
  return `course.${language}.json`
}

/**
 * What the exporter writes into course.json and the player reads first: the course with the
 * content of its own language only (its `languages` still lists them all), that content's
 * Markdown rendered, and where each translation is.
 */
export interface PackageData {
  format: 2
  scorm: ScormVersion
  /** How the result is reported to the LMS (the export's choice). */
  reporting: ReportingMode
  /** Which quizzes' answers go to the LMS's interactions journal (the export's choice). */
  interactions: InteractionJournal
  /** The Civic Learn version that made the package. */
  appVersion: string
  course: CourseBundle
  branding?: PackageBranding
  markdown: PrerenderedMarkdown
  /** Language → the file holding that translation (`translationFile`). */
  translations: Record<string, string>
}

/** One translation: its content and that content's Markdown rendered. */
export interface TranslationData {
  format: 2
  language: string
  content: LocalizedCourse
  markdown: PrerenderedMarkdown
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isMarkdown(value: unknown): value is PrerenderedMarkdown {
  return isObject(value) && Array.isArray(value.html) && Array.isArray(value.inline)
}

/** A light structural check: the player cannot bundle the full schema, and the file is ours. */
export function isPackageData(value: unknown): value is PackageData {
  if (!isObject(value)) return false
  const course = value.course
  return (
    value.format === 2 &&
    (value.scorm === 'scorm12' || value.scorm === 'scorm2004') &&
    (REPORTING_MODES as readonly unknown[]).includes(value.reporting) &&
    (INTERACTION_JOURNALS as readonly unknown[]).includes(value.interactions) &&
    typeof value.appVersion === 'string' &&
    isMarkdown(value.markdown) &&
    isObject(value.translations) &&
    Object.values(value.translations).every((file) => typeof file === 'string') &&
    isObject(course) &&
    typeof course.id === 'string' &&
    typeof course.language === 'string' &&
    isObject(course.content) &&
    isObject(course.content[course.language])
  )
}

/** The same light check for a translation's file, which must be the language asked for. */
export function isTranslationData(value: unknown, language: string): value is TranslationData {
  return isObject(value) && value.format === 2 && value.language === language && isObject(value.content) && Array.isArray(value.content.modules) && isMarkdown(value.markdown)
}
