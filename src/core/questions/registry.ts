import type { QuestionBase, QuestionScore, QuestionType } from './contract'
import { fillIn } from './fill-in'
import { matching } from './matching'
import { multipleResponse } from './multiple-response'
import { ordering } from './ordering'
import type { Question } from './schemas'
import { singleChoice } from './single-choice'
import { sort } from './sort'
import { trueFalse } from './true-false'

export type { Question } from './schemas'
export type QuestionTypeName = Question['type']
export type QuestionOf<T extends QuestionTypeName> = Extract<Question, { type: T }>

/**
 * The question types, by name: one line per type. `satisfies` makes a type in the course format
 * without its behaviour here (or one here the format does not know) a compile error, and a
 * behaviour missing any part of the contract too. Zod-free, for the SCORM player.
 */
export const QUESTION_TYPES = {
  'single-choice': singleChoice,
  'multiple-response': multipleResponse,
  'true-false': trueFalse,
  matching,
  ordering,
  sort,
  'fill-in': fillIn,
} satisfies { readonly [T in QuestionTypeName]: QuestionType<QuestionOf<T>, unknown> }

type ResponseOfType<D> = D extends QuestionType<QuestionBase, infer R> ? R : never
/** What a learner answers to a question of type T. */
export type ResponseOf<T extends QuestionTypeName> = ResponseOfType<(typeof QUESTION_TYPES)[T]>
/** Any answer to any question: plain JSON, small enough for suspend data. */
export type Response = ResponseOf<QuestionTypeName>

/** The behaviour of a question's own type, typed for any question. */
export function questionType(question: Question): QuestionType<Question, Response> {
  const found: unknown = Object.hasOwn(QUESTION_TYPES, question.type) ? (QUESTION_TYPES as Record<string, unknown>)[question.type] : undefined
  if (!found) throw new Error(`There is no question type "${question.type}".`)
  return found as QuestionType<Question, Response>
}

/** Scores any value as an answer to the question: one of the wrong shape scores nothing. */
export function scoreQuestion(question: Question, response: unknown): QuestionScore {
  if (response === undefined) return { score: 0, correct: false }
  const type = questionType(question)
  const parsed = type.parseResponse(response)
  return parsed === undefined ? { score: 0, correct: false } : type.score(question, parsed)
}
