import type { QuizBlock } from '../course/blocks/quiz'
import type { CourseBundle } from '../course/bundle'
import { courseStatus } from '../progress/completion'
import type { CourseProgress, QuizAttemptRecord } from '../progress/schema'
import { planAttempt, scoreAttempt } from '../quiz/attempt'
import { type Question, questionType, type Response } from '../questions/registry'
import { description, resultValue, scormIdentifier, timestamp2004 } from './formats'
import { CMI } from './cmi'
import type { ScormVersion } from './manifest'

export { CMI }

/** One SetValue. */
export interface CmiWrite {
  element: string
  value: string
}

/** What the learner has achieved, in the terms both versions need. */
export interface Standing {
  complete: boolean
  hasQuizzes: boolean
  /** Every quiz attempted and the score at or above the course pass mark (the package's mastery score). */
  passed: boolean
  /** Every quiz attempted and the score below the pass mark: a retry can still turn it into passed. */
  failed: boolean
  /**
   * 0–100, the mean of each quiz's best score, once every quiz has been attempted; null before.
   * A partial score would be judged against the mastery score by an LMS that applies it, and
   * mark a learner failed halfway through.
   */
  score: number | null
  progress: number
}

export function standing(course: CourseBundle, progress: CourseProgress): Standing {
  const status = courseStatus(course, progress)
  return {
    complete: status.complete,
    hasQuizzes: status.passed !== null,
    passed: status.passed === true,
    failed: status.passed === false && status.attemptedAll,
    score: status.attemptedAll ? status.score : null,
    progress: status.progress,
  }
}

/**
 * 1.2's single status, which an LMS takes as the learner's verdict: passed once the course is
 * complete and passed, failed once every quiz is attempted and the score is below the pass mark,
 * completed for a complete course without quizzes, incomplete otherwise.
 */
export function lessonStatus12(value: Standing): 'passed' | 'failed' | 'completed' | 'incomplete' {
  if (!value.hasQuizzes) return value.complete ? 'completed' : 'incomplete'
  if (value.passed && value.complete) return 'passed'
  return value.failed ? 'failed' : 'incomplete'
}

/** How far each status value goes; a learner is never moved back down this scale. */
const STATUS_RANK: Record<string, number> = { 'not attempted': 0, unknown: 0, browsed: 1, incomplete: 1, failed: 2, completed: 3, passed: 4 }
const RANKED_BY_VALUE = new Set(['cmi.core.score.raw', 'cmi.score.raw', 'cmi.score.scaled', 'cmi.progress_measure'])
const RANKED_BY_STATUS = new Set(['cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status'])

/**
 * True when writing `value` would move the learner back from what the LMS already holds: a
 * status lower on the scale or a lower score or progress. That happens when a returning learner's
 * saved progress cannot be used (an updated package, data the LMS lost) and the course starts
 * again: what they achieved before stays on record.
 */
export function lowersRecord(element: string, value: string, held: string | undefined): boolean {
  if (held === undefined || held === '') return false
  if (RANKED_BY_STATUS.has(element)) return (STATUS_RANK[value] ?? 0) < (STATUS_RANK[held] ?? 0)
  if (RANKED_BY_VALUE.has(element)) return Number(value) < Number(held)
  return false
}

/** The elements lowersRecord guards, read from the LMS when a session starts. */
export const RECORD_ELEMENTS: Record<ScormVersion, readonly string[]> = {
  scorm12: ['cmi.core.lesson_status', 'cmi.core.score.raw'],
  scorm2004: ['cmi.completion_status', 'cmi.success_status', 'cmi.score.raw', 'cmi.score.scaled', 'cmi.progress_measure'],
}

/**
 * The writes left once those `refused` are taken out (they would lower the learner's record, or
 * the LMS could not say what it holds). When the verdict is refused the score goes too: an LMS
 * applying the mastery score would turn a new score into a verdict of its own.
 */
export function keepRecord(version: ScormVersion, writes: readonly CmiWrite[], refused: (write: CmiWrite) => boolean): CmiWrite[] {
  const verdict = CMI[version].verdict
  const out = writes.filter((write) => !refused(write))
  const verdictRefused = writes.some((write) => write.element === verdict) && !out.some((write) => write.element === verdict)
  return verdictRefused ? out.filter((write) => !/^cmi\.(core\.)?score\./.test(write.element)) : out
}

const decimal = (value: number, places: number) => String(Number(value.toFixed(places)))

/**
 * Location, status, score and progress for the version. 2004 sets completion and success
 * separately; the score goes out once a quiz has been attempted.
 */
export function trackingWrites(version: ScormVersion, course: CourseBundle, progress: CourseProgress): CmiWrite[] {
  const value = standing(course, progress)
  const writes: CmiWrite[] = []
  if (progress.location) writes.push({ element: CMI[version].location, value: progress.location.pageId })
  if (version === 'scorm12') {
    const status = lessonStatus12(value)
    writes.push({ element: 'cmi.core.lesson_status', value: status })
    // The score goes with a verdict: an LMS applying the mastery score would read "passed" into a
    // good score sent while the course is still incomplete.
    if (value.score !== null && (status === 'passed' || status === 'failed')) {
      writes.push({ element: 'cmi.core.score.raw', value: decimal(value.score, 2) })
      writes.push({ element: 'cmi.core.score.min', value: '0' })
      writes.push({ element: 'cmi.core.score.max', value: '100' })
    }
    return writes
  }
  writes.push({ element: 'cmi.completion_status', value: value.complete ? 'completed' : 'incomplete' })
  writes.push({ element: 'cmi.success_status', value: value.passed ? 'passed' : value.failed ? 'failed' : 'unknown' })
  writes.push({ element: 'cmi.progress_measure', value: decimal(value.progress, 4) })
  if (value.score !== null) {
    writes.push({ element: 'cmi.score.scaled', value: decimal(value.score / 100, 4) })
    writes.push({ element: 'cmi.score.raw', value: decimal(value.score, 2) })
    writes.push({ element: 'cmi.score.min', value: '0' })
    writes.push({ element: 'cmi.score.max', value: '100' })
  }
  return writes
}

/** The learner's answer in the version's format, or undefined when there is nothing valid to write. */
export function learnerResponse(version: ScormVersion, question: Question, response: unknown): string | undefined {
  const type = questionType(question)
  const parsed = response === undefined ? undefined : type.parseResponse(response)
  return parsed === undefined ? undefined : type.scorm.learnerResponse(version, question, parsed)
}

/** The correct response patterns: one per accepted fill-in answer, one otherwise. */
export function correctPatterns(version: ScormVersion, question: Question): string[] {
  return questionType(question).scorm.correctPatterns(version, question)
}

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * The journal entries for one submitted attempt: one interaction per question shown, id set
 * before anything else (2004 refuses the rest otherwise), with the version's response formats and
 * result words, the correct responses for reports, and the time it was submitted. `plainText`
 * is the host's own Markdown-to-text, for 2004's description of the question.
 */
export function interactionWrites(
  version: ScormVersion,
  firstIndex: number,
  quiz: QuizBlock,
  attempt: QuizAttemptRecord,
  attemptNumber: number,
  plainText: (markdown: string) => string,
): CmiWrite[][] {
  const plan = planAttempt(quiz, attempt.seed)
  const responses = attempt.responses as Record<string, Response>
  const scored = scoreAttempt(quiz, plan.questionIds, responses)
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))
  const when = new Date(attempt.submittedAt)
  return scored.questions.map((result, offset) => {
    const question = byId.get(result.id) as Question
    const base = `cmi.interactions.${firstIndex + offset}`
    const writes: CmiWrite[] = [
      { element: `${base}.id`, value: scormIdentifier(quiz.id, question.id, `a${attemptNumber}`) },
      { element: `${base}.type`, value: questionType(question).scorm.interactionType },
    ]
    if (version === 'scorm2004') {
      writes.push({ element: `${base}.description`, value: description(plainText(question.prompt)) })
      if (!Number.isNaN(when.getTime())) writes.push({ element: `${base}.timestamp`, value: timestamp2004(when) })
    } else if (!Number.isNaN(when.getTime())) {
      writes.push({ element: `${base}.time`, value: `${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}` })
    }
    correctPatterns(version, question).forEach((pattern, index) => writes.push({ element: `${base}.correct_responses.${index}.pattern`, value: pattern }))
    writes.push({ element: `${base}.weighting`, value: decimal(question.weight, 2) })
    const answer = learnerResponse(version, question, Object.hasOwn(responses, question.id) ? responses[question.id] : undefined)
    if (answer !== undefined) writes.push({ element: `${base}.${version === 'scorm12' ? 'student_response' : 'learner_response'}`, value: answer })
    writes.push({ element: `${base}.result`, value: resultValue(version, result.correct ? 'correct' : 'incorrect') })
    return writes
  })
}
