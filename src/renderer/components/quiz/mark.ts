import type { QuestionMode } from './question-view'

/**
 * Which mark an answer gets: what the learner chose is marked right or wrong once checked; a
 * right answer they did not choose is only pointed out in the review.
 */
export function markFor(mode: QuestionMode, chosen: boolean, correct: boolean): 'right' | 'wrong' | 'missed' | null {
  if (mode === 'answer') return null
  if (chosen) return correct ? 'right' : 'wrong'
  return mode === 'review' && correct ? 'missed' : null
}
