import { bitsFor } from '../../scorm/bits'
import type { QuestionType } from '../contract'
import { fillInText } from '../common/scorm-format'
import type { FillIn } from './schema'

/** Answers longer than this are cut in suspend data (the input allows no more). */
const MAX_ANSWER_CHARS = 1000

/** Spaces around and inside an answer do not count; capitals count only when the author says so. */
export function normaliseAnswer(text: string, caseSensitive: boolean): string {
  const tidy = text.normalize('NFC').trim().replace(/\s+/g, ' ')
  return caseSensitive ? tidy : tidy.toLocaleLowerCase()
}

/** The accepted answer a response is marked right against, or -1. */
function acceptedIndex(question: FillIn, response: string): number {
  const given = normaliseAnswer(response, question.caseSensitive)
  if (given === '') return -1
  return question.accepted.findIndex((answer) => normaliseAnswer(answer, question.caseSensitive) === given)
}

/** The words the learner typed. */
export const fillIn: QuestionType<FillIn, string> = {
  type: 'fill-in',
  parseResponse: (value) => (typeof value === 'string' ? value : undefined),
  score(question, response) {
    const correct = acceptedIndex(question, response) >= 0
    return { score: correct ? 1 : 0, correct }
  },
  correctResponse: (question) => question.accepted[0] ?? '',
  scorm: {
    interactionType: 'fill-in',
    learnerResponse(version, _question, response) {
      const text = fillInText(version, response)
      return text === '' ? undefined : text
    },
    // 2004 compares case-insensitively unless told; 1.2 has no way to say.
    correctPatterns(version, question) {
      const prefix = version === 'scorm2004' ? `{case_matters=${question.caseSensitive}}` : ''
      return question.accepted.slice(0, 10).map((answer) => `${prefix}${fillInText(version, answer)}`)
    },
  },
  codec: {
    shape: (question) => String(question.accepted.length),
    /** A right answer is kept as the position of the accepted answer it matches; the learner's own spelling and wrong answers as text, while there is room. */
    write(writer, question, response, keepText) {
      writer.bool(response !== undefined)
      if (response === undefined) return
      const accepted = acceptedIndex(question, response)
      writer.bool(accepted >= 0)
      if (accepted >= 0) {
        writer.uint(accepted, bitsFor(question.accepted.length - 1))
        const own = response !== question.accepted[accepted]
        writer.bool(own)
        if (!own) return
      }
      writer.bool(keepText)
      if (keepText) writer.text(response.slice(0, MAX_ANSWER_CHARS))
    },
    read(reader, question) {
      if (!reader.bool()) return undefined
      if (reader.bool()) {
        const accepted = question.accepted[reader.index(question.accepted.length)] as string
        if (!reader.bool()) return accepted
        return reader.bool() ? reader.text(MAX_ANSWER_CHARS * 4) : accepted
      }
      // A wrong answer whose text did not fit stays a wrong answer, just without its words.
      return reader.bool() ? reader.text(MAX_ANSWER_CHARS * 4) : ''
    },
    longest: (question) => question.accepted.at(-1) ?? '',
    optionalTextBytes: (_question, response) => response.length,
  },
}
