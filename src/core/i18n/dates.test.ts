import { describe, expect, it } from 'vitest'
import { SHARED_MESSAGES } from './catalogues'
import { calendarDate } from './dates'
import { translator } from './translate'

const en = translator(SHARED_MESSAGES.en)
const cy = translator(SHARED_MESSAGES.cy)

describe('calendarDate', () => {
  it('writes the day, the catalogue’s month and the year', () => {
    expect(calendarDate('2026-06-30', en, 'utc')).toBe('30 June 2026')
    expect(calendarDate('2026-06-30', cy, 'utc')).toBe('30 Mehefin 2026')
    expect(calendarDate('2026-01-05', cy, 'local')).toBe('5 Ionawr 2026')
  })

  it('takes a date as written, in any zone', () => {
    expect(calendarDate('2026-12-31', en, 'local')).toBe('31 December 2026')
    expect(calendarDate('2026-12-31', en, 'utc')).toBe('31 December 2026')
  })

  it('reads a timestamp on UTC’s calendar for documents and on the local clock for the interface', () => {
    expect(calendarDate('2026-06-30T23:30:00.000Z', en, 'utc')).toBe('30 June 2026')
    expect(calendarDate('2026-07-01T00:30:00+01:00', cy, 'utc')).toBe('30 Mehefin 2026')
    const localNewYear = new Date(2026, 0, 1, 0, 30).toISOString()
    expect(calendarDate(localNewYear, en, 'local')).toBe('1 January 2026')
  })
})

describe('translator', () => {
  const t = translator({ area: { plain: 'Hello', named: '{who} has {count}%', twice: '{a} and {a}' } }, { area: { plain: 'Ignored' }, other: { key: 'Found' } })

  it('finds a message by its dotted key in the first catalogue that has it', () => {
    expect(t('area.plain')).toBe('Hello')
    expect(t('other.key')).toBe('Found')
  })

  it('fills every placeholder, and never reads a value as a placeholder', () => {
    expect(t('area.named', { who: '{count}', count: 87 })).toBe('{count} has 87%')
    expect(t('area.twice', { a: 'x' })).toBe('x and x')
  })

  it('throws on a missing message or value, rather than printing a key', () => {
    expect(() => t('area.missing')).toThrow('area.missing')
    expect(() => t('area')).toThrow('area')
    expect(() => t('area.named', { who: 'Siân' })).toThrow('{count}')
  })
})
