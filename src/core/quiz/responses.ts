import type { Question } from '../course/questions'

/** What a learner answered, per question type: plain JSON, small enough for SCORM suspend data. */
export interface ResponseByType {
  'single-choice': string
  'multiple-response': string[]
  'true-false': boolean
  /** Pair id → the id of the match the learner chose for it. */
  matching: Record<string, string>
  /** Item ids in the order the learner put them. */
  ordering: string[]
  'fill-in': string
}

export type QuestionType = Question['type']
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>
export type Response = ResponseByType[QuestionType]

/** A score between 0 and 1, and whether the answer is wholly right. */
export interface QuestionScore {
  score: number
  correct: boolean
}

/** Scores one question type; must accept any response shape without throwing. */
export type Scorer<T extends QuestionType> = (question: QuestionOf<T>, response: ResponseByType[T]) => QuestionScore
