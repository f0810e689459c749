import { describe, expect, it } from 'vitest'
import type { Question } from './registry'
import { scoreQuestion } from './registry'

const base = { prompt: 'Q', explanation: 'Because.', weight: 1 }
const feedback = { correct: 'Yes.', incorrect: 'No.' }
const options = (correct: string[]) =>
  ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase(), correct: correct.includes(id) }))

const single: Question = { ...base, type: 'single-choice', id: 'single', options: options(['b']) }
const multiple: Question = { ...base, type: 'multiple-response', id: 'multi', options: options(['a', 'c']) }
const trueFalse: Question = { ...base, type: 'true-false', id: 'tf', answer: false, feedback }
const matching: Question = {
  ...base,
  type: 'matching',
  id: 'match',
  pairs: [
    { id: 'a', prompt: 'Facebook', matchId: 'a', match: 'Page' },
    { id: 'b', prompt: 'WhatsApp', matchId: 'b', match: 'Channel' },
    { id: 'c', prompt: 'LinkedIn', matchId: 'c', match: 'Partners' },
    { id: 'd', prompt: 'Nextdoor', matchId: 'd', match: 'Neighbours' },
  ],
  distractors: [{ id: 'e', text: 'Fax' }],
  feedback,
}
const ordering: Question = {
  ...base,
  type: 'ordering',
  id: 'order',
  items: [
    { id: 'a', text: 'Listen' },
    { id: 'b', text: 'Ask' },
    { id: 'c', text: 'Report back' },
  ],
  feedback,
}
const sort: Question = {
  ...base,
  type: 'sort',
  id: 'sort',
  groups: [
    { id: 'a', name: 'Reply yourself' },
    { id: 'b', name: 'Pass to an officer' },
  ],
  items: [
    { id: 'a', text: 'A question about bin days', groupId: 'a' },
    { id: 'b', text: 'A complaint about a named member of staff', groupId: 'b' },
    { id: 'c', text: 'Thanks for a surgery', groupId: 'a' },
    { id: 'd', text: 'A request for a resident’s housing file', groupId: 'b' },
  ],
  feedback,
}
const fillIn: Question = { ...base, type: 'fill-in', id: 'fill', accepted: ['Monitoring Officer', 'the monitoring officer'], caseSensitive: false, feedback }

describe('scoring', () => {
  it('single choice: right or wrong', () => {
    expect(scoreQuestion(single, 'b')).toEqual({ score: 1, correct: true })
    expect(scoreQuestion(single, 'a')).toEqual({ score: 0, correct: false })
    expect(scoreQuestion(single, 'zz')).toEqual({ score: 0, correct: false })
  })

  it('multiple response: partial credit, wrong picks cost, never below zero', () => {
    expect(scoreQuestion(multiple, ['a', 'c'])).toEqual({ score: 1, correct: true })
    expect(scoreQuestion(multiple, ['a'])).toEqual({ score: 0.5, correct: false })
    expect(scoreQuestion(multiple, ['a', 'b'])).toEqual({ score: 0, correct: false })
    expect(scoreQuestion(multiple, ['a', 'b', 'c', 'd'])).toEqual({ score: 0, correct: false })
    expect(scoreQuestion(multiple, ['a', 'c', 'd'])).toEqual({ score: 0.5, correct: false })
    expect(scoreQuestion(multiple, [])).toEqual({ score: 0, correct: false })
  })

  it('true/false', () => {
    expect(scoreQuestion(trueFalse, false)).toEqual({ score: 1, correct: true })
    expect(scoreQuestion(trueFalse, true)).toEqual({ score: 0, correct: false })
  })

  it('matching: partial credit per prompt, a distractor earns nothing', () => {
    expect(scoreQuestion(matching, { a: 'a', b: 'b', c: 'c', d: 'd' })).toEqual({ score: 1, correct: true })
    expect(scoreQuestion(matching, { a: 'a', b: 'b', c: 'e', d: 'c' })).toEqual({ score: 0.5, correct: false })
    expect(scoreQuestion(matching, { a: 'a' })).toEqual({ score: 0.25, correct: false })
    expect(scoreQuestion(matching, {})).toEqual({ score: 0, correct: false })
  })

  it('ordering: all or nothing', () => {
    expect(scoreQuestion(ordering, ['a', 'b', 'c'])).toEqual({ score: 1, correct: true })
    expect(scoreQuestion(ordering, ['a', 'c', 'b'])).toEqual({ score: 0, correct: false })
    expect(scoreQuestion(ordering, ['a', 'b'])).toEqual({ score: 0, correct: false })
  })

  it('sort: partial credit per item, an item in no group or a group the question lacks earns nothing', () => {
    expect(scoreQuestion(sort, { a: 'a', b: 'b', c: 'a', d: 'b' })).toEqual({ score: 1, correct: true })
    expect(scoreQuestion(sort, { a: 'a', b: 'a', c: 'a', d: 'b' })).toEqual({ score: 0.75, correct: false })
    expect(scoreQuestion(sort, { a: 'a', b: 'z', constructor: 'a' })).toEqual({ score: 0.25, correct: false })
    expect(scoreQuestion(sort, {})).toEqual({ score: 0, correct: false })
  })

  it('fill-in: ignores case and spacing unless the author says case matters', () => {
    expect(scoreQuestion(fillIn, '  monitoring   OFFICER ')).toEqual({ score: 1, correct: true })
    expect(scoreQuestion(fillIn, 'clerk')).toEqual({ score: 0, correct: false })
    expect(scoreQuestion(fillIn, '')).toEqual({ score: 0, correct: false })
    const strict: Question = { ...fillIn, caseSensitive: true } as Question
    expect(scoreQuestion(strict, 'monitoring officer')).toEqual({ score: 0, correct: false })
    expect(scoreQuestion(strict, 'Monitoring Officer')).toEqual({ score: 1, correct: true })
  })

  it('an unanswered question scores nothing, and junk responses never throw', () => {
    for (const question of [single, multiple, trueFalse, matching, ordering, sort, fillIn]) {
      expect(scoreQuestion(question, undefined)).toEqual({ score: 0, correct: false })
      for (const junk of [null, 42, 'x', ['x'], { x: 1 }]) {
        expect(() => scoreQuestion(question, junk as never)).not.toThrow()
        expect(scoreQuestion(question, junk as never).correct).toBe(false)
      }
    }
  })
})
