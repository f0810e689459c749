import type { QuizBlock } from '../course/blocks/quiz'
import { questionType, type Response, scoreQuestion } from '../questions/registry'
import { seededRandom, shuffled } from './random'
import { idRecord } from '../progress/id-record'

/** Which questions an attempt shows, and in what order its options appear: all from the seed. */
export interface AttemptPlan {
  seed: number
  questionIds: string[]
  /** Question id → option, item or match ids in the order shown. */
  orders: Record<string, string[]>
}

/**
 * Plans an attempt from its seed: draws the quiz's questions (from each of its pools, when it
 * draws per bank or per tag) and orders options.
 * Ordering items and matching answers are always mixed (in authored order the answer would be
 * given away); other options only when the quiz asks for shuffling.
 */
export function planAttempt(quiz: QuizBlock, seed: number): AttemptPlan {
  const random = seededRandom(seed)
  const all = quiz.questions.map((question) => question.id)
  let questionIds = all
  const pools = quiz.pools ?? [{ name: quiz.bank, draw: quiz.draw, questionIds: all }]
  if (pools.some((pool) => pool.draw < pool.questionIds.length)) {
    const drawn = new Set(pools.flatMap((pool) => shuffled(pool.questionIds, random).slice(0, pool.draw)))
    questionIds = all.filter((id) => drawn.has(id))
  }
  if (quiz.shuffle) questionIds = shuffled(questionIds, random)
  const orders = idRecord<string[]>()
  for (const question of quiz.questions) {
    if (!questionIds.includes(question.id)) continue
    const order = questionType(question).mixable?.(question)
    if (!order || !(order.always || quiz.shuffle)) continue
    let mixed = shuffled(order.ids, random)
    if (order.always && mixed.every((id, index) => id === order.ids[index])) mixed = [...mixed.slice(1), ...mixed.slice(0, 1)]
    orders[question.id] = mixed
  }
  return { seed, questionIds, orders }
}

export interface AttemptResult {
  /** Weighted percentage, 0–100, rounded to a whole number. */
  score: number
  passed: boolean
  questions: { id: string; score: number; correct: boolean; answered: boolean }[]
}

/** Scores an attempt: each question's share (partial credit included) weighted by its weight. */
export function scoreAttempt(quiz: QuizBlock, questionIds: readonly string[], responses: Readonly<Record<string, Response>>): AttemptResult {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))
  let earned = 0
  let possible = 0
  const questions: AttemptResult['questions'] = []
  for (const id of questionIds) {
    const question = byId.get(id)
    if (!question) continue
    const response = Object.hasOwn(responses, id) ? responses[id] : undefined
    const result = scoreQuestion(question, response)
    earned += result.score * question.weight
    possible += question.weight
    questions.push({ id, ...result, answered: response !== undefined })
  }
  const score = possible === 0 ? 0 : Math.round((earned / possible) * 100)
  return { score, passed: quizPassed(quiz, score), questions }
}

/** The one rule for a quiz attempt: passed at or above the quiz's pass mark. */
export function quizPassed(quiz: Pick<QuizBlock, 'passMark'>, score: number): boolean {
  return score >= quiz.passMark
}
