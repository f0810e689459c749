import type { QuizBlock } from '../course/blocks/quiz'
import type { CourseBundle } from '../course/bundle'
import { courseStatus } from '../progress/completion'
import { indexCourse } from '../progress/course-index'
import type { CourseProgress, QuizAttemptRecord } from '../progress/schema'
import { planAttempt, scoreAttempt } from '../quiz/attempt'
import { type Question, questionType, type Response } from '../questions/registry'
import { resultValue, scormIdentifier } from './formats'
import { CMI } from './cmi'
import type { ScormVersion } from './manifest'
import { beaconCost } from './moodle-model'
import { JOURNAL_BUDGET_BYTES, journalsQuiz, reportingWords, type InteractionJournal, type ReportingMode } from './reporting'

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
 * 1.2's single status, which an LMS takes as the learner's verdict: the reporting's word for a
 * pass once the course is complete and passed, its word for a fail once every quiz is attempted
 * and the score is below the pass mark, completed for a complete course without quizzes,
 * incomplete otherwise.
 */
export function lessonStatus12(value: Standing, reporting: ReportingMode): 'passed' | 'failed' | 'completed' | 'incomplete' {
  if (!value.hasQuizzes) return value.complete ? 'completed' : 'incomplete'
  const words = reportingWords(reporting)
  if (value.passed && value.complete) return words.pass
  return value.failed ? words.fail : 'incomplete'
}

/**
 * 2004's two statuses for the reporting chosen. A pass reported as "passed" is the success
 * status; reported as "completed", only the completion status says it. A fail reported as
 * "failed" is the success status; reported as "incomplete", success stays unknown and so does
 * completion, even with every page read: Moodle ends a 2004 attempt once it is completed, and the
 * learner is to try again in it.
 */
function statuses2004(value: Standing, reporting: ReportingMode): { completion: 'completed' | 'incomplete'; success: 'passed' | 'failed' | 'unknown' } {
  const words = reportingWords(reporting)
  const completeEnough = value.complete && (!value.hasQuizzes || value.passed || words.fail === 'failed')
  const success = value.passed && words.pass === 'passed' ? 'passed' : value.failed && words.fail === 'failed' ? 'failed' : 'unknown'
  return { completion: completeEnough ? 'completed' : 'incomplete', success }
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
 * Location, status, score and progress for the version, reported as the package's reporting
 * says. 2004 sets completion and success separately. The score goes out with a verdict the
 * reporting gives: an LMS that judges the score itself (the manifest's pass mark) would otherwise
 * read a verdict into it that the package did not give, such as "failed" for a learner whose
 * fail is reported as incomplete so that they can try again.
 */
export function trackingWrites(version: ScormVersion, course: CourseBundle, progress: CourseProgress, reporting: ReportingMode): CmiWrite[] {
  const value = standing(course, progress)
  const failReported = value.failed && reportingWords(reporting).fail === 'failed'
  const writes: CmiWrite[] = []
  if (progress.location) writes.push({ element: CMI[version].location, value: progress.location.pageId })
  if (version === 'scorm12') {
    const status = lessonStatus12(value, reporting)
    writes.push({ element: 'cmi.core.lesson_status', value: status })
    // The score goes with a verdict: an LMS applying the mastery score would read "passed" into a
    // good score sent while the course is still incomplete.
    if (value.score !== null && ((value.passed && value.complete) || failReported)) {
      writes.push({ element: 'cmi.core.score.raw', value: decimal(value.score, 2) })
      writes.push({ element: 'cmi.core.score.min', value: '0' })
      writes.push({ element: 'cmi.core.score.max', value: '100' })
    }
    return writes
  }
  const { completion, success } = statuses2004(value, reporting)
  writes.push({ element: 'cmi.completion_status', value: completion })
  writes.push({ element: 'cmi.success_status', value: success })
  writes.push({ element: 'cmi.progress_measure', value: decimal(value.progress, 4) })
  // 2004 keeps success apart from completion, so a passing score may go out before the course is
  // complete. Scaled and raw only: Moodle sends every score element again with each commit, and
  // min and max (0 and 100) tell an LMS nothing the scaled score does not.
  if (value.score !== null && (value.passed || failReported)) {
    writes.push({ element: 'cmi.score.scaled', value: decimal(value.score / 100, 4) })
    writes.push({ element: 'cmi.score.raw', value: decimal(value.score, 2) })
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

/**
 * The attempt that decides a quiz, the one the interactions journal keeps: the first passed, or
 * else the last the quiz allows once it has been taken. Null while neither has happened (a quiz
 * with unlimited attempts not yet passed).
 */
export function decidingAttempt(quiz: Pick<QuizBlock, 'attempts'>, attempts: readonly Pick<QuizAttemptRecord, 'passed'>[]): number | null {
  const passed = attempts.findIndex((attempt) => attempt.passed)
  if (passed >= 0) return passed
  return quiz.attempts !== undefined && attempts.length >= quiz.attempts ? quiz.attempts - 1 : null
}

/**
 * The journal entries for one submitted attempt: one interaction per question shown, id set
 * before anything else (2004 refuses the rest otherwise), with the version's response formats and
 * result words and the correct responses for reports. Entries are kept lean, because some LMSs
 * (Moodle's 2004 runtime) send the whole journal again with every commit: no description (the id
 * names the quiz, the question and the attempt), no weighting and no time.
 */
export function interactionWrites(version: ScormVersion, firstIndex: number, quiz: QuizBlock, attempt: QuizAttemptRecord, attemptNumber: number): CmiWrite[][] {
  const plan = planAttempt(quiz, attempt.seed)
  const responses = attempt.responses as Record<string, Response>
  const scored = scoreAttempt(quiz, plan.questionIds, responses)
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))
  return scored.questions.map((result, offset) => {
    const question = byId.get(result.id) as Question
    const base = `cmi.interactions.${firstIndex + offset}`
    const writes: CmiWrite[] = [
      { element: `${base}.id`, value: scormIdentifier(quiz.id, question.id, `a${attemptNumber}`) },
      { element: `${base}.type`, value: questionType(question).scorm.interactionType },
    ]
    correctPatterns(version, question).forEach((pattern, index) => writes.push({ element: `${base}.correct_responses.${index}.pattern`, value: pattern }))
    const answer = learnerResponse(version, question, Object.hasOwn(responses, question.id) ? responses[question.id] : undefined)
    if (answer !== undefined) writes.push({ element: `${base}.${version === 'scorm12' ? 'student_response' : 'learner_response'}`, value: answer })
    writes.push({ element: `${base}.result`, value: resultValue(version, result.correct ? 'correct' : 'incorrect') })
    return writes
  })
}

/**
 * How many answers the interactions journal holds for this course before it is full
 * (JOURNAL_BUDGET_BYTES), going by the journaled quizzes' questions answered right, and how many
 * questions one attempt at each journaled quiz asks. For the export's summary.
 */
export function journalCapacity(version: ScormVersion, course: CourseBundle, choice: InteractionJournal): { answers: number; quizzes: { id: string; questions: number }[] } {
  const quizzes = [...indexCourse(course).quizzes.values()].map((entry) => entry.quiz).filter((quiz) => journalsQuiz(choice, quiz))
  const costs: number[] = []
  const asked: { id: string; questions: number }[] = []
  for (const quiz of quizzes) {
    const plan = planAttempt(quiz, 1)
    const byId = new Map(quiz.questions.map((question) => [question.id, question]))
    const responses = Object.fromEntries(plan.questionIds.map((id) => [id, questionType(byId.get(id) as Question).correctResponse(byId.get(id) as Question)]))
    const attempt: QuizAttemptRecord = { seed: 1, startedAt: '2026-01-01T00:00:00.000Z', submittedAt: '2026-01-01T00:10:00.000Z', responses, score: 100, passed: true }
    // Index 100: a journal's indexes have as many digits as a full one's, more or less.
    for (const writes of interactionWrites(version, 100, quiz, attempt, 1)) costs.push(beaconCost(writes))
    asked.push({ id: quiz.id, questions: plan.questionIds.length })
  }
  const mean = costs.length === 0 ? 0 : costs.reduce((sum, cost) => sum + cost, 0) / costs.length
  return { answers: mean === 0 ? 0 : Math.floor(JOURNAL_BUDGET_BYTES / mean), quizzes: asked }
}
