import type { Scorer } from '../responses'

export const scoreSingleChoice: Scorer<'single-choice'> = (question, response) => {
  const correct = question.options.some((option) => option.correct && option.id === response)
  return { score: correct ? 1 : 0, correct }
}
