import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_HEADER } from '../src/core/app-meta'
import { bundleForNode } from './support/bundle-for-node'
import { loadCourseFolder } from '../src/node/course-loader'
import { LearnerStore } from '../src/node/learner-store'
import type { CourseBundle } from '../src/core/course/bundle'
import type { CourseProgress } from '../src/core/progress/schema'

/**
 * What the API acknowledges survives SIGKILL: clients send progress over HTTP as the app does, four
 * at a time, and count only what the host answered 200; the host is killed at a random moment and
 * the learner's stored progress must hold every acknowledged event.
 */
const RUNS = 40
const CLIENTS = 4
const PAGE = 'only-page'
let work: string
let child: string
let coursesDir: string
let course: CourseBundle

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-api-crash-'))
  child = path.join(work, 'child.cjs')
  coursesDir = path.join(work, 'courses')
  await cp(path.join(__dirname, '../e2e/fixtures/courses/minimal'), path.join(coursesDir, 'minimal'), { recursive: true })
  await mkdir(path.join(work, 'renderer'))
  const loaded = await loadCourseFolder(path.join(coursesDir, 'minimal'))
  if (!loaded.bundle) throw new Error('The minimal course does not load.')
  course = loaded.bundle
  // Bundled once so each run starts in a fraction of a second.
  await bundleForNode(path.join(__dirname, 'support/api-crash-child.ts'), child)
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

/** One API call; the status (0 when the kill cut it off) and, when the host answered in full, its answer. */
function post(origin: string, token: string, agent: Agent, method: string, input: unknown): Promise<{ status: number; answer?: { ok: boolean; value?: { progress?: CourseProgress } } }> {
  const body = JSON.stringify(input)
  return new Promise((resolve) => {
    const req = request(
      `${origin}/api/${method}`,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), [TOKEN_HEADER]: token } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, answer: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
          } catch {
            resolve({ status: 0 })
          }
        })
        res.on('error', () => resolve({ status: 0 }))
      },
    )
    // A request the kill cuts off was never acknowledged.
    req.on('error', () => resolve({ status: 0 }))
    req.end(body)
  })
}

/** One run: start the host, send until it dies, return the most seconds it said it had saved, and those sent. */
async function runAndKill(dataDir: string, signal: AbortSignal): Promise<{ acked: number; sent: number }> {
  const proc = spawn(process.execPath, [child, coursesDir, dataDir, path.join(work, 'renderer')], { stdio: ['ignore', 'pipe', 'pipe'], signal, killSignal: 'SIGKILL' })
  let stderr = ''
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, exitSignal) => resolve(exitSignal)))
  proc.on('error', () => undefined)
  const url = await new Promise<URL>((resolve, reject) => {
    let output = ''
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolve(new URL(match[1]))
    })
    void exited.then(() => reject(new Error(`the host exited before it listened: ${stderr}`)))
  })
  const token = url.searchParams.get('token') ?? ''
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  let acked = 0
  let sent = 0
  let dead = false
  void exited.then(() => (dead = true))
  if ((await post(url.origin, token, agent, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: new Date().toISOString(), pageId: PAGE }] })).status !== 200) {
    throw new Error(`the first event was refused: ${stderr}`)
  }
  // Killed a random time after the first page time is acknowledged, so every run dies in the
  // middle of work however slowly the machine answers.
  let killer: NodeJS.Timeout | undefined
  const client = async () => {
    while (!dead) {
      const seconds = 1 + Math.floor(Math.random() * 5)
      sent += seconds
      const { status, answer } = await post(url.origin, token, agent, 'progress.record', { courseId: 'minimal', events: Array.from({ length: seconds }, () => ({ type: 'page.time', pageId: PAGE, seconds: 1 })) })
      // What the client is told is saved: the host answers with the progress it has written
      // (time on pages credited as its clock allows, so less than was sent).
      if (status === 200) {
        acked = Math.max(acked, answer?.value?.progress?.pages[PAGE]?.seconds ?? 0)
        killer ??= setTimeout(() => proc.kill('SIGKILL'), Math.floor(Math.random() * 300))
      } else if (status !== 0) throw new Error(`the host answered ${status}: ${stderr}`)
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client))
  agent.destroy()
  if ((await exited) !== 'SIGKILL') throw new Error(`the host exited by itself: ${stderr}`)
  return { acked, sent }
}

async function storedSeconds(dataDir: string): Promise<number> {
  const store = await LearnerStore.open(dataDir, { defaultName: 'Learner', lock: true })
  try {
    expect(store.notices).toEqual([])
    return (await store.progress(course)).pages[PAGE]?.seconds ?? 0
  } finally {
    await store.close()
  }
}

describe('the web host under SIGKILL', () => {
  // Bounded by the number of runs, not by time; the timeout only guards against a hang on a loaded 2-core machine.
  it(`keeps every progress event it acknowledged over HTTP through ${RUNS} kills`, { timeout: 900_000 }, async ({ signal }) => {
    const dataDir = path.join(work, 'data')
    let acked = 0
    let sent = 0
    let runsWithAcks = 0
    for (let run = 0; run < RUNS; run++) {
      const result = await runAndKill(dataDir, signal)
      if (result.acked > acked) runsWithAcks++
      acked = Math.max(acked, result.acked)
      sent += result.sent
      const stored = await storedSeconds(dataDir)
      expect(stored).toBeGreaterThanOrEqual(acked)
      expect(stored).toBeLessThanOrEqual(sent)
    }
    // The experiment really sent and killed in the middle of work in most runs.
    expect(runsWithAcks).toBeGreaterThan(RUNS / 2)
  })
})
