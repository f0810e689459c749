import type { QuestionType } from '../contract'
import { booleanValue } from '../common/scorm-format'
import type { TrueFalse } from './schema'

/** Whether the learner judged the statement true. */
export const trueFalse: QuestionType<TrueFalse, boolean> = {
  type: 'true-false',
  parseResponse: (value) => (typeof value === 'boolean' ? value : undefined),
  score(question, response) {
    const correct = response === question.answer
    return { score: correct ? 1 : 0, correct }
  },
  correctResponse: (question) => question.answer,
  room: (question, words) => ({ options: [{ id: 'true', text: words.true }, { id: 'false', text: words.false }], multiple: false, correct: [String(question.answer)] }),
  scorm: {
    interactionType: 'true-false',
    learnerResponse: (version, _question, response) => booleanValue(version, response),
    correctPatterns: (version, question) => [booleanValue(version, question.answer)],
  },
  codec: {
    shape: () => '',
    write(writer, _question, response) {
      writer.bool(response !== undefined)
      if (response !== undefined) writer.bool(response)
    },
    read: (reader) => (reader.bool() ? reader.bool() : undefined),
    longest: () => true,
  },
}
