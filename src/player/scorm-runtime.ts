import { CMI } from '../core/scorm/cmi'
import { sessionTime12, sessionTime2004 } from '../core/scorm/formats'
import type { ScormVersion } from '../core/scorm/manifest'

/** The SCORM 1.2 API object an LMS puts on `window.API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string
  LMSFinish(arg: ''): string
  LMSGetValue(element: string): string
  LMSSetValue(element: string, value: string): string
  LMSCommit(arg: ''): string
  LMSGetLastError(): string
  LMSGetErrorString(code: string): string
  LMSGetDiagnostic(code: string): string
}

/** The SCORM 2004 API object an LMS puts on `window.API_1484_11`. */
export interface Scorm2004Api {
  Initialize(arg: ''): string
  Terminate(arg: ''): string
  GetValue(element: string): string
  SetValue(element: string, value: string): string
  Commit(arg: ''): string
  GetLastError(): string
  GetErrorString(code: string): string
  GetDiagnostic(code: string): string
}

const API_NAMES: Record<ScormVersion, 'API' | 'API_1484_11'> = { scorm12: 'API', scorm2004: 'API_1484_11' }
const isApi = (candidate: unknown, version: ScormVersion): boolean =>
  typeof candidate === 'object' && candidate !== null && typeof (candidate as Record<string, unknown>)[version === 'scorm12' ? 'LMSInitialize' : 'Initialize'] === 'function'

/** Reading a property of a window from another origin throws; such a window simply has no API for us. */
function read<T>(get: () => T): T | undefined {
  try {
    return get()
  } catch {
    return undefined
  }
}

/** The API on this window or one of its parents, nearest first. */
function searchParents(start: Window, version: ScormVersion): unknown {
  let current: Window | undefined = start
  for (let depth = 0; current && depth < 12; depth++) {
    const win: Window = current
    const api = read(() => (win as unknown as Record<string, unknown>)[API_NAMES[version]])
    if (isApi(api, version)) return api
    const parent: Window | undefined = read(() => win.parent)
    if (!parent || parent === win) return undefined
    current = parent
  }
  return undefined
}

/** The topmost window above this one: a pop-up's opener is on its top window, not on the frames inside it. */
function topOf(start: Window): Window {
  let current: Window = start
  for (let depth = 0; depth < 12; depth++) {
    const win: Window = current
    const parent: Window | undefined = read(() => win.parent)
    if (!parent || parent === win) break
    current = parent
  }
  return current
}

export type FoundApi = { version: 'scorm12'; api: Scorm12Api } | { version: 'scorm2004'; api: Scorm2004Api }

/**
 * Finds the LMS's API: through this window's parents (the package in a frame), then through the
 * window that opened the top window and that window's parents and openers (the package in a
 * pop-up, framed or not). The package's own version is looked for first; an LMS offering only
 * the other one is used as it is.
 */
export function findScormApi(win: Window, preferred: ScormVersion): FoundApi | null {
  const versions: ScormVersion[] = preferred === 'scorm12' ? ['scorm12', 'scorm2004'] : ['scorm2004', 'scorm12']
  for (const version of versions) {
    let current: Window | null | undefined = win
    for (let hop = 0; current && hop < 5; hop++) {
      const from: Window = current
      const api = searchParents(from, version)
      if (api) return version === 'scorm12' ? { version, api: api as Scorm12Api } : { version, api: api as Scorm2004Api }
      current = read(() => topOf(from).opener as Window | null)
    }
  }
  return null
}

/** Uniform calls over either version's API; every call guarded, since an LMS may throw too. */
interface Calls {
  initialize(): boolean
  finish(): boolean
  get(element: string): string
  set(element: string, value: string): boolean
  commit(): boolean
  lastError(): number
  describe(code: number): string
}

function callsFor(found: FoundApi): Calls {
  const ok = (result: unknown) => result === 'true' || result === true
  if (found.version === 'scorm12') {
    const api = found.api
    return {
      initialize: () => ok(api.LMSInitialize('')),
      finish: () => ok(api.LMSFinish('')),
      get: (element) => String(api.LMSGetValue(element) ?? ''),
      set: (element, value) => ok(api.LMSSetValue(element, value)),
      commit: () => ok(api.LMSCommit('')),
      lastError: () => Number(api.LMSGetLastError()) || 0,
      describe: (code) => `${String(api.LMSGetErrorString(String(code)))} ${String(api.LMSGetDiagnostic(String(code)))}`.trim(),
    }
  }
  const api = found.api
  return {
    initialize: () => ok(api.Initialize('')),
    finish: () => ok(api.Terminate('')),
    get: (element) => String(api.GetValue(element) ?? ''),
    set: (element, value) => ok(api.SetValue(element, value)),
    commit: () => ok(api.Commit('')),
    lastError: () => Number(api.GetLastError()) || 0,
    describe: (code) => `${String(api.GetErrorString(String(code)))} ${String(api.GetDiagnostic(String(code)))}`.trim(),
  }
}

/**
 * Errors that say the element or value is not accepted at all (not implemented, read-only,
 * wrong type or range): trying again cannot help, so they are not retried.
 */
const FINAL_ERRORS: Record<ScormVersion, ReadonlySet<number>> = {
  scorm12: new Set([201, 401, 402, 403, 404, 405]),
  scorm2004: new Set([201, 401, 402, 403, 404, 405, 406, 407, 408]),
}

/** Errors that say the LMS does not have an element at all (1.2: not implemented; 2004: undefined or not implemented). */
const NOT_IMPLEMENTED: Record<ScormVersion, ReadonlySet<number>> = {
  scorm12: new Set([401]),
  scorm2004: new Set([401, 402]),
}

/**
 * The elements that carry the learner's progress and record. One refused for good means progress
 * may not be saved, and the learner is told; the others (the interactions journal, the score's
 * range, the session's length) are only logged, as LMSs differ in which of them they take.
 */
const PROGRESS_ELEMENTS: Record<ScormVersion, ReadonlySet<string>> = {
  scorm12: new Set([CMI.scorm12.suspendData, CMI.scorm12.location, CMI.scorm12.status, CMI.scorm12.scoreRaw, CMI.scorm12.exit]),
  scorm2004: new Set([CMI.scorm2004.suspendData, CMI.scorm2004.location, CMI.scorm2004.status, CMI.scorm2004.success, CMI.scorm2004.judgedScore, CMI.scorm2004.scoreRaw, CMI.scorm2004.exit]),
}

const ATTEMPTS = 3

export interface SessionOptions {
  now?: () => number
  /** Called once, the first time the LMS fails to take data after retries. */
  onTrouble?: () => void
  /** Where the LMS's own error texts go: a developer's console, never the learner's screen. */
  log?: (message: string) => void
}

/**
 * One SCO session with the LMS: Initialize once, reads and writes with retries, commits at
 * checkpoints and Finish/Terminate exactly once. Writes that fail are kept and tried again at
 * the next commit; after that the learner is warned once. Progress the LMS refuses for good (the
 * element is read-only, not implemented, or the value wrong in its eyes) warns them at once.
 */
export class ScormSession {
  readonly version: ScormVersion
  private readonly calls: Calls
  private readonly now: () => number
  private readonly onTrouble: () => void
  private readonly log: (message: string) => void
  private readonly startedAt: number
  private state: 'new' | 'open' | 'failed' | 'finished' = 'new'
  private troubled = false
  private readonly unsent = new Map<string, string>()
  private readonly unsupported = new Set<string>()

  constructor(found: FoundApi, options: SessionOptions = {}) {
    this.version = found.version
    this.calls = callsFor(found)
    this.now = options.now ?? (() => Date.now())
    this.onTrouble = options.onTrouble ?? (() => undefined)
    this.log = options.log ?? (() => undefined)
    this.startedAt = this.now()
  }

  get open(): boolean {
    return this.state === 'open'
  }

  get finished(): boolean {
    return this.state === 'finished'
  }

  /** Initialize, once; false when the LMS refuses (the course then runs without it). */
  start(): boolean {
    if (this.state !== 'new') return this.state === 'open'
    const started = this.guard('Initialize', () => this.calls.initialize())
    this.state = started ? 'open' : 'failed'
    if (!started) this.trouble()
    return started
  }

  private guard(what: string, call: () => boolean): boolean {
    try {
      if (call()) return true
      const code = this.calls.lastError()
      this.log(`SCORM ${what} failed: ${code} ${this.calls.describe(code)}`)
      return false
    } catch (error) {
      this.log(`SCORM ${what} threw: ${String(error)}`)
      return false
    }
  }

  /** Warns the learner, once a session, that progress may not be saved. */
  trouble(): void {
    if (this.troubled) return
    this.troubled = true
    this.onTrouble()
  }

  /**
   * A value, or null when it could not be read: the LMS does not implement the element (it is
   * then never asked again), or it kept failing (a passing fault: it is asked again next time).
   */
  get(element: string): string | null {
    if (!this.open || this.unsupported.has(element)) return null
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        const value = this.calls.get(element)
        const code = this.calls.lastError()
        if (code === 0) return value
        // 2004's 403 says the element has no value yet (cmi.location on a first launch), not that it is missing.
        if (this.version === 'scorm2004' && code === 403) return ''
        if (NOT_IMPLEMENTED[this.version].has(code)) {
          this.unsupported.add(element)
          return null
        }
        this.log(`SCORM GetValue(${element}) failed: ${code} ${this.calls.describe(code)}`)
      } catch (error) {
        this.log(`SCORM GetValue(${element}) threw: ${String(error)}`)
      }
    }
    return null
  }

  /** False only when the LMS has said it does not implement an element; optional ones (interactions) vary between LMSs. */
  supports(element: string): boolean {
    return this.get(element) !== null || !this.unsupported.has(element)
  }

  /** SetValue with retries; a value that still does not go is kept for the next commit, unless the LMS refuses it for good. */
  set(element: string, value: string): boolean {
    if (!this.open || this.unsupported.has(element)) return false
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        if (this.calls.set(element, value)) {
          this.unsent.delete(element)
          return true
        }
        const code = this.calls.lastError()
        this.log(`SCORM SetValue(${element}) failed: ${code} ${this.calls.describe(code)}`)
        if (FINAL_ERRORS[this.version].has(code)) {
          if (code === 401 || code === 402) this.unsupported.add(element)
          // Not kept for the next commit, which would then succeed and look like a save: the learner is told now.
          if (PROGRESS_ELEMENTS[this.version].has(element)) this.trouble()
          return false
        }
      } catch (error) {
        this.log(`SCORM SetValue(${element}) threw: ${String(error)}`)
      }
    }
    this.unsent.set(element, value)
    return false
  }

  /** Sends once more the values the LMS refused for a passing reason. */
  private resendUnsent(): void {
    for (const [element, value] of [...this.unsent]) this.set(element, value)
  }

  /** Commit, first sending again what failed before; warns the learner once when it cannot. */
  commit(): boolean {
    if (!this.open) return false
    this.resendUnsent()
    let committed = false
    for (let attempt = 0; attempt < ATTEMPTS && !committed; attempt++) committed = this.guard('Commit', () => this.calls.commit())
    if (!committed || this.unsent.size > 0) this.trouble()
    return committed && this.unsent.size === 0
  }

  /** The session's length in the version's format. */
  sessionTime(): string {
    const elapsed = this.now() - this.startedAt
    return this.version === 'scorm12' ? sessionTime12(elapsed) : sessionTime2004(elapsed)
  }

  /**
   * Ends the session, exactly once: session time and exit, then LMSFinish or Terminate at once,
   * which store what was set (Moodle, scorm-again and the LMSs we know save on finishing; some
   * refuse a commit during unload). No commit before it: a frame whose tab is closing gets one
   * request out (e2e/moodle.spec.ts), and a commit would take that one.
   */
  finish(): boolean {
    if (!this.open) return false
    this.set(this.version === 'scorm12' ? 'cmi.core.session_time' : 'cmi.session_time', this.sessionTime())
    this.set(this.version === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit', 'suspend')
    this.resendUnsent()
    const committed = this.unsent.size === 0
    const finished = this.guard('Finish', () => this.calls.finish())
    this.state = 'finished'
    return committed && finished
  }
}
