import type { CourseSummary } from '../../../core/api'

export type ReadyCourse = Extract<CourseSummary, { status: 'ready' }>

/**
 * A course's title and summary in the learner's language where the course offers it, else in the
 * course's own, with the language they are in, for the `lang` of whatever shows them.
 */
export function courseText(course: ReadyCourse, language: string): { language: string; title: string; summary: string } {
  const shown = Object.hasOwn(course.localized, language) ? language : course.language
  return { language: shown, ...(course.localized[shown] ?? { title: course.title, summary: course.summary }) }
}
