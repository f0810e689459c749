import { CMI } from './cmi'
import type { ScormVersion } from './manifest'
import type { MoodleModel } from './moodle-model'

/** The runtime API an LMS puts on the window (scorm-again's objects have these and more). */
export type LmsApi = Record<string, unknown>

export type LmsFunction = (...args: string[]) => string

/** What the strict LMS saw: every call, every accepted write, and every rule broken. */
export interface StrictLmsLog {
  /** `Name(arg, …)` for every call, in order. */
  calls: string[]
  /** The writes the LMS accepted, in order. */
  sets: [string, string][]
  /** Rules the package broke; a write that broke one was refused. */
  violations: string[]
  initialized: number
  finished: boolean
}

export interface StrictLmsOptions {
  /** An LMS having a bad day: every Commit fails with a general error. */
  refuseCommits?: boolean
  /**
   * An LMS that takes nothing: every SetValue fails with this error code, such as 1.2's 405
   * (incorrect data type) or 2004's 404 (read only), or a passing one such as 2004's 351.
   * The refused writes are in the log's calls, not in its sets.
   */
  refuseWrites?: string
  /** Told after every call, for a screen that shows the log as it grows. */
  onCall?: (name: string) => void
  /**
   * The package's mastery score (1.2) or scaled passing score × 100 (2004), 0–100. An LMS that
   * applies it sets passed or failed from the score on its own; a status that disagrees is logged.
   */
  masteryScore?: number | null
  /**
   * Moodle's own runtime behind the API (moodle-model.ts): what each Commit and Terminate sends,
   * by XHR or, once the page is closing or hidden, by beacon, which Chromium refuses past 64 KiB;
   * a refused request fails the call with error 101, as Moodle's does.
   */
  moodle?: MoodleModel
}

export interface StrictLms {
  /** Put this on the window as `API` (1.2) or `API_1484_11` (2004). */
  api: Record<string, LmsFunction>
  log: StrictLmsLog
}

/** The runtime functions of each version, by role. */
export const LMS_FUNCTIONS = {
  scorm12: { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', errorString: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic' },
  scorm2004: { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic' },
} as const

/** The window property an LMS's API is found under. */
export const API_PROPERTY: Record<ScormVersion, 'API' | 'API_1484_11'> = { scorm12: 'API', scorm2004: 'API_1484_11' }

const SINGLE = '[0-9a-z]'
/** SCORM 1.2's response formats (RTE 3.4.2.6.2), which scorm-again does not check. */
const RESPONSE_FORMATS_12: Record<string, RegExp> = {
  'true-false': /^[01tf]$/,
  choice: new RegExp(`^${SINGLE}(,${SINGLE})*$`),
  matching: new RegExp(`^${SINGLE}\\.${SINGLE}(,${SINGLE}\\.${SINGLE})*$`),
  sequencing: new RegExp(`^${SINGLE}(,${SINGLE})*$`),
  likert: new RegExp(`^${SINGLE}?$`),
  numeric: /^-?\d+(\.\d+)?$/,
}

/** A 2004 timestamp Moodle takes: to the second, without milliseconds or a zone. */
const MOODLE_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/

/**
 * Checks one SetValue against the rules real LMSs enforce and scorm-again does not (docs/scorm.md):
 * 1.2's 4096-character suspend data and comments, 2004 comments' lengths, 1.2 response formats and result words, Moodle-safe
 * interaction ids, 2004 timestamps without milliseconds or zone, session time formats and 2004
 * description length. Returns what is wrong, or null. `types` remembers each interaction's type,
 * which a 1.2 response's format depends on.
 */
export function strictWriteProblem(version: ScormVersion, element: string, value: string, types: Map<string, string>): string | null {
  const is12 = version === 'scorm12'
  const cmi = CMI[version]
  if (is12 && element === cmi.suspendData && value.length > cmi.suspendLimit) return `suspend_data of ${value.length} characters is over SCORM 1.2's ${cmi.suspendLimit}`
  if (is12 && element === cmi.sessionTime && !/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/.test(value)) return `session_time "${value}" is not HHHH:MM:SS.SS`
  if (!is12 && element === cmi.sessionTime && (value === 'PT' || !/^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.test(value))) {
    return `session_time "${value}" is not an ISO 8601 duration with at most 2 decimals`
  }
  if (is12 && element === CMI.scorm12.comments && value.length > CMI.scorm12.commentsLimit) return `comments of ${value.length} characters are over SCORM 1.2's ${CMI.scorm12.commentsLimit}`
  const comment = /^cmi\.comments_from_learner\.\d+\.(comment|location|timestamp)$/.exec(element)?.[1]
  if (!is12 && comment === 'comment' && value.length > CMI.scorm2004.commentLimit) return `comment of ${value.length} characters is over SCORM 2004's ${CMI.scorm2004.commentLimit}`
  if (!is12 && comment === 'comment' && /[\n\r\u2028\u2029]/.test(value)) return 'comment has a line break, which the pattern Moodle checks comments with refuses'
  if (!is12 && comment === 'location' && value.length > CMI.scorm2004.commentLocationLimit) return `comment location over ${CMI.scorm2004.commentLocationLimit} characters`
  if (!is12 && comment === 'timestamp' && !MOODLE_TIMESTAMP.test(value)) return `comment timestamp "${value}" has milliseconds or a zone, which Moodle refuses`
  const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element)
  if (!interaction) return null
  const [, index = '', field = ''] = interaction
  if (field === 'id' && !/^[\w.]{1,250}$/.test(value)) return `interaction id "${value}" fails Moodle's ^[\\w.]{1,250}$`
  if (field === 'type') types.set(index, value)
  if (field === 'result') {
    const words = is12 ? ['correct', 'wrong', 'unanticipated', 'neutral'] : ['correct', 'incorrect', 'unanticipated', 'neutral']
    if (!words.includes(value) && !/^-?\d+(\.\d+)?$/.test(value)) return `result "${value}" is not a SCORM ${is12 ? '1.2' : '2004'} result`
  }
  if (!is12 && field === cmi.interactionTime && !MOODLE_TIMESTAMP.test(value)) return `timestamp "${value}" has milliseconds or a zone, which Moodle refuses`
  if (!is12 && field === 'description' && value.length > 250) return 'description is over 250 characters'
  if (is12 && (field === cmi.interactionResponse || /^correct_responses\.\d+\.pattern$/.test(field))) {
    const type = types.get(index) ?? ''
    if (type === 'fill-in' || type === 'performance') return value.length > 255 ? `${type} response over 255 characters` : null
    const format = RESPONSE_FORMATS_12[type]
    if (!format) return `response written before the interaction's type`
    if (!format.test(value)) return `${type} response "${value}" is not in SCORM 1.2's format`
  }
  return null
}

/**
 * What an LMS that applies the mastery score would change: the status the package last wrote
 * against the verdict its score gives. 1.2 has one status; 2004's success status is judged from
 * the scaled score. Returns what is wrong, or null.
 */
export function masteryProblem(version: ScormVersion, written: ReadonlyMap<string, string>, masteryScore: number): string | null {
  const is12 = version === 'scorm12'
  const status = written.get(CMI[version].verdict)
  const score = written.get(CMI[version].judgedScore)
  if (status === undefined || score === undefined || score === '') return null
  const passes = is12 ? Number(score) >= masteryScore : Number(score) >= masteryScore / 100
  const verdict = passes ? 'passed' : 'failed'
  if (status === verdict) return null
  const threshold = is12 ? `mastery score ${masteryScore}` : `scaled passing score ${masteryScore / 100}`
  return `${is12 ? 'lesson_status' : 'success_status'} "${status}" with score ${score}: an LMS that applies the ${threshold} records "${verdict}"`
}

/**
 * Wraps an LMS's runtime API (scorm-again in the tests and in the app's "Test this package"
 * window) with the strictness of the pickiest real LMSs: the write checks above, Initialize
 * once, no calls after finishing, and no Commit right before Terminate in 2004. A write that
 * breaks a rule is refused with the version's type-mismatch error, as a strict LMS would, and
 * every broken rule is logged.
 */
export function strictLms(version: ScormVersion, inner: LmsApi, options: StrictLmsOptions = {}): StrictLms {
  const names = LMS_FUNCTIONS[version]
  const log: StrictLmsLog = { calls: [], sets: [], violations: [], initialized: 0, finished: false }
  const types = new Map<string, string>()
  const refusedWrite = version === 'scorm12' ? '405' : '406'
  const generalCommitFailure = version === 'scorm12' ? '101' : '391'
  let forcedError: string | null = null
  let lastCall = ''

  const call = (name: string, args: string[]): string => {
    const previous = lastCall
    lastCall = name
    log.calls.push(`${name}(${args.join(', ')})`)
    if (name === names.error && forcedError !== null) {
      const code = forcedError
      forcedError = null
      return code
    }
    forcedError = null
    const asksAboutErrors = name === names.error || name === names.errorString || name === names.diagnostic
    if (log.finished && !asksAboutErrors) log.violations.push(`${name} called after ${names.finish}`)
    if (name === names.init && ++log.initialized > 1) log.violations.push(`${names.init} called ${log.initialized} times`)
    if (name === names.finish && version === 'scorm2004' && previous === names.commit) log.violations.push('Commit right before Terminate')
    if ((name === names.commit || name === names.finish) && options.masteryScore != null) {
      // The last value written to each element: later entries of the log win.
      const problem = masteryProblem(version, new Map(log.sets), options.masteryScore)
      if (problem && !log.violations.includes(problem)) log.violations.push(problem)
    }
    if (name === names.commit && options.refuseCommits) {
      forcedError = generalCommitFailure
      return 'false'
    }
    if (name === names.set && options.refuseWrites !== undefined) {
      forcedError = options.refuseWrites
      return 'false'
    }
    if (name === names.set) {
      const element = args[0] ?? ''
      const value = String(args[1] ?? '')
      const wrong = strictWriteProblem(version, element, value, types)
      if (wrong) {
        log.violations.push(`${element}: ${wrong}`)
        forcedError = refusedWrite
        return 'false'
      }
      log.sets.push([element, value])
    }
    const moodle = options.moodle
    // Moodle's 2004 Terminate ends the session only once its data is stored; its 1.2 LMSFinish ends it first.
    if (moodle && name === names.finish && version === 'scorm2004' && !moodle.request(true)) {
      forcedError = '101'
      return 'false'
    }
    const target = inner[name]
    const result = typeof target === 'function' ? String((target as LmsFunction).apply(inner, args)) : 'false'
    if (name === names.finish && result === 'true') log.finished = true
    if (moodle && result === 'true') {
      if (name === names.set) moodle.written(args[0] ?? '', String(args[1] ?? ''))
      const stored = name === names.commit ? moodle.request(false) : name === names.finish && version === 'scorm12' ? moodle.request(true) : true
      if (!stored) {
        forcedError = '101'
        return 'false'
      }
    }
    return result
  }

  const api: Record<string, LmsFunction> = {}
  for (const name of Object.values(names)) {
    api[name] = (...args: string[]) => {
      const result = call(name, args)
      options.onCall?.(name)
      return result
    }
  }
  return { api, log }
}
