import type { CourseBundle, Module } from '../course/bundle'
import { indexCourse } from './course-index'
import { hasId, ownValue } from './id-record'
import type { CourseProgress } from './schema'

export type ModuleStatus = 'not-started' | 'in-progress' | 'completed' | 'passed'

export interface QuizStanding {
  attempts: number
  best: number | null
  passed: boolean
}

export function quizStanding(state: CourseProgress, quizId: string): QuizStanding {
  const attempts = ownValue(state.quizzes, quizId)?.attempts ?? []
  const best = attempts.length === 0 ? null : Math.max(...attempts.map((attempt) => attempt.score))
  return { attempts: attempts.length, best, passed: attempts.some((attempt) => attempt.passed) }
}

function moduleQuizIds(course: CourseBundle, module: Module): readonly string[] {
  return indexCourse(course).moduleQuizzes.get(module.id) ?? []
}

/**
 * A module is not started until a page is seen; completed once every page is seen and every quiz
 * attempted; passed when, in addition, it has quizzes and every one is passed.
 */
export function moduleStatus(course: CourseBundle, state: CourseProgress, module: Module): ModuleStatus {
  const quizzes = moduleQuizIds(course, module).map((id) => quizStanding(state, id))
  const seen = module.pages.filter((page) => hasId(state.pages, page.id)).length
  if (seen === 0 && quizzes.every((quiz) => quiz.attempts === 0)) return 'not-started'
  if (seen < module.pages.length || quizzes.some((quiz) => quiz.attempts === 0)) return 'in-progress'
  if (quizzes.length > 0 && quizzes.every((quiz) => quiz.passed)) return 'passed'
  return 'completed'
}

/**
 * The quizzes as a learner or trainer reads them: how many passed of how many, and the mean of the
 * quizzes taken (null before any). Never a single mean with untaken quizzes as 0, which reads as a
 * failing mark for work not yet started.
 */
export interface QuizSummary {
  total: number
  taken: number
  passed: number
  meanTaken: number | null
}

export interface CourseStatus {
  /** The course's completion rules are all met. */
  complete: boolean
  /**
   * Every quiz attempted and the score at or above the course's pass mark; null for a course
   * without quizzes. The one rule the app, certificates, results and an LMS share: an LMS that
   * applies the package's mastery score (the course pass mark) reaches the same verdict.
   */
  passed: boolean | null
  /** Every quiz has been attempted at least once, so the score is final unless a retry raises it. */
  attemptedAll: boolean
  /**
   * Mean of each quiz's best score (0 for a quiz not yet taken); null without quizzes. The course
   * score an LMS and the pass verdict use; screens and records show `quizzes` instead.
   */
  score: number | null
  quizzes: QuizSummary
  /** Share of the course done, 0–1: pages seen and quizzes passed. */
  progress: number
  pagesSeen: number
  pagesTotal: number
  secondsSpent: number
}

export function courseStatus(course: CourseBundle, state: CourseProgress): CourseStatus {
  const index = indexCourse(course)
  const pageIds = [...index.pageModule.keys()]
  const pagesSeen = pageIds.filter((id) => hasId(state.pages, id)).length
  const quizzes = [...index.quizzes.keys()].map((id) => quizStanding(state, id))
  const quizzesPassed = quizzes.filter((quiz) => quiz.passed).length
  const attemptedAll = quizzes.every((quiz) => quiz.attempts > 0)
  const score = quizzes.length === 0 ? null : Math.round(quizzes.reduce((sum, quiz) => sum + (quiz.best ?? 0), 0) / quizzes.length)
  const taken = quizzes.flatMap((quiz) => (quiz.best === null ? [] : [quiz.best]))
  const rules = {
    'all-pages-viewed': pagesSeen === pageIds.length,
    'all-quizzes-passed': quizzesPassed === quizzes.length,
  }
  const total = pageIds.length + quizzes.length
  return {
    complete: course.completion.every((rule) => rules[rule]),
    passed: score === null ? null : attemptedAll && score >= course.passMark,
    attemptedAll,
    score,
    quizzes: { total: quizzes.length, taken: taken.length, passed: quizzesPassed, meanTaken: taken.length === 0 ? null : Math.round(taken.reduce((sum, best) => sum + best, 0) / taken.length) },
    progress: total === 0 ? 0 : (pagesSeen + quizzesPassed) / total,
    pagesSeen,
    pagesTotal: pageIds.length,
    secondsSpent: Object.values(state.pages).reduce((sum, page) => sum + page.seconds, 0),
  }
}

/** A certificate needs the course complete and, where it has quizzes, passed: never a certificate for a fail. */
export function earnsCertificate(status: Pick<CourseStatus, 'complete' | 'passed'>): boolean {
  return status.complete && status.passed !== false
}
