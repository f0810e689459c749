import { describe, expect, it } from 'vitest'
import { masteryProblem, strictLms, strictWriteProblem } from './strict-lms'

/** An LMS that accepts everything and remembers the values, standing in for scorm-again. */
function lenientLms(prefix: '' | 'LMS') {
  const values = new Map<string, string>()
  const seen: string[] = []
  const finish = prefix === 'LMS' ? 'LMSFinish' : 'Terminate'
  const api: Record<string, (...args: string[]) => string> = {
    [`${prefix}Initialize`]: () => 'true',
    [finish]: () => 'true',
    [`${prefix}GetValue`]: (element = '') => values.get(element) ?? '',
    [`${prefix}SetValue`]: (element = '', value = '') => {
      values.set(element, value)
      return 'true'
    },
    [`${prefix}Commit`]: () => 'true',
    [`${prefix}GetLastError`]: () => '0',
    [`${prefix}GetErrorString`]: () => '',
    [`${prefix}GetDiagnostic`]: () => '',
  }
  const counted = Object.fromEntries(Object.entries(api).map(([name, fn]) => [name, (...args: string[]) => (seen.push(name), fn(...args))]))
  return { api: counted, values, seen }
}

describe('strictWriteProblem', () => {
  const check = (version: 'scorm12' | 'scorm2004', element: string, value: string, types = new Map<string, string>()) =>
    strictWriteProblem(version, element, value, types)

  it('holds SCORM 1.2 suspend data to 4096 characters and leaves 2004 alone', () => {
    expect(check('scorm12', 'cmi.suspend_data', 'x'.repeat(4096))).toBeNull()
    expect(check('scorm12', 'cmi.suspend_data', 'x'.repeat(4097))).toMatch(/4097 characters is over SCORM 1.2's 4096/)
    expect(check('scorm2004', 'cmi.suspend_data', 'x'.repeat(5000))).toBeNull()
  })

  it('checks each version’s session time format', () => {
    expect(check('scorm12', 'cmi.core.session_time', '0000:01:02.50')).toBeNull()
    expect(check('scorm12', 'cmi.core.session_time', 'PT1M')).toMatch(/not HHHH:MM:SS.SS/)
    expect(check('scorm2004', 'cmi.session_time', 'PT1M2.5S')).toBeNull()
    expect(check('scorm2004', 'cmi.session_time', 'PT')).toMatch(/ISO 8601/)
    expect(check('scorm2004', 'cmi.session_time', 'PT2.123S')).toMatch(/at most 2 decimals/)
  })

  it('refuses interaction ids Moodle refuses, and 2004 timestamps with milliseconds or a zone', () => {
    expect(check('scorm12', 'cmi.interactions.0.id', 'quiz_1.q2')).toBeNull()
    expect(check('scorm12', 'cmi.interactions.0.id', 'quiz-1')).toMatch(/fails Moodle/)
    expect(check('scorm2004', 'cmi.interactions.0.timestamp', '2026-11-21T10:00:00')).toBeNull()
    expect(check('scorm2004', 'cmi.interactions.0.timestamp', '2026-11-21T10:00:00.000Z')).toMatch(/milliseconds or a zone/)
  })

  it('knows each version’s result words', () => {
    expect(check('scorm12', 'cmi.interactions.0.result', 'wrong')).toBeNull()
    expect(check('scorm12', 'cmi.interactions.0.result', 'incorrect')).toMatch(/not a SCORM 1.2 result/)
    expect(check('scorm2004', 'cmi.interactions.0.result', 'incorrect')).toBeNull()
    expect(check('scorm2004', 'cmi.interactions.0.result', 'wrong')).toMatch(/not a SCORM 2004 result/)
    expect(check('scorm2004', 'cmi.interactions.0.result', '0.5')).toBeNull()
  })

  it('checks 1.2 responses against the type written before them', () => {
    const types = new Map<string, string>()
    expect(check('scorm12', 'cmi.interactions.3.student_response', 'a')).toMatch(/before the interaction's type/)
    expect(check('scorm12', 'cmi.interactions.3.type', 'choice', types)).toBeNull()
    expect(check('scorm12', 'cmi.interactions.3.student_response', 'a,c', types)).toBeNull()
    expect(check('scorm12', 'cmi.interactions.3.student_response', 'apple', types)).toMatch(/choice response "apple"/)
    expect(check('scorm12', 'cmi.interactions.4.type', 'matching', types)).toBeNull()
    expect(check('scorm12', 'cmi.interactions.4.correct_responses.0.pattern', 'a.b,c.d', types)).toBeNull()
    expect(check('scorm12', 'cmi.interactions.4.correct_responses.0.pattern', 'a[.]b', types)).toMatch(/matching response/)
    expect(check('scorm12', 'cmi.interactions.5.type', 'fill-in', types)).toBeNull()
    expect(check('scorm12', 'cmi.interactions.5.student_response', 'x'.repeat(256), types)).toMatch(/over 255/)
  })

  it('limits 2004 descriptions to 250 characters', () => {
    expect(check('scorm2004', 'cmi.interactions.0.description', 'd'.repeat(250))).toBeNull()
    expect(check('scorm2004', 'cmi.interactions.0.description', 'd'.repeat(251))).toMatch(/over 250/)
  })
})

describe('strictLms', () => {
  it('passes good calls through and logs them in order', () => {
    const inner = lenientLms('LMS')
    const { api, log } = strictLms('scorm12', inner.api)
    expect(api.LMSInitialize?.('')).toBe('true')
    expect(api.LMSSetValue?.('cmi.core.lesson_status', 'incomplete')).toBe('true')
    expect(api.LMSCommit?.('')).toBe('true')
    expect(api.LMSFinish?.('')).toBe('true')
    expect(log.calls).toEqual(['LMSInitialize()', 'LMSSetValue(cmi.core.lesson_status, incomplete)', 'LMSCommit()', 'LMSFinish()'])
    expect(log.sets).toEqual([['cmi.core.lesson_status', 'incomplete']])
    expect(log.finished).toBe(true)
    expect(log.violations).toEqual([])
    expect(inner.values.get('cmi.core.lesson_status')).toBe('incomplete')
  })

  it('refuses a bad write with a type-mismatch error and never passes it on', () => {
    const inner = lenientLms('LMS')
    const { api, log } = strictLms('scorm12', inner.api)
    api.LMSInitialize?.('')
    expect(api.LMSSetValue?.('cmi.suspend_data', 'x'.repeat(5000))).toBe('false')
    expect(api.LMSGetLastError?.()).toBe('405')
    expect(api.LMSGetLastError?.()).toBe('0')
    expect(inner.values.has('cmi.suspend_data')).toBe(false)
    expect(log.violations).toEqual(["cmi.suspend_data: suspend_data of 5000 characters is over SCORM 1.2's 4096"])
  })

  it('records a second Initialize, calls after Terminate and a Commit right before Terminate', () => {
    const { api, log } = strictLms('scorm2004', lenientLms('').api)
    api.Initialize?.('')
    api.Initialize?.('')
    api.Commit?.('')
    api.Terminate?.('')
    api.GetLastError?.()
    api.SetValue?.('cmi.location', 'p2')
    expect(log.violations).toEqual(['Initialize called 2 times', 'Commit right before Terminate', 'SetValue called after Terminate'])
  })

  it('can fail every Commit, as an LMS having a bad day does', () => {
    const inner = lenientLms('')
    const { api } = strictLms('scorm2004', inner.api, { refuseCommits: true })
    api.Initialize?.('')
    expect(api.Commit?.('')).toBe('false')
    expect(api.GetLastError?.()).toBe('391')
    expect(inner.seen).not.toContain('Commit')
  })

  it('can refuse every write with the error it is given, as an LMS that takes nothing does', () => {
    const inner = lenientLms('LMS')
    const { api, log } = strictLms('scorm12', inner.api, { refuseWrites: '403' })
    api.LMSInitialize?.('')
    expect(api.LMSSetValue?.('cmi.suspend_data', 'abc')).toBe('false')
    expect(api.LMSGetLastError?.()).toBe('403')
    expect(api.LMSCommit?.('')).toBe('true')
    expect(inner.values.size).toBe(0)
    expect(log.sets).toEqual([])
    expect(log.calls).toContain('LMSSetValue(cmi.suspend_data, abc)')
  })

  it('tells a listener about every call', () => {
    const heard: string[] = []
    const { api } = strictLms('scorm12', lenientLms('LMS').api, { onCall: (name) => heard.push(name) })
    api.LMSInitialize?.('')
    api.LMSGetValue?.('cmi.core.entry')
    expect(heard).toEqual(['LMSInitialize', 'LMSGetValue'])
  })
})

describe('masteryProblem', () => {
  const written = (entries: Record<string, string>) => new Map(Object.entries(entries))

  it('finds a 1.2 status the score and mastery score would overturn, including a score sent while incomplete', () => {
    expect(masteryProblem('scorm12', written({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '61' }), 80)).toBe(
      'lesson_status "passed" with score 61: an LMS that applies the mastery score 80 records "failed"',
    )
    expect(masteryProblem('scorm12', written({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '100' }), 80)).toContain('records "passed"')
    expect(masteryProblem('scorm12', written({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '79' }), 80)).toBeNull()
    expect(masteryProblem('scorm12', written({ 'cmi.core.lesson_status': 'incomplete' }), 80)).toBeNull()
  })

  it('judges 2004’s success status from the scaled score', () => {
    expect(masteryProblem('scorm2004', written({ 'cmi.success_status': 'unknown', 'cmi.score.scaled': '0.5' }), 80)).toContain('records "failed"')
    expect(masteryProblem('scorm2004', written({ 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.8' }), 80)).toBeNull()
  })

  it('is logged once at a commit by the strict LMS', () => {
    const { api } = lenientLms('LMS')
    const { api: strict, log } = strictLms('scorm12', api, { masteryScore: 80 })
    strict.LMSInitialize?.('')
    strict.LMSSetValue?.('cmi.core.lesson_status', 'passed')
    strict.LMSSetValue?.('cmi.core.score.raw', '40')
    strict.LMSCommit?.('')
    strict.LMSCommit?.('')
    expect(log.violations).toEqual(['lesson_status "passed" with score 40: an LMS that applies the mastery score 80 records "failed"'])
  })
})
