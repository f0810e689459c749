import { afterEach, describe, expect, it } from 'vitest'
import { lastWritten, openLmsSession, relaunchData, reportedInteractions } from './lms-session'

type Api = Record<string, (...args: string[]) => string>
const slot = (name: string) => (window as unknown as Record<string, Api | undefined>)[name]

afterEach(() => {
  delete (window as unknown as Record<string, unknown>).API
  delete (window as unknown as Record<string, unknown>).API_1484_11
})

describe('openLmsSession', () => {
  it('puts a strict scorm-again on the window for the package, naming the preview learner', () => {
    let calls = 0
    const session = openLmsSession(window, 'scorm12', null, () => calls++)
    const api = slot('API')
    expect(slot('API_1484_11')).toBeUndefined()
    expect(api?.LMSInitialize?.('')).toBe('true')
    expect(api?.LMSGetValue?.('cmi.core.student_name')).toBe('Learner, Preview')
    expect(api?.LMSGetValue?.('cmi.core.entry')).toBe('ab-initio')
    expect(api?.LMSSetValue?.('cmi.suspend_data', 'x'.repeat(4097))).toBe('false')
    expect(session.strict.log.violations).toHaveLength(1)
    expect(calls).toBe(4)
  })

  it('carries what the course saved into the next launch, with entry resume after exit suspend', () => {
    const first = openLmsSession(window, 'scorm2004', null, () => undefined)
    const api = slot('API_1484_11')
    api?.Initialize?.('')
    api?.SetValue?.('cmi.location', 'page-3')
    api?.SetValue?.('cmi.suspend_data', '{"v":2}')
    api?.SetValue?.('cmi.completion_status', 'incomplete')
    api?.SetValue?.('cmi.exit', 'suspend')
    api?.SetValue?.('cmi.interactions.0.id', 'quiz.q1')
    api?.SetValue?.('cmi.interactions.0.type', 'choice')
    api?.SetValue?.('cmi.interactions.0.learner_response', 'a')
    api?.SetValue?.('cmi.interactions.0.result', 'correct')
    api?.SetValue?.('cmi.interactions.0.timestamp', '2026-11-21T10:00:00')
    api?.Terminate?.('')
    expect(lastWritten(first, 'cmi.location')).toBe('page-3')
    expect(lastWritten(first, 'cmi.score.raw')).toBeNull()
    expect(reportedInteractions(first)).toEqual([{ index: 0, id: 'quiz.q1', type: 'choice', response: 'a', result: 'correct', when: '2026-11-21T10:00:00' }])

    const second = openLmsSession(window, 'scorm2004', relaunchData(first), () => undefined)
    const again = slot('API_1484_11')
    again?.Initialize?.('')
    expect(again?.GetValue?.('cmi.entry')).toBe('resume')
    expect(again?.GetValue?.('cmi.location')).toBe('page-3')
    expect(again?.GetValue?.('cmi.suspend_data')).toBe('{"v":2}')
    expect(second.strict.log.violations).toEqual([])
  })

  it('after an exit without suspend, SCORM 1.2 keeps the data with an empty entry, as Moodle does', () => {
    const first = openLmsSession(window, 'scorm12', null, () => undefined)
    const api = slot('API')
    api?.LMSInitialize?.('')
    api?.LMSSetValue?.('cmi.core.lesson_status', 'passed')
    api?.LMSFinish?.('')
    openLmsSession(window, 'scorm12', relaunchData(first), () => undefined)
    slot('API')?.LMSInitialize?.('')
    expect(slot('API')?.LMSGetValue?.('cmi.core.entry')).toBe('')
    expect(slot('API')?.LMSGetValue?.('cmi.core.lesson_status')).toBe('passed')
  })

  it('after an exit without suspend, SCORM 2004 starts a new attempt from nothing', () => {
    const first = openLmsSession(window, 'scorm2004', null, () => undefined)
    const api = slot('API_1484_11')
    api?.Initialize?.('')
    api?.SetValue?.('cmi.location', 'page-3')
    api?.SetValue?.('cmi.completion_status', 'completed')
    api?.SetValue?.('cmi.exit', 'normal')
    api?.Terminate?.('')
    openLmsSession(window, 'scorm2004', relaunchData(first), () => undefined)
    const again = slot('API_1484_11')
    again?.Initialize?.('')
    expect(again?.GetValue?.('cmi.entry')).toBe('ab-initio')
    expect(again?.GetValue?.('cmi.location')).toBe('')
    expect(again?.GetValue?.('cmi.learner_name')).toBe('Learner, Preview')
  })

  it('judges the score against the manifest’s pass mark as Moodle does, and logs a status the judgement overturns', () => {
    const session = openLmsSession(window, 'scorm12', null, () => undefined, 80)
    const api = slot('API')
    api?.LMSInitialize?.('')
    expect(api?.LMSGetValue?.('cmi.student_data.mastery_score')).toBe('80')
    api?.LMSSetValue?.('cmi.core.lesson_status', 'passed')
    api?.LMSSetValue?.('cmi.core.score.raw', '61')
    api?.LMSCommit?.('')
    api?.LMSFinish?.('')
    expect(session.snapshot()).toMatchObject({ core: { lesson_status: 'failed' } })
    expect(session.strict.log.violations).toEqual(['lesson_status "passed" with score 61: an LMS that applies the mastery score 80 records "failed"'])

    openLmsSession(window, 'scorm2004', null, () => undefined, 80)
    slot('API_1484_11')?.Initialize?.('')
    expect(slot('API_1484_11')?.GetValue?.('cmi.scaled_passing_score')).toBe('0.8')
  })
})
