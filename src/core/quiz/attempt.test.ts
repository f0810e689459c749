import { describe, expect, it } from 'vitest'
import type { QuizBlock } from '../course/blocks/quiz'
import type { Question } from '../questions/registry'
import { planAttempt, scoreAttempt } from './attempt'

const tf = (id: string, answer: boolean, weight = 1): Question => ({
  type: 'true-false',
  id,
  prompt: id,
  explanation: 'x',
  weight,
  answer,
  feedback: { correct: 'y', incorrect: 'n' },
})
const order: Question = {
  type: 'ordering',
  id: 'order',
  prompt: 'Order',
  explanation: 'x',
  weight: 1,
  items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id })),
  feedback: { correct: 'y', incorrect: 'n' },
}

function quiz(overrides: Partial<QuizBlock> = {}): QuizBlock {
  const questions = [tf('q1', true), tf('q2', false), tf('q3', true, 2), tf('q4', true), order]
  return { type: 'quiz', id: 'quiz', bank: 'bank', draw: questions.length, passMark: 80, shuffle: false, questions, ...overrides }
}

describe('planAttempt', () => {
  it('is reproducible from its seed, and different seeds give different draws', () => {
    const q = quiz({ draw: 3, shuffle: true })
    expect(planAttempt(q, 42)).toEqual(planAttempt(q, 42))
    const draws = new Set(Array.from({ length: 20 }, (_, seed) => planAttempt(q, seed).questionIds.join(',')))
    expect(draws.size).toBeGreaterThan(3)
  })

  it('draws N distinct questions from the bank', () => {
    for (let seed = 0; seed < 50; seed++) {
      const { questionIds } = planAttempt(quiz({ draw: 3 }), seed)
      expect(questionIds).toHaveLength(3)
      expect(new Set(questionIds).size).toBe(3)
    }
  })

  it('keeps authored order without shuffle, but always mixes ordering items', () => {
    for (let seed = 0; seed < 50; seed++) {
      const plan = planAttempt(quiz(), seed)
      expect(plan.questionIds).toEqual(['q1', 'q2', 'q3', 'q4', 'order'])
      expect(plan.orders.order).toHaveLength(4)
      expect(plan.orders.order).not.toEqual(['a', 'b', 'c', 'd'])
      expect([...(plan.orders.order ?? [])].sort()).toEqual(['a', 'b', 'c', 'd'])
    }
  })
})

describe('planAttempt option orders', () => {
  const choice: Question = {
    type: 'single-choice',
    id: 'choice',
    prompt: 'Pick',
    explanation: 'x',
    weight: 1,
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id, correct: id === 'a' })),
    feedback: { correct: 'y', incorrect: 'n' },
  }
  const matching: Question = {
    type: 'matching',
    id: 'match',
    prompt: 'Match',
    explanation: 'x',
    weight: 1,
    pairs: ['a', 'b'].map((id) => ({ id, prompt: id, matchId: id, match: id.toUpperCase() })),
    distractors: [{ id: 'c', text: 'C' }],
    feedback: { correct: 'y', incorrect: 'n' },
  }
  const mixed = (shuffle: boolean) => quiz({ questions: [choice, matching], draw: 2, shuffle })

  it('keeps choice options in authored order unless the quiz shuffles', () => {
    for (let seed = 0; seed < 20; seed++) expect(planAttempt(mixed(false), seed).orders.choice).toBeUndefined()
    const orders = Array.from({ length: 20 }, (_, seed) => planAttempt(mixed(true), seed).orders.choice)
    for (const order of orders) expect([...(order ?? [])].sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(new Set(orders.map((order) => order?.join(''))).size).toBeGreaterThan(3)
  })

  it('always mixes matches, distractors among them, never in authored order', () => {
    for (let seed = 0; seed < 50; seed++) {
      const order = planAttempt(mixed(false), seed).orders.match
      expect([...(order ?? [])].sort()).toEqual(['a', 'b', 'c'])
      expect(order).not.toEqual(['a', 'b', 'c'])
    }
  })
})

describe('scoreAttempt', () => {
  const ids = ['q1', 'q2', 'q3', 'q4', 'order']

  it('weights questions and passes at the pass mark', () => {
    const all = scoreAttempt(quiz(), ids, { q1: true, q2: false, q3: true, q4: true, order: ['a', 'b', 'c', 'd'] })
    expect(all).toMatchObject({ score: 100, passed: true })
    // q3 weighs 2 of 6: missing it leaves 4/6 = 67%.
    const missQ3 = scoreAttempt(quiz(), ids, { q1: true, q2: false, q3: false, q4: true, order: ['a', 'b', 'c', 'd'] })
    expect(missQ3).toMatchObject({ score: 67, passed: false })
    const missQ1 = scoreAttempt(quiz(), ids, { q1: false, q2: false, q3: true, q4: true, order: ['a', 'b', 'c', 'd'] })
    expect(missQ1).toMatchObject({ score: 83, passed: true })
  })

  it('counts unanswered questions as wrong and says which were answered', () => {
    const result = scoreAttempt(quiz(), ids, { q1: true })
    expect(result.score).toBe(17)
    expect(result.questions.filter((question) => question.answered).map((question) => question.id)).toEqual(['q1'])
  })

  it('scores only the questions the attempt drew', () => {
    expect(scoreAttempt(quiz(), ['q1', 'q2'], { q1: true, q2: false }).score).toBe(100)
  })
})

describe('planAttempt with pools', () => {
  const modules = Array.from({ length: 9 }, (_, m) => Array.from({ length: 4 }, (_, q) => tf(`m${m}q${q}`, q % 2 === 0)))
  const pooled = quiz({
    questions: modules.flat(),
    draw: 18,
    shuffle: true,
    pools: modules.map((questions, m) => ({ name: `m${m}`, draw: 2, questionIds: questions.map((question) => question.id) })),
  })

  it('draws the pool’s count from every pool in every attempt', () => {
    for (let seed = 0; seed < 300; seed++) {
      const { questionIds } = planAttempt(pooled, seed)
      expect(questionIds).toHaveLength(18)
      for (let m = 0; m < 9; m++) expect(questionIds.filter((id) => id.startsWith(`m${m}q`))).toHaveLength(2)
    }
  })

  it('varies the questions drawn and their order between seeds, and replays a seed exactly', () => {
    const plans = Array.from({ length: 30 }, (_, seed) => planAttempt(pooled, seed).questionIds.join(','))
    expect(new Set(plans).size).toBe(30)
    expect(new Set(plans.map((plan) => plan.split(',').sort().join(','))).size).toBeGreaterThan(20)
    expect(planAttempt(pooled, 7)).toEqual(planAttempt(pooled, 7))
  })
})
