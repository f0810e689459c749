import { describe, expect, it } from 'vitest'
import { message, MESSAGES } from './messages'

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
})
