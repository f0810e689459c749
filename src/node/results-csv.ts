import { stringify } from 'csv-stringify/sync'
import type { CourseBundle } from '../core/course/bundle'
import { courseStatus } from '../core/progress/completion'
import { wholePercent } from '../core/progress/overview'
import type { CourseProgress } from '../core/progress/schema'

export interface LearnerResults {
  name: string
  progress: Record<string, CourseProgress>
}

/**
 * Spreadsheet programs run cells that start with these as formulas; a learner's name must never
 * become one on a trainer's laptop.
 */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** One row per learner and course they started: what a trainer keeps as a session record. */
export function resultsCsv(courses: readonly CourseBundle[], learners: readonly LearnerResults[]): string {
  const rows: (string | number)[][] = [['Learner', 'Course', 'Version', 'Progress (%)', 'Complete', 'Passed', 'Score (%)', 'Minutes spent', 'Started', 'Completed']]
  for (const learner of learners) {
    for (const course of courses) {
      const progress = learner.progress[course.id]
      if (!progress?.startedAt) continue
      const status = courseStatus(course, progress)
      const title = course.content[course.language]?.title ?? course.id
      rows.push([
        safeCell(learner.name),
        safeCell(title),
        course.version,
        wholePercent(status.progress),
        status.complete ? 'yes' : 'no',
        status.passed === null ? '' : status.passed ? 'yes' : 'no',
        status.score ?? '',
        Math.round(status.secondsSpent / 60),
        progress.startedAt,
        progress.completedAt ?? '',
      ])
    }
  }
  return stringify(rows, { bom: true, record_delimiter: 'windows' })
}
