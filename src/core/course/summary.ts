import type { CourseSummary } from '../api/contract'
import type { CourseBundle } from './bundle'

/** What the library shows of a course that loads: one home for the app's catalogue and the SCORM player. */
export function courseSummary(bundle: CourseBundle): Extract<CourseSummary, { status: 'ready' }> {
  const content = bundle.content[bundle.language]
  return {
    status: 'ready',
    id: bundle.id,
    title: content?.title ?? bundle.id,
    summary: content?.summary ?? '',
    language: bundle.language,
    languages: bundle.languages,
    localized: Object.fromEntries(Object.entries(bundle.content).map(([language, localized]) => [language, { title: localized.title, summary: localized.summary }])),
    minutes: bundle.minutes,
    modules: content?.modules.length ?? 0,
    ...(bundle.example ? { example: true as const } : {}),
    ...(bundle.cover !== undefined ? { cover: bundle.cover } : {}),
  }
}
