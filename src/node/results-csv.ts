import { stringify } from 'csv-stringify/sync'
import type { Language } from '../core/api/contract'
import type { CourseBundle } from '../core/course/bundle'
import { documentTranslator } from '../core/i18n/documents'
import { resultsTable, type LearnerResults } from '../core/progress/results'

export type { LearnerResults }

/**
 * Spreadsheet programs run cells that start with these as formulas; a learner's name must never
 * become one on a trainer's laptop.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** The columns, in order, before one per quiz; their headings are `documents.results.column.<name>` in the catalogues. */
const COLUMNS = ['learner', 'course', 'version', 'progress', 'complete', 'passed', 'quizzesPassed', 'quizzes', 'meanTaken', 'minutes', 'started', 'completed', 'imported'] as const

/** A time as the laptop's clock shows it, "2026-11-21 10:00", which spreadsheets read as a date and time. */
export function localDateTime(iso: string | null): string {
  if (iso === null) return ''
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  const two = (value: number) => String(value).padStart(2, '0')
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`
}

/**
 * One row per learner and course, those who have not started it too, with each quiz's best score
 * in a column of its own (empty until taken): what a trainer keeps as a session record. Headings
 * and yes/no are in the interface language, times in the laptop's own, figures left for
 * spreadsheets.
 */
export function resultsCsv(courses: readonly CourseBundle[], learners: readonly LearnerResults[], language: Language): string {
  const t = documentTranslator(language)
  const yesNo = (value: boolean) => t(value ? 'documents.results.yes' : 'documents.results.no')
  const tables = courses.map((course) => resultsTable(course, learners))
  const quizColumns = tables.flatMap((table) => table.quizzes.map((quiz) => ({ courseId: table.courseId, quiz })))
  const header = [...COLUMNS.map((column) => t(`documents.results.column.${column}`)), ...quizColumns.map(({ quiz }) => safeCell(t('documents.results.column.quiz', { quiz: quiz.title === quiz.module ? quiz.title : `${quiz.module}: ${quiz.title}` })))]
  const rows: (string | number)[][] = [header]
  for (let index = 0; index < learners.length; index++) {
    for (const table of tables) {
      // Rows come in the learners' order.
      const row = table.rows[index]
      if (!row) continue
      rows.push([
        safeCell(row.learner),
        safeCell(table.title),
        table.version,
        row.progress,
        yesNo(row.complete),
        row.passed === null || !row.started ? '' : yesNo(row.passed),
        // A course without quizzes leaves the quiz columns empty, as it does "passed".
        ...(row.quizSummary.total === 0 ? ['', '', ''] : [row.quizSummary.passed, row.quizSummary.total, row.quizSummary.meanTaken ?? '']),
        row.minutes,
        localDateTime(row.startedAt),
        localDateTime(row.completedAt),
        localDateTime(row.importedAt),
        ...quizColumns.map(({ courseId, quiz }) => (courseId === table.courseId ? (row.quizzes[quiz.id]?.best ?? '') : '')),
      ])
    }
  }
  return stringify(rows, { bom: true, record_delimiter: 'windows' })
}
