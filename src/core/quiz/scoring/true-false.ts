import type { Scorer } from '../responses'

export const scoreTrueFalse: Scorer<'true-false'> = (question, response) => {
  const correct = response === question.answer
  return { score: correct ? 1 : 0, correct }
}
