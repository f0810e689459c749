import { bitsFor } from '../../scorm/bits'
import type { QuestionType } from '../contract'
import { choiceMixable, choiceRoom, choicePattern, choiceResponse, isString } from '../common/choice'
import type { SingleChoice } from './schema'

/** One option, by its id. */
export const singleChoice: QuestionType<SingleChoice, string> = {
  type: 'single-choice',
  parseResponse: (value) => (isString(value) ? value : undefined),
  score(question, response) {
    const correct = question.options.some((option) => option.correct && option.id === response)
    return { score: correct ? 1 : 0, correct }
  },
  correctResponse: (question) => question.options.find((option) => option.correct)?.id ?? '',
  mixable: choiceMixable,
  room: (question) => choiceRoom(question, false),
  scorm: {
    interactionType: 'choice',
    learnerResponse: (version, question, response) => choiceResponse(version, question, [response]),
    correctPatterns: choicePattern,
  },
  codec: {
    shape: (question) => question.options.map((option) => option.id).join(''),
    write(writer, question, response) {
      const index = question.options.findIndex((option) => option.id === response)
      writer.bool(index >= 0)
      if (index >= 0) writer.uint(index, bitsFor(question.options.length - 1))
    },
    read(reader, question) {
      if (!reader.bool()) return undefined
      return question.options[reader.index(question.options.length)]?.id
    },
    longest: (question) => question.options.at(-1)?.id ?? '',
  },
}
