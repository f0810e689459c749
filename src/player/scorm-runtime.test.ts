import { describe, expect, it, vi } from 'vitest'
import { findScormApi, ScormSession, type Scorm12Api, type Scorm2004Api } from './scorm-runtime'

/** A scripted 1.2 API that records every call; `failures` makes the next calls of a name fail. */
function fake12(options: { failures?: Record<string, number>; errorCode?: string; values?: Record<string, string> } = {}) {
  const calls: string[] = []
  const failures = { ...options.failures }
  let lastError = '0'
  const answer = (name: string) => {
    if ((failures[name] ?? 0) > 0) {
      failures[name] = (failures[name] ?? 0) - 1
      lastError = options.errorCode ?? '101'
      return 'false'
    }
    lastError = '0'
    return 'true'
  }
  const api: Scorm12Api = {
    LMSInitialize: () => (calls.push('LMSInitialize'), answer('LMSInitialize')),
    LMSFinish: () => (calls.push('LMSFinish'), answer('LMSFinish')),
    LMSGetValue: (element) => {
      calls.push(`LMSGetValue ${element}`)
      const value = options.values?.[element]
      lastError = value === undefined ? '401' : '0'
      return value ?? ''
    },
    LMSSetValue: (element, value) => (calls.push(`LMSSetValue ${element}=${value}`), answer(`LMSSetValue ${element}`)),
    LMSCommit: () => (calls.push('LMSCommit'), answer('LMSCommit')),
    LMSGetLastError: () => lastError,
    LMSGetErrorString: () => 'General exception',
    LMSGetDiagnostic: () => 'diagnostic',
  }
  return { api, calls }
}

function fake2004() {
  const calls: string[] = []
  const api: Scorm2004Api = {
    Initialize: () => (calls.push('Initialize'), 'true'),
    Terminate: () => (calls.push('Terminate'), 'true'),
    GetValue: () => '',
    SetValue: (element, value) => (calls.push(`SetValue ${element}=${value}`), 'true'),
    Commit: () => (calls.push('Commit'), 'true'),
    GetLastError: () => '0',
    GetErrorString: () => '',
    GetDiagnostic: () => '',
  }
  return { api, calls }
}

/** A window whose properties can be made to throw like a cross-origin one. */
function frame(props: Record<string, unknown>, parent?: object, crossOrigin = false): Window {
  const win: Record<string, unknown> = { ...props }
  const self: object = crossOrigin
    ? new Proxy(win, {
        get(target, key) {
          if (key === 'parent') return target.parent
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError')
        },
      })
    : win
  Object.defineProperty(win, 'parent', { get: () => parent ?? self })
  return self as Window
}

describe('finding the LMS API', () => {
  it('walks up the parent chain past a cross-origin frame', () => {
    const { api } = fake12()
    const top = frame({ API: api })
    const foreign = frame({}, top, true)
    const sco = frame({}, foreign)
    expect(findScormApi(sco, 'scorm12')).toEqual({ version: 'scorm12', api })
  })

  it('looks through the opener and its parents when the package is a pop-up', () => {
    const { api } = fake2004()
    const lmsTop = frame({ API_1484_11: api })
    const lmsFrame = frame({}, lmsTop)
    const popup = frame({ opener: lmsFrame })
    expect(findScormApi(popup, 'scorm2004')).toEqual({ version: 'scorm2004', api })
  })

  it('looks through the opener of the pop-up’s top window when the package is framed inside a pop-up', () => {
    const { api } = fake12()
    const lmsTop = frame({ API: api })
    const popupTop = frame({ opener: lmsTop })
    const sco = frame({ opener: null }, popupTop)
    expect(findScormApi(sco, 'scorm12')).toEqual({ version: 'scorm12', api })
  })

  it('prefers the package’s own version, but takes the other when that is all there is', () => {
    const a12 = fake12().api
    const a2004 = fake2004().api
    expect(findScormApi(frame({ API: a12, API_1484_11: a2004 }), 'scorm2004')?.version).toBe('scorm2004')
    expect(findScormApi(frame({ API: a12 }), 'scorm2004')?.version).toBe('scorm12')
  })

  it('finds nothing, without throwing, when there is no LMS or only a cross-origin one', () => {
    expect(findScormApi(frame({}), 'scorm12')).toBeNull()
    expect(findScormApi(frame({}, frame({ API: fake12().api }, undefined, true)), 'scorm12')).toBeNull()
    expect(findScormApi(frame({ API: { LMSInitialize: 'not a function' } }), 'scorm12')).toBeNull()
  })
})

describe('the SCORM session', () => {
  it('initializes once', () => {
    const { api, calls } = fake12()
    const session = new ScormSession({ version: 'scorm12', api })
    expect(session.start()).toBe(true)
    expect(session.start()).toBe(true)
    expect(calls.filter((call) => call === 'LMSInitialize')).toHaveLength(1)
  })

  it('retries a failed SetValue, and warns the learner once when the LMS keeps refusing', () => {
    const onTrouble = vi.fn()
    const log = vi.fn()
    const { api, calls } = fake12({ failures: { 'LMSSetValue cmi.suspend_data': 5, LMSCommit: 3 } })
    const session = new ScormSession({ version: 'scorm12', api }, { onTrouble, log })
    session.start()
    expect(session.set('cmi.suspend_data', 'abc')).toBe(false)
    expect(calls.filter((call) => call.startsWith('LMSSetValue'))).toHaveLength(3)
    // The next commit sends the value again (two more failures, then it goes) but the commit itself fails three times.
    expect(session.commit()).toBe(false)
    expect(calls.filter((call) => call === 'LMSSetValue cmi.suspend_data=abc')).toHaveLength(6)
    expect(onTrouble).toHaveBeenCalledTimes(1)
    expect(session.commit()).toBe(true)
    session.set('cmi.core.lesson_location', 'p1')
    expect(onTrouble).toHaveBeenCalledTimes(1)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('101 General exception'))
  })

  it('does not retry values the LMS refuses for good, and stops sending elements it does not implement', () => {
    const { api, calls } = fake12({ failures: { 'LMSSetValue cmi.interactions.0.id': 9 }, errorCode: '401' })
    const session = new ScormSession({ version: 'scorm12', api })
    session.start()
    expect(session.set('cmi.interactions.0.id', 'x')).toBe(false)
    expect(session.set('cmi.interactions.0.id', 'x')).toBe(false)
    expect(calls.filter((call) => call.startsWith('LMSSetValue'))).toHaveLength(1)
  })

  it('warns the learner at once when the LMS refuses progress for good, though the commit goes through', () => {
    const onTrouble = vi.fn()
    const { api } = fake12({ failures: { 'LMSSetValue cmi.suspend_data': 9 }, errorCode: '405' })
    const session = new ScormSession({ version: 'scorm12', api }, { onTrouble })
    session.start()
    expect(session.set('cmi.suspend_data', 'abc')).toBe(false)
    expect(onTrouble).toHaveBeenCalledTimes(1)
    expect(session.commit()).toBe(true)
  })

  it('feature-detects optional elements', () => {
    const { api } = fake12({ values: { 'cmi.core.student_name': 'Jones, Ceri' } })
    const session = new ScormSession({ version: 'scorm12', api })
    session.start()
    expect(session.supports('cmi.interactions._count')).toBe(false)
    expect(session.get('cmi.core.student_name')).toBe('Jones, Ceri')
  })

  it('asks again after a passing read error, and stops asking only for elements the LMS does not implement', () => {
    const log = vi.fn()
    let failing = 4
    const values: Record<string, string> = { 'cmi.suspend_data': 'saved' }
    const api: Scorm12Api = {
      ...fake12().api,
      LMSGetValue: (element) => {
        if (failing-- > 0) {
          lastError = '101'
          return ''
        }
        lastError = element in values ? '0' : '401'
        return values[element] ?? ''
      },
      LMSGetLastError: () => lastError,
    }
    let lastError = '0'
    const session = new ScormSession({ version: 'scorm12', api }, { log })
    session.start()
    // Three tries fail: nothing to be had this time, but the element is not given up on.
    expect(session.get('cmi.suspend_data')).toBeNull()
    expect(session.supports('cmi.suspend_data')).toBe(true)
    expect(session.get('cmi.suspend_data')).toBe('saved')
    expect(log).toHaveBeenCalledWith(expect.stringContaining('GetValue(cmi.suspend_data) failed: 101'))
    expect(session.supports('cmi.interactions._count')).toBe(false)
    expect(session.set('cmi.interactions._count', '1')).toBe(false)
  })

  it('1.2 finishes once: session time and exit, then LMSFinish, which stores them, without a commit before; nothing after', () => {
    let now = 1_000
    const { api, calls } = fake12()
    const session = new ScormSession({ version: 'scorm12', api }, { now: () => now })
    session.start()
    now += 330_250
    session.finish()
    session.finish()
    session.set('cmi.core.lesson_location', 'late')
    session.commit()
    expect(calls.slice(1)).toEqual(['LMSSetValue cmi.core.session_time=0000:05:30.25', 'LMSSetValue cmi.core.exit=suspend', 'LMSFinish'])
  })

  it('2004 terminates without committing right before', () => {
    let now = 0
    const { api, calls } = fake2004()
    const session = new ScormSession({ version: 'scorm2004', api }, { now: () => now })
    session.start()
    now = 3_723_456
    session.finish()
    session.finish()
    expect(calls.slice(1)).toEqual(['SetValue cmi.session_time=PT1H2M3.46S', 'SetValue cmi.exit=suspend', 'Terminate'])
  })

  it('2004 sends what the LMS refused earlier once more before terminating, since no commit comes first', () => {
    const { api, calls } = fake2004()
    let refuse = 3
    const flaky: Scorm2004Api = { ...api, SetValue: (element, value) => (element === 'cmi.location' && refuse-- > 0 ? 'false' : api.SetValue(element, value)), GetLastError: () => '101' }
    const session = new ScormSession({ version: 'scorm2004', api: flaky })
    session.start()
    expect(session.set('cmi.location', 'p2')).toBe(false)
    session.finish()
    expect(calls.slice(-2)).toEqual(['SetValue cmi.location=p2', 'Terminate'])
  })

  it('survives an LMS that throws', () => {
    const onTrouble = vi.fn()
    const api = { ...fake12().api, LMSInitialize: () => { throw new Error('boom') } }
    const session = new ScormSession({ version: 'scorm12', api }, { onTrouble })
    expect(session.start()).toBe(false)
    expect(session.open).toBe(false)
    expect(onTrouble).toHaveBeenCalledTimes(1)
    expect(() => session.finish()).not.toThrow()
  })
})
