import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { lookup } from 'mime-types'

const SCORM_AGAIN = path.resolve(__dirname, '../../node_modules/scorm-again/dist')

/** The page an LMS would show around the package: scorm-again's APIs, and room for the SCO's frame. */
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake LMS</title>
<script src="/scorm-again/scorm12.min.js"></script>
<script src="/scorm-again/scorm2004.min.js"></script>
<style>body{margin:0} iframe{width:100%;height:96vh;border:0}</style>
</head><body></body></html>`

export interface FakeLmsServer {
  /** The host page. */
  url: string
  stop(): Promise<void>
}

async function confined(root: string, urlPath: string): Promise<string | null> {
  try {
    const realRoot = await realpath(root)
    const file = await realpath(path.join(realRoot, decodeURIComponent(urlPath)))
    if (!file.startsWith(realRoot + path.sep) || !(await stat(file)).isFile()) return null
    return file
  } catch {
    return null
  }
}

/**
 * A small HTTP server for the fake LMS: the host page, scorm-again's browser builds, and the
 * unzipped package under /pkg/, as an LMS serves a package from a folder of its own.
 */
export async function startFakeLms(packageDir: string): Promise<FakeLmsServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const send = async () => {
      if (url.pathname === '/' || url.pathname === '/host.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HOST_PAGE)
        return
      }
      const [root, rest] = url.pathname.startsWith('/pkg/')
        ? [packageDir, url.pathname.slice('/pkg/'.length)]
        : url.pathname.startsWith('/scorm-again/')
          ? [SCORM_AGAIN, url.pathname.slice('/scorm-again/'.length)]
          : [null, '']
      const file = root && (await confined(root, rest))
      if (!file) {
        res.writeHead(404).end('Not found')
        return
      }
      res.writeHead(200, { 'Content-Type': lookup(file) || 'application/octet-stream', 'Cache-Control': 'no-store' })
      createReadStream(file).pipe(res)
    }
    send().catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/host.html`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export interface StrictLmsConfig {
  version: 'scorm12' | 'scorm2004'
  /** The package's launch page, relative to the host page. */
  launch: string
  /** Learner data from an earlier session, for api.loadFromJSON. */
  stored?: Record<string, unknown>
  learnerName?: string
  /** An LMS having a bad day: every Commit fails with a general error. */
  refuseCommits?: boolean
}

/** What the fake LMS saw, read back by the tests. */
export interface StrictLmsLog {
  calls: string[]
  sets: [string, string][]
  violations: string[]
  initialized: number
  finished: boolean
}

/**
 * Runs in the host page (passed to page.evaluate): puts scorm-again in place as the LMS with the
 * checks it does not make itself (SCORM-NOTES): 1.2's 4096-character suspend data, 1.2 response
 * formats and result words, no calls after finishing, Initialize once, Moodle-safe interaction
 * ids, 2004 timestamps without milliseconds or zone, session time formats, and no Commit right
 * before Terminate. A value that fails a check is refused (as a strict LMS would) and recorded.
 */
export function installStrictLms(config: StrictLmsConfig): void {
  type Api = Record<string, (...args: string[]) => string> & { loadFromJSON(json: unknown): void; cmi: unknown }
  const win = window as unknown as Record<string, unknown> & { lms?: { api: Api; log: StrictLmsLog } }
  const settings = { lmsCommitUrl: false, mastery_override: false, autocommit: false, logLevel: 5 }
  const is12 = config.version === 'scorm12'
  const Constructor = win[is12 ? 'Scorm12API' : 'Scorm2004API'] as new (options: unknown) => Api
  const api = new Constructor(settings)
  const learner = is12 ? { core: { student_id: 'c-jones', student_name: config.learnerName ?? 'Jones, Ceri' } } : { learner_id: 'c-jones', learner_name: config.learnerName ?? 'Jones, Ceri' }
  api.loadFromJSON(config.stored ? config.stored : learner)
  const log: StrictLmsLog = { calls: [], sets: [], violations: [], initialized: 0, finished: false }
  const names = is12
    ? { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError' }
    : { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError' }
  const types = new Map<string, string>()
  let forcedError: string | null = null
  let lastCall = ''

  const single = '[0-9a-z]'
  const formats12: Record<string, RegExp> = {
    'true-false': /^[01tf]$/,
    choice: new RegExp(`^${single}(,${single})*$`),
    matching: new RegExp(`^${single}\\.${single}(,${single}\\.${single})*$`),
    sequencing: new RegExp(`^${single}(,${single})*$`),
    likert: new RegExp(`^${single}?$`),
    numeric: /^-?\d+(\.\d+)?$/,
  }
  const problem = (element: string, value: string): string | null => {
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element)
    if (is12 && element === 'cmi.suspend_data' && value.length > 4096) return `suspend_data of ${value.length} characters is over SCORM 1.2's 4096`
    if (is12 && element === 'cmi.core.session_time' && !/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/.test(value)) return `session_time "${value}" is not HHHH:MM:SS.SS`
    if (!is12 && element === 'cmi.session_time' && (value === 'PT' || !/^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.test(value))) return `session_time "${value}" is not an ISO 8601 duration with at most 2 decimals`
    if (!interaction) return null
    const [, index = '', field = ''] = interaction
    if (field === 'id' && !/^[\w.]{1,250}$/.test(value)) return `interaction id "${value}" fails Moodle's ^[\\w.]{1,250}$`
    if (field === 'type') types.set(index, value)
    if (field === 'result') {
      const words = is12 ? ['correct', 'wrong', 'unanticipated', 'neutral'] : ['correct', 'incorrect', 'unanticipated', 'neutral']
      if (!words.includes(value) && !/^-?\d+(\.\d+)?$/.test(value)) return `result "${value}" is not a SCORM ${is12 ? '1.2' : '2004'} result`
    }
    if (!is12 && field === 'timestamp' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(value)) return `timestamp "${value}" has milliseconds or a zone, which Moodle refuses`
    if (!is12 && field === 'description' && value.length > 250) return 'description is over 250 characters'
    if (is12 && (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field))) {
      const type = types.get(index) ?? ''
      if (type === 'fill-in' || type === 'performance') return value.length > 255 ? `${type} response over 255 characters` : null
      const format = formats12[type]
      if (!format) return `response written before the interaction's type`
      if (!format.test(value)) return `${type} response "${value}" is not in SCORM 1.2's format`
    }
    return null
  }

  const wrapped: Record<string, (...args: string[]) => string> = {}
  for (const name of Object.keys(names).map((key) => names[key as keyof typeof names]).concat(is12 ? ['LMSGetErrorString', 'LMSGetDiagnostic'] : ['GetErrorString', 'GetDiagnostic'])) {
    wrapped[name] = (...args: string[]) => {
      const previous = lastCall
      lastCall = name
      log.calls.push(`${name}(${args.join(', ')})`)
      if (name === names.error && forcedError !== null) {
        const code = forcedError
        forcedError = null
        return code
      }
      forcedError = null
      if (log.finished && !/Error|Diagnostic/.test(name)) log.violations.push(`${name} called after ${names.finish}`)
      if (name === names.init && ++log.initialized > 1) log.violations.push(`${names.init} called ${log.initialized} times`)
      if (name === names.finish && !is12 && previous === names.commit) log.violations.push('Commit right before Terminate')
      if (name === names.commit && config.refuseCommits) {
        forcedError = is12 ? '101' : '391'
        return 'false'
      }
      if (name === names.set) {
        const [element = '', value = ''] = args
        const wrong = problem(element, String(value))
        if (wrong) {
          log.violations.push(`${element}: ${wrong}`)
          forcedError = is12 ? '405' : '406'
          return 'false'
        }
        log.sets.push([element, String(value)])
      }
      const result = (api[name] as (...values: string[]) => string)(...args)
      if (name === names.finish && result === 'true') log.finished = true
      return result
    }
  }
  win[is12 ? 'API' : 'API_1484_11'] = wrapped
  win.lms = { api, log }
  const frame = document.createElement('iframe')
  frame.title = 'Course'
  frame.src = config.launch
  document.body.append(frame)
}
