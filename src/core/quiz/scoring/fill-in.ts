import type { Scorer } from '../responses'

/** Spaces around and inside an answer do not count; capitals count only when the author says so. */
export function normaliseAnswer(text: string, caseSensitive: boolean): string {
  const tidy = text.normalize('NFC').trim().replace(/\s+/g, ' ')
  return caseSensitive ? tidy : tidy.toLocaleLowerCase()
}

export const scoreFillIn: Scorer<'fill-in'> = (question, response) => {
  const given = normaliseAnswer(typeof response === 'string' ? response : '', question.caseSensitive)
  const correct = given !== '' && question.accepted.some((answer) => normaliseAnswer(answer, question.caseSensitive) === given)
  return { score: correct ? 1 : 0, correct }
}
