import { describe, expect, it } from 'vitest'
import { choiceCharacter12, resultValue, scormIdentifier, sessionTime12, sessionTime2004 } from './formats'

describe('session time', () => {
  it.each([
    [0, '0000:00:00.00', 'PT0S'],
    [5_500, '0000:00:05.50', 'PT5.5S'],
    [330_250, '0000:05:30.25', 'PT5M30.25S'],
    [3_723_456, '0001:02:03.46', 'PT1H2M3.46S'],
    [7_200_000, '0002:00:00.00', 'PT2H'],
    [-5, '0000:00:00.00', 'PT0S'],
  ])('%i ms is %s in 1.2 and %s in 2004', (ms, v12, v2004) => {
    expect(sessionTime12(ms)).toBe(v12)
    expect(sessionTime2004(ms)).toBe(v2004)
  })

  it('1.2 caps at four hour digits', () => {
    expect(sessionTime12(20_000 * 3_600_000)).toBe('9999:59:59.99')
    expect(sessionTime12(20_000 * 3_600_000)).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/)
  })

  it('writes a zero session for a clock that gave no number or went backwards', () => {
    for (const ms of [Number.NaN, Number.POSITIVE_INFINITY, -5_000]) {
      expect(sessionTime12(ms)).toBe('0000:00:00.00')
      expect(sessionTime2004(ms)).toBe('PT0S')
    }
  })

  it('2004 never writes more than two decimals', () => {
    for (const ms of [1, 333, 1_234_567, 99_999]) expect(sessionTime2004(ms)).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/)
  })
})

describe('identifiers and values', () => {
  it('makes Moodle-safe identifiers from course ids', () => {
    expect(scormIdentifier('m1-why', 'quiz', 'q-3')).toBe('m1_why.quiz.q_3')
    expect(scormIdentifier('x'.repeat(300))).toHaveLength(250)
    expect(scormIdentifier('a b:c/d')).toMatch(/^[\w.]+$/)
  })

  it('maps 1.2 choice options to single characters, at most 36', () => {
    expect([0, 9, 10, 35].map(choiceCharacter12)).toEqual(['0', '9', 'a', 'z'])
    expect(() => choiceCharacter12(36)).toThrow(/at most 36/)
  })

  it('says wrong in 1.2 and incorrect in 2004', () => {
    expect(resultValue('scorm12', 'incorrect')).toBe('wrong')
    expect(resultValue('scorm2004', 'incorrect')).toBe('incorrect')
    expect(resultValue('scorm12', 'correct')).toBe('correct')
  })

})
