import { describe, expect, it } from 'vitest'
import { REFUSALS } from '../core/workshop/refusals'
import { message, MESSAGES, refusalText } from './messages'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('the participant page’s words', () => {
  it('has every message in Welsh as in English, with the same placeholders', () => {
    expect(Object.keys(MESSAGES.cy).sort()).toEqual(Object.keys(MESSAGES.en).sort())
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(placeholders(MESSAGES.cy[key]), key).toEqual(placeholders(MESSAGES.en[key]))
      expect(MESSAGES.cy[key].trim(), key).not.toBe('')
    }
  })

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(message('en', 'tooMany', { seconds: 42 })).toBe('Too many wrong codes. Try again in 42 seconds.')
    expect(message('cy', 'connected', { name: 'Ffion' })).toBe('Wedi cysylltu fel Ffion.')
    expect(message('en', 'connected')).toBe('Connected as {name}.')
    expect(message('en', 'connected', { constructor: 'x' } as Record<string, string>)).toBe('Connected as {name}.')
  })

  it('says why the session refused, by the host’s code, in the phone’s language', () => {
    expect(refusalText('cy', { code: 'full', values: { max: 60 } }, 'The session is full (60 people).')).toBe('mae’r sesiwn yn llawn (60 o bobl).')
    expect(refusalText('en', { code: 'answer-too-long', values: { max: 280 } }, 'x')).toBe('the answer is longer than 280 characters.')
    expect(refusalText('cy', { code: 'closed' }, 'x')).toBe('mae’r atebion i’r cwestiwn hwnnw wedi cau.')
  })

  it('has every refusal in Welsh with the placeholders of its English', () => {
    for (const code of Object.keys(REFUSALS.en) as (keyof typeof REFUSALS.en)[]) expect(placeholders(REFUSALS.cy[code]), code).toEqual(placeholders(REFUSALS.en[code]))
  })

  it('falls back to the host’s own words for a code it does not know, or none', () => {
    expect(refusalText('cy', { code: 'something-new' }, 'Something new went wrong.')).toBe('Something new went wrong.')
    expect(refusalText('cy', undefined, 'No code.')).toBe('No code.')
    expect(refusalText('cy', { code: 'toString' }, 'Inherited.')).toBe('Inherited.')
    expect(refusalText('en', { code: 'full', values: { max: '<b>' } }, 'x')).toBe('the session is full ({max} people).')
  })
})
