import { describe, expect, it } from 'vitest'
import { REFUSALS, sayRefusal } from './refusals'
import { LIMITS } from './session'

describe('sayRefusal', () => {
  it('says a refusal in English or Welsh, with the numbers the host sent', () => {
    expect(sayRefusal('en', { code: 'full', values: { max: 300 } })).toBe('The session is full (300 people).')
    expect(sayRefusal('cy', { code: 'full', values: { max: 300 } })).toBe('Mae’r sesiwn yn llawn (300 o bobl).')
    expect(sayRefusal('cy', { code: 'count-out-of-range' })).toBe(REFUSALS.cy['count-out-of-range'])
  })

  it('fills in numbers only, and leaves a placeholder it was not sent as written', () => {
    expect(sayRefusal('en', { code: 'full', values: { max: '<b>300</b>' } })).toBe('The session is full ({max} people).')
    expect(sayRefusal('en', { code: 'full' })).toBe('The session is full ({max} people).')
  })

  it('says the largest hand count the session takes', () => {
    expect(REFUSALS.en['count-out-of-range']).toContain(LIMITS.handCount.toLocaleString('en-GB'))
    expect(REFUSALS.cy['count-out-of-range']).toContain(LIMITS.handCount.toLocaleString('en-GB'))
  })

  it('knows no code the catalogue does not have, so the caller falls back to the host’s words', () => {
    for (const refusal of [undefined, null, 'full', { code: 'constructor' }, { code: 'toString' }, { code: 7 }, {}]) expect(sayRefusal('en', refusal)).toBeNull()
  })
})
