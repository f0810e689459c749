import type { CourseBundle } from '../course/bundle'
import { courseStatus, quizStanding, type QuizStanding, type QuizSummary } from './completion'
import { indexCourse } from './course-index'
import { ownValue } from './id-record'
import { wholePercent } from './overview'
import type { CourseProgress } from './schema'

/** A learner as the results see them: their name, their progress in every course, where it came from. */
export interface LearnerResults {
  name: string
  progress: Record<string, CourseProgress>
  /** When the learner's record came from another device, or null. */
  importedAt: string | null
}

/** One of the course's quizzes, in course order: its title (or else its module's) and its module's title, since quizzes share titles. */
export interface ResultsQuiz {
  id: string
  title: string
  module: string
}

/** One learner's standing in one course; a learner who has not started it has a row too. */
export interface ResultsRow {
  learner: string
  started: boolean
  /** Whole per cent of the course done. */
  progress: number
  complete: boolean
  /** Null for a course without quizzes. */
  passed: boolean | null
  /** Quizzes passed of all, and the mean of those taken. */
  quizSummary: QuizSummary
  minutes: number
  startedAt: string | null
  completedAt: string | null
  importedAt: string | null
  /** Each quiz of the course (ResultsTable.quizzes), by id. */
  quizzes: Record<string, QuizStanding>
}

export interface ResultsTable {
  courseId: string
  title: string
  version: string
  quizzes: ResultsQuiz[]
  rows: ResultsRow[]
}

/**
 * Every learner's results in one course, a row each in the order given, with every quiz's best
 * score and attempts: what the trainer's results screen shows and the results CSV holds.
 */
export function resultsTable(course: CourseBundle, learners: readonly LearnerResults[]): ResultsTable {
  const index = indexCourse(course)
  const moduleTitles = new Map(index.modules.map((module) => [module.id, module.title]))
  const quizzes = [...index.quizzes.values()].map(({ quiz, moduleId }) => {
    const module = moduleTitles.get(moduleId) ?? moduleId
    return { id: quiz.id, title: quiz.title ?? module, module }
  })
  const rows = learners.map((learner): ResultsRow => {
    const progress = ownValue(learner.progress, course.id)
    const standings = Object.fromEntries(quizzes.map((quiz) => [quiz.id, progress ? quizStanding(progress, quiz.id) : { attempts: 0, best: null, passed: false }]))
    if (!progress?.startedAt) {
      return { learner: learner.name, started: false, progress: 0, complete: false, passed: null, quizSummary: { total: quizzes.length, taken: 0, passed: 0, meanTaken: null }, minutes: 0, startedAt: null, completedAt: null, importedAt: learner.importedAt, quizzes: standings }
    }
    const status = courseStatus(course, progress)
    return {
      learner: learner.name,
      started: true,
      progress: wholePercent(status.progress),
      complete: status.complete,
      passed: status.passed,
      quizSummary: status.quizzes,
      minutes: Math.round(status.secondsSpent / 60),
      startedAt: progress.startedAt,
      completedAt: progress.completedAt ?? null,
      importedAt: learner.importedAt,
      quizzes: standings,
    }
  })
  return { courseId: course.id, title: course.content[course.language]?.title ?? course.id, version: course.version, quizzes, rows }
}
