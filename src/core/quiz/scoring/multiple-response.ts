import type { Scorer } from '../responses'

/**
 * Partial credit: each right option chosen earns a share, each wrong option chosen takes one
 * away, never below zero, so ticking everything earns nothing.
 */
export const scoreMultipleResponse: Scorer<'multiple-response'> = (question, response) => {
  const chosen = new Set(Array.isArray(response) ? response : [])
  const right = question.options.filter((option) => option.correct)
  const hits = right.filter((option) => chosen.has(option.id)).length
  const misses = question.options.filter((option) => !option.correct && chosen.has(option.id)).length
  const score = right.length === 0 ? 0 : Math.max(0, (hits - misses) / right.length)
  return { score, correct: hits === right.length && misses === 0 }
}
