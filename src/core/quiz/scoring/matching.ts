import type { Scorer } from '../responses'

/** Partial credit: the share of prompts given their own match. */
export const scoreMatching: Scorer<'matching'> = (question, response) => {
  const answers = response && typeof response === 'object' ? response : {}
  const right = question.pairs.filter((pair) => Object.hasOwn(answers, pair.id) && answers[pair.id] === pair.matchId).length
  return { score: right / question.pairs.length, correct: right === question.pairs.length }
}
