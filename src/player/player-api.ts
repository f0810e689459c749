import type { CivicApi, MethodInput, MethodOutput, Settings } from '../core/api/contract'
import { ApiError } from '../core/api/errors'
import { METHOD_NAMES } from '../core/api/methods'
import { DEFAULT_LANGUAGE, DEFAULT_SETTINGS, isUiLanguage, TEXT_SIZES, THEMES, type TextSize, type Theme } from '../core/app-defaults'
import { courseOverview } from '../core/progress/overview'
import { PACKAGE_SETTINGS_KEY, type PackageData } from '../core/scorm/package-data'
import type { KeyValueStore, ProgressTracker } from './progress-tracker'
import { courseSummary } from '../core/course/summary'

export interface PlayerApiOptions {
  data: PackageData
  tracker: ProgressTracker
  /** The learner's name as the LMS gives it, or null without an LMS. */
  learnerName: string | null
  /** Settings are the browser's, whatever the LMS. */
  storage: KeyValueStore | null
  /** Loads a translation of the course before the learner switches to its language (see translations.ts); never rejects. */
  loadLanguage?: (language: string) => Promise<void>
  now?: () => Date
}

/** LMSs give "Surname, Forename"; the course greets people the other way round. */
export function displayName(lmsName: string): string {
  const parts = lmsName.split(',').map((part) => part.trim())
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : lmsName.trim()
}

function notInPackage(method: string): () => Promise<never> {
  return async () => {
    throw new ApiError({ code: 'UNAVAILABLE', message: `This is not available in a course opened from a learning platform (${method}); the platform keeps your record.` })
  }
}

/**
 * The CivicApi inside a SCORM package: the course shipped with it, progress through the tracker
 * (LMS or local storage), settings in the browser, one learner named by the LMS. Everything else
 * (profiles, certificates, files) is the LMS's business and answers UNAVAILABLE, as the web host
 * does for desktop-only methods.
 */
export function createPlayerApi(options: PlayerApiOptions): CivicApi {
  const { data, tracker, storage } = options
  const course = data.course
  const now = options.now ?? (() => new Date())
  const createdAt = now().toISOString()
  const defaults: Settings = { ...DEFAULT_SETTINGS, language: isUiLanguage(course.language) ? course.language : DEFAULT_LANGUAGE }

  const readSettings = (): Settings => {
    try {
      const saved = JSON.parse(storage?.getItem(PACKAGE_SETTINGS_KEY) ?? '{}') as Partial<Settings>
      return {
        language: isUiLanguage(saved.language) ? saved.language : defaults.language,
        nation: typeof saved.nation === 'string' ? saved.nation : null,
        theme: (THEMES as readonly unknown[]).includes(saved.theme) ? (saved.theme as Theme) : defaults.theme,
        textSize: (TEXT_SIZES as readonly unknown[]).includes(saved.textSize) ? (saved.textSize as TextSize) : defaults.textSize,
        captions: typeof saved.captions === 'boolean' ? saved.captions : defaults.captions,
      }
    } catch {
      return defaults
    }
  }

  const ensureCourse = (courseId: string) => {
    if (courseId !== course.id) throw new ApiError({ code: 'NOT_FOUND', message: `This package holds the course "${course.id}", not "${courseId}".` })
  }

  let recorded = 0
  const implemented: { [M in keyof CivicApi]?: (input: MethodInput<M>) => Promise<MethodOutput<M>> } = {
    'app.info': async () => ({ name: 'Civic Learn', version: data.appVersion, host: 'scorm' }),
    'course.list': async () => [courseSummary(course)],
    'course.get': async ({ courseId }) => {
      ensureCourse(courseId)
      return course
    },
    'progress.get': async ({ courseId }) => {
      ensureCourse(courseId)
      return tracker.progress
    },
    'progress.record': async ({ courseId, events }) => {
      ensureCourse(courseId)
      tracker.record(events)
      const refused = tracker.takeRefusal()
      // In the page itself, the whole progress costs nothing to answer: always in full.
      return { revision: String(++recorded), progress: tracker.progress, ...(refused ? { refused } : {}) }
    },
    'progress.overview': async () => [courseOverview(course, tracker.progress)],
    'settings.get': async () => readSettings(),
    'settings.update': async (patch) => {
      const next: Settings = { ...readSettings() }
      if (patch.language !== undefined) {
        // The course's words in that language arrive before the screens ask for them.
        await options.loadLanguage?.(patch.language)
        next.language = patch.language
      }
      if (patch.nation !== undefined) next.nation = patch.nation
      if (patch.theme !== undefined) next.theme = patch.theme
      if (patch.textSize !== undefined) next.textSize = patch.textSize
      if (patch.captions !== undefined) next.captions = patch.captions
      try {
        storage?.setItem(PACKAGE_SETTINGS_KEY, JSON.stringify(next))
      } catch {
        // Settings then last for this visit only; nothing the learner must act on.
      }
      return next
    },
    'profile.list': async () => ({
      activeId: 'learner',
      profiles: [{ id: 'learner', name: options.learnerName ? displayName(options.learnerName) : '', createdAt, hasPin: false }],
    }),
    'store.status': async () => ({ readOnly: false, notices: [] }),
  }
  return Object.fromEntries(METHOD_NAMES.map((method) => [method, implemented[method] ?? notInPackage(method)])) as CivicApi
}
