import type { QuizBlock } from '../course/blocks/quiz'
import type { ScormVersion } from './manifest'

/**
 * How a package tells the LMS the learner's result: the word for a pass and the word for a fail,
 * the choice authoring tools give a council. Moodle (and Totara) take SCORM 1.2's "failed" as the
 * end of the attempt: the next launch opens in review mode, with no credit, so a learner who fails
 * cannot try again. "passed-incomplete", the default, reports a fail as "incomplete" and lets them.
 */
export const REPORTING_MODES = ['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed'] as const
export type ReportingMode = (typeof REPORTING_MODES)[number]
export const DEFAULT_REPORTING: ReportingMode = 'passed-incomplete'

export interface ReportingWords {
  /** What a learner who completes the course and passes its quizzes is reported as. */
  pass: 'passed' | 'completed'
  /** What a learner who attempted every quiz and scored below the pass mark is reported as. */
  fail: 'failed' | 'incomplete'
}

export function reportingWords(mode: ReportingMode): ReportingWords {
  const [pass, fail] = mode.split('-') as [ReportingWords['pass'], ReportingWords['fail']]
  return { pass, fail }
}

/**
 * Whether the package's manifest carries the pass mark (1.2's mastery score, 2004's scaled passing
 * score). An LMS that has one judges the score itself: it would turn "completed" and a score into
 * passed or failed. So a package that reports a pass as "completed" leaves it out.
 */
export function manifestCarriesPassMark(mode: ReportingMode): boolean {
  return reportingWords(mode).pass === 'passed'
}

/**
 * Which questions go to the LMS's interactions journal (`cmi.interactions`), one entry per
 * question of each submitted attempt: the author's choice. An LMS keeps the journal for its
 * reports; Moodle sends it again with every commit, so a long journal makes every save bigger.
 * "assessments" keeps only quizzes that hold their feedback to the end (`feedback: end`): the
 * ones that test rather than teach.
 */
export const INTERACTION_JOURNALS = ['assessments', 'all', 'none'] as const
export type InteractionJournal = (typeof INTERACTION_JOURNALS)[number]
export const DEFAULT_INTERACTIONS: InteractionJournal = 'assessments'

/**
 * The most the interactions journal may add to a request, as a beacon carries it (moodle-model.ts):
 * Moodle's 2004 runtime sends the whole journal with every commit, the last one by beacon, which
 * Chromium refuses past 64 KiB. With the rest of a commit, the last one stays under 16 KiB. An
 * attempt that would not fit is kept in the learner's progress and not journaled.
 */
export const JOURNAL_BUDGET_BYTES = 13 * 1024

export function journalsQuiz(choice: InteractionJournal, quiz: Pick<QuizBlock, 'feedback'>): boolean {
  if (choice === 'none') return false
  return choice === 'all' || quiz.feedback === 'end'
}

/**
 * What to tick in the LMS's completion settings for the package's reporting, in the LMS's own
 * terms: Moodle and Totara's "Require status" (Passed, Completed) for 1.2, and for 2004 the
 * success and completion statuses the package reports.
 */
export function completionAdvice(version: ScormVersion, mode: ReportingMode, hasQuizzes: boolean): { requireStatus: ('passed' | 'completed')[] } {
  if (!hasQuizzes) return { requireStatus: ['completed'] }
  if (version === 'scorm2004') return { requireStatus: reportingWords(mode).pass === 'passed' ? ['passed', 'completed'] : ['completed'] }
  return { requireStatus: [reportingWords(mode).pass] }
}
