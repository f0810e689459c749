import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { build } from 'esbuild'
import { lookup } from 'mime-types'
import { elementOfField, MAX_INPUT_VARS } from '../../src/core/scorm/moodle-model'
import type { StrictLmsLog } from '../../src/core/scorm/strict-lms'

export type { StrictLmsLog }

const SCORM_AGAIN = path.resolve(__dirname, '../../node_modules/scorm-again/dist')

/** The page an LMS would show around the package: scorm-again's APIs, and room for the SCO's frame. */
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake LMS</title>
<script src="/scorm-again/scorm12.min.js"></script>
<script src="/scorm-again/scorm2004.min.js"></script>
<script src="/strict-lms.js"></script>
<style>body{margin:0} iframe{width:100%;height:96vh;border:0}</style>
</head><body></body></html>`

/** One request Moodle's runtime sent to the fake site's datamodel.php, as the server saw it. */
export interface MoodleRequestSeen {
  transport: 'xhr' | 'beacon'
  bytes: number
  fields: number
}

export interface FakeLmsServer {
  /** The host page. */
  url: string
  /** The package manifest's pass mark, for installStrictLms. */
  masteryScore: number | null
  /** With `moodle: true`: what the site received, and what it stored (the first 1,000 fields of each request, as PHP keeps). */
  moodle: { requests: MoodleRequestSeen[]; stored: Map<string, string> }
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

/** The app's strict LMS checks as a browser script, so the tests and the app check the same rules. */
async function bundleStrictLms(): Promise<string> {
  const scorm = path.resolve(__dirname, '../../src/core/scorm')
  const result = await build({
    stdin: { contents: `export * from './strict-lms'\nexport { MoodleModel, preloadedValues } from './moodle-model'`, resolveDir: scorm, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'CivicStrictLms',
    target: 'es2022',
    write: false,
  })
  return result.outputFiles[0]?.text ?? ''
}

/**
 * A small HTTP server for the fake LMS: the host page, scorm-again's browser builds, and the
 * unzipped package under /pkg/, as an LMS serves a package from a folder of its own.
 */
export async function startFakeLms(packageDir: string): Promise<FakeLmsServer> {
  const strictLmsScript = await bundleStrictLms()
  const moodle: FakeLmsServer['moodle'] = { requests: [], stored: new Map() }
  /** Moodle's datamodel.php: stores every cmi field of a request (the first 1,000 fields), by XHR or by beacon. */
  const datamodel = async (req: IncomingMessage): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const type = req.headers['content-type'] ?? ''
    const fields: [string, string][] = type.startsWith('multipart/form-data')
      ? [...(await new Response(body, { headers: { 'content-type': type } }).formData()).entries()].map(([name, value]) => [name, String(value)])
      : [...new URLSearchParams(body.toString('utf8')).entries()]
    moodle.requests.push({ transport: type.startsWith('multipart/') ? 'beacon' : 'xhr', bytes: body.length, fields: fields.length })
    for (const [name, value] of fields.slice(0, MAX_INPUT_VARS)) {
      const element = elementOfField(name)
      if (element) moodle.stored.set(element, value)
    }
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const send = async () => {
      if (url.pathname === '/moodle/datamodel.php' && req.method === 'POST') {
        await datamodel(req)
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('true\n0')
        return
      }
      if (url.pathname === '/' || url.pathname === '/host.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HOST_PAGE)
        return
      }
      if (url.pathname === '/strict-lms.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(strictLmsScript)
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
    masteryScore: await masteryScoreOf(packageDir),
    moodle,
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
  /** The manifest's pass mark (masteryScoreOf): judged against the score as Moodle does. */
  masteryScore?: number | null
  /** Where the LMS opens the package: in a frame of its page (the default) or a pop-up window. */
  opens?: 'frame' | 'popup'
  /**
   * Moodle's own runtime behind the API (src/core/scorm/moodle-model.ts): each Commit and
   * Terminate is posted to the fake site by synchronous XHR, or once this page is hidden or
   * closing, by navigator.sendBeacon, so Chromium's own limit on beacons applies.
   */
  moodle?: boolean
}

/** The pass mark in an unzipped package's manifest, 0–100, as an LMS reads it on upload; null without one. */
export async function masteryScoreOf(packageDir: string): Promise<number | null> {
  const xml = await readFile(path.join(packageDir, 'imsmanifest.xml'), 'utf8').catch(() => '')
  const score12 = /<adlcp:masteryscore>([\d.]+)<\/adlcp:masteryscore>/.exec(xml)?.[1]
  const measure = /<imsss:minNormalizedMeasure>([\d.]+)<\/imsss:minNormalizedMeasure>/.exec(xml)?.[1]
  if (score12 !== undefined) return Number(score12)
  return measure === undefined ? null : Math.round(Number(measure) * 10_000) / 100
}

/**
 * Runs in the host page (passed to page.evaluate): puts scorm-again in place as the LMS, wrapped
 * in the app's strict LMS (src/core/scorm/strict-lms.ts, served as /strict-lms.js) with the
 * checks scorm-again does not make itself (docs/scorm.md). A value that fails a check is refused,
 * as a strict LMS would, and recorded.
 */
export function installStrictLms(config: StrictLmsConfig): void {
  type Api = Record<string, unknown> & { loadFromJSON(json: unknown): void; cmi: unknown }
  type Request = { transport: 'xhr' | 'beacon'; fields: [string, string][] }
  type Moodle = { setUnloading(unloading: boolean): void; written(element: string, value: string): void }
  type MoodleConstructor = new (version: string, options: { send(request: Request): boolean; preloaded: Map<string, string> }) => Moodle
  type Preloaded = (stored: unknown) => Map<string, string>
  type Strict = (version: string, inner: unknown, options: { refuseCommits?: boolean; masteryScore?: number | null; moodle?: Moodle }) => { api: unknown; log: StrictLmsLog }
  const win = window as unknown as Record<string, unknown> & { lms?: { api: Api; log: StrictLmsLog }; CivicStrictLms: { strictLms: Strict; MoodleModel: MoodleConstructor; preloadedValues: Preloaded } }
  const mastery = config.masteryScore ?? null
  const settings = { lmsCommitUrl: false, mastery_override: mastery !== null, autocommit: false, logLevel: 5 }
  const is12 = config.version === 'scorm12'
  const Constructor = win[is12 ? 'Scorm12API' : 'Scorm2004API'] as new (options: unknown) => Api
  const api = new Constructor(settings)
  const learner = is12
    ? { core: { student_id: 'c-jones', student_name: config.learnerName ?? 'Jones, Ceri', credit: 'credit', lesson_mode: 'normal' } }
    : { learner_id: 'c-jones', learner_name: config.learnerName ?? 'Jones, Ceri', credit: 'credit', mode: 'normal' }
  const data: Record<string, unknown> = { ...(config.stored ? config.stored : learner) }
  if (mastery !== null && is12) data.student_data = { ...(data.student_data as object | undefined), mastery_score: String(mastery) }
  if (mastery !== null && !is12) data.scaled_passing_score = String(mastery / 100)
  api.loadFromJSON(data)
  let moodle: Moodle | undefined
  if (config.moodle) {
    const preloaded = win.CivicStrictLms.preloadedValues(config.stored ?? {})
    const send = ({ transport, fields }: Request): boolean => {
      if (transport === 'beacon') {
        const form = new FormData()
        for (const [name, value] of fields) form.append(name, value)
        return navigator.sendBeacon('/moodle/datamodel.php', form)
      }
      try {
        const request = new XMLHttpRequest()
        request.open('POST', '/moodle/datamodel.php', false)
        request.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded')
        request.send(new URLSearchParams(fields).toString())
        return request.status === 200 && request.responseText.startsWith('true')
      } catch {
        return false
      }
    }
    const model = new win.CivicStrictLms.MoodleModel(config.version, { send, preloaded })
    // As Moodle's request.js: beacons from the moment the page is hidden or closing until it shows again.
    window.addEventListener('pagehide', () => model.setUnloading(true))
    window.addEventListener('pageshow', () => model.setUnloading(false))
    document.addEventListener('visibilitychange', () => model.setUnloading(document.visibilityState === 'hidden'))
    moodle = model
  }
  const strict = win.CivicStrictLms.strictLms(config.version, api, { refuseCommits: config.refuseCommits === true, masteryScore: mastery, ...(moodle ? { moodle } : {}) })
  win[is12 ? 'API' : 'API_1484_11'] = strict.api
  win.lms = { api, log: strict.log }
  if (config.opens === 'popup') {
    window.open(config.launch, 'course', 'popup,width=1024,height=768')
    return
  }
  const frame = document.createElement('iframe')
  frame.title = 'Course'
  frame.src = config.launch
  document.body.append(frame)
}
