import { stringify } from 'csv-stringify/sync'
import type { Language } from '../core/api/contract'
import type { CourseBundle } from '../core/course/bundle'
import { documentTranslator } from '../core/i18n/documents'
import { courseStatus } from '../core/progress/completion'
import { wholePercent } from '../core/progress/overview'
import type { CourseProgress } from '../core/progress/schema'
import { ownValue } from '../core/progress/id-record'

export interface LearnerResults {
  name: string
  progress: Record<string, CourseProgress>
  /** When the learner's record came from another device, or null. */
  importedAt: string | null
}

/**
 * Spreadsheet programs run cells that start with these as formulas; a learner's name must never
 * become one on a trainer's laptop.
 */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** The columns, in order; their headings are `documents.results.column.<name>` in the catalogues. */
const COLUMNS = ['learner', 'course', 'version', 'progress', 'complete', 'passed', 'score', 'minutes', 'started', 'completed', 'imported'] as const

/**
 * One row per learner and course they started: what a trainer keeps as a session record. Headings
 * and yes/no are in the interface language; figures and times (ISO 8601) are left for spreadsheets.
 */
export function resultsCsv(courses: readonly CourseBundle[], learners: readonly LearnerResults[], language: Language): string {
  const t = documentTranslator(language)
  const yesNo = (value: boolean) => t(value ? 'documents.results.yes' : 'documents.results.no')
  const rows: (string | number)[][] = [COLUMNS.map((column) => t(`documents.results.column.${column}`))]
  for (const learner of learners) {
    for (const course of courses) {
      const progress = ownValue(learner.progress, course.id)
      if (!progress?.startedAt) continue
      const status = courseStatus(course, progress)
      const title = course.content[course.language]?.title ?? course.id
      rows.push([
        safeCell(learner.name),
        safeCell(title),
        course.version,
        wholePercent(status.progress),
        yesNo(status.complete),
        status.passed === null ? '' : yesNo(status.passed),
        status.score ?? '',
        Math.round(status.secondsSpent / 60),
        progress.startedAt,
        progress.completedAt ?? '',
        learner.importedAt ?? '',
      ])
    }
  }
  return stringify(rows, { bom: true, record_delimiter: 'windows' })
}
