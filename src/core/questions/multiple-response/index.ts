import type { QuestionType } from '../contract'
import { choiceMixable, choiceRoom, choicePattern, choiceResponse, isString } from '../common/choice'
import type { MultipleResponse } from './schema'

/** The ids of the options ticked. */
export const multipleResponse: QuestionType<MultipleResponse, string[]> = {
  type: 'multiple-response',
  parseResponse: (value) => (Array.isArray(value) && value.every(isString) ? value : undefined),
  /**
   * Partial credit: each right option chosen earns a share, each wrong option chosen takes one
   * away, never below zero, so ticking everything earns nothing.
   */
  score(question, response) {
    const chosen = new Set(response)
    const right = question.options.filter((option) => option.correct)
    const hits = right.filter((option) => chosen.has(option.id)).length
    const misses = question.options.filter((option) => !option.correct && chosen.has(option.id)).length
    const score = right.length === 0 ? 0 : Math.max(0, (hits - misses) / right.length)
    return { score, correct: hits === right.length && misses === 0 }
  },
  correctResponse: (question) => question.options.filter((option) => option.correct).map((option) => option.id),
  mixable: choiceMixable,
  room: (question) => choiceRoom(question, true),
  scorm: {
    interactionType: 'choice',
    learnerResponse: (version, question, response) => choiceResponse(version, question, response),
    correctPatterns: choicePattern,
  },
  codec: {
    shape: (question) => question.options.map((option) => option.id).join(''),
    write(writer, question, response) {
      writer.bool(response !== undefined)
      if (response !== undefined) for (const option of question.options) writer.bool(response.includes(option.id))
    },
    read(reader, question) {
      if (!reader.bool()) return undefined
      return question.options.filter(() => reader.bool()).map((option) => option.id)
    },
    longest: (question) => question.options.map((option) => option.id),
  },
}
