import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Block } from '../src/core/course/blocks'
import type { CourseBundle } from '../src/core/course/bundle'
import { planAttempt } from '../src/core/quiz/attempt'
import { questionType, type Response } from '../src/core/questions/registry'
import type { TrackingEvent } from '../src/core/progress/schema'
import { loadCourseFolder } from '../src/node/course-loader'
import { LearnerStore } from '../src/node/learner-store'
import { callApi, processRssMb, startHost } from './bench-host'
import { percentile, procCpuMs } from './bench-stats'

/**
 * `npm run bench` (store part), as a workshop laptop meets it: the built web host in its own
 * process, with 10, 200, 1,000 and 5,000 learners who have each finished the bundled course.
 * Progress events go over HTTP every 30 ms as the app sends them (time on a page as it passed,
 * naming the revision the last answer gave), each beside a no-op call (`app.info`) as the
 * reference, each of the two first after the pause half the time: a progress event should cost about what any request costs, whatever the number of
 * learners. Reports latency (p50, p95), the host's CPU time per event and memory (from /proc,
 * Linux only), and its start and stop times (stop writes everything pending).
 */
const SIZES = [10, 200, 1000, 5000]
const EVENTS = 300
const GAP_MS = 30
const ROOT = path.resolve(__dirname, '..')
const COURSE = 'social-media-for-local-leaders'

/** A right answer to the question, as a diligent learner gives. */
function sampleResponse(block: Extract<Block, { type: 'quiz' }>, questionId: string): Response {
  const question = block.questions.find((candidate) => candidate.id === questionId)
  if (!question) throw new Error(`The quiz ${block.id} has no question ${questionId}.`)
  return questionType(question).correctResponse(question)
}

/** Everything a diligent learner does in the course: every page, every quiz three times, every reflection. */
function fullCourseEvents(course: CourseBundle): TrackingEvent[] {
  const events: TrackingEvent[] = []
  const at = '2026-11-21T10:00:00.000Z'
  for (const module of course.content[course.language]?.modules ?? []) {
    for (const page of module.pages) {
      events.push({ type: 'page.viewed', at, pageId: page.id }, { type: 'page.time', pageId: page.id, seconds: 95 })
      for (const block of page.blocks) {
        if (block.type === 'reflection') events.push({ type: 'reflection.saved', at, blockId: block.id, text: 'A considered answer. '.repeat(25) })
        if (block.type === 'video') events.push({ type: 'video.watched', blockId: block.id, from: 0, to: 60, duration: 60 })
        if (block.type === 'quiz') {
          for (let attempt = 0; attempt < 3; attempt++) {
            const seed = attempt * 7919 + 1
            events.push({ type: 'quiz.started', at, quizId: block.id, seed })
            for (const questionId of planAttempt(block, seed).questionIds) {
              events.push({ type: 'quiz.answered', quizId: block.id, questionId, response: sampleResponse(block, questionId) })
            }
            events.push({ type: 'quiz.submitted', at, quizId: block.id })
          }
        }
      }
    }
  }
  return events
}

/**
 * A data folder with `count` learners at full progress, in the store's own format: one learner
 * is recorded through the store, and their file copied for the others, with the index to match.
 */
async function seed(course: CourseBundle, count: number): Promise<{ dir: string; learnerBytes: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-store-bench-'))
  const store = await LearnerStore.open(dir, { defaultName: 'Learner 1' })
  const first = store.activeProfile()
  await store.record(course, fullCourseEvents(course))
  await store.close()
  const learners = path.join(dir, 'learners')
  const indexFile = path.join(learners, 'index.json')
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as { profiles: { id: string; name: string; createdAt: string }[] }
  const template = path.join(learners, `${first.id}.json`)
  for (let n = 1; n < count; n++) {
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    index.profiles.push({ id, name: `Learner ${n + 1}`, createdAt: first.createdAt })
    await copyFile(template, path.join(learners, `${id}.json`))
  }
  await writeFile(indexFile, JSON.stringify(index))
  return { dir, learnerBytes: (await readFile(template)).length }
}

interface Row {
  learners: number
  recordP50: number
  recordP95: number
  noopP95: number
  cpuPerEventMs: number
  rssMb: number
  startMs: number
  stopMs: number
  /** Answers that carried the whole progress: the first, and any the host did not take as sent. */
  fullAnswers: number
}

async function measure(course: CourseBundle, count: number): Promise<Row & { learnerBytes: number }> {
  const { dir, learnerBytes } = await seed(course, count)
  const host = await startHost(dir)
  try {
    const pageIds = (course.content[course.language]?.modules ?? []).flatMap((module) => module.pages.map((page) => page.id))
    await callApi(host, 'progress.get', { courseId: COURSE })
    const record: number[] = []
    const noop: number[] = []
    const cpuBefore = procCpuMs(host.pid)
    // As the app sends them: the time on a page as it passed, and the revision its last answer named.
    let since: string | undefined
    let timeFrom = performance.now()
    let full = 0
    for (let i = 0; i < EVENTS; i++) {
      const pageId = pageIds[i % pageIds.length] ?? ''
      const seconds = Math.round((performance.now() - timeFrom) / 100) / 10
      const event: TrackingEvent = i % 2 === 0 ? { type: 'page.time', pageId, seconds } : { type: 'location.changed', pageId, scroll: (i % 10) / 10 }
      if (event.type === 'page.time') timeFrom = performance.now()
      const recordEvent = async () => {
        const start = performance.now()
        const answer = await callApi(host, 'progress.record', { courseId: COURSE, events: [event], ...(since === undefined ? {} : { since }) })
        record.push(performance.now() - start)
        if (answer.status !== 200) throw new Error(`progress.record answered ${answer.status}: ${answer.body}`)
        const value = (JSON.parse(answer.body) as { value: { revision: string; progress?: unknown } }).value
        since = value.revision
        if (value.progress !== undefined) full++
      }
      const noOp = async () => {
        const start = performance.now()
        await callApi(host, 'app.info')
        noop.push(performance.now() - start)
      }
      // Each goes first after the pause half the time: the first request after a pause meets a host gone idle.
      if (i % 4 < 2) {
        await recordEvent()
        await noOp()
      } else {
        await noOp()
        await recordEvent()
      }
      await new Promise((resolve) => setTimeout(resolve, GAP_MS))
    }
    const cpuPerEventMs = (procCpuMs(host.pid) - cpuBefore) / EVENTS
    const rssMb = processRssMb(host.pid)
    const stopMs = await host.stop()
    return { learners: count, recordP50: percentile(record, 50), recordP95: percentile(record, 95), noopP95: percentile(noop, 95), cpuPerEventMs, rssMb, startMs: host.startMs, stopMs, fullAnswers: full, learnerBytes }
  } finally {
    await host.stop().catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const loaded = await loadCourseFolder(path.join(ROOT, 'courses', COURSE))
  if (!loaded.bundle) throw new Error('The bundled course does not load.')
  const rows = []
  for (const count of SIZES) rows.push(await measure(loaded.bundle, count))
  const fixed = (value: number, digits = 1) => (Number.isNaN(value) ? 'n/a' : value.toFixed(digits))
  const lines = [
    `Learner store through the web host over HTTP: ${EVENTS} progress events ${GAP_MS} ms apart, each followed by a no-op request; every learner at full progress on the bundled course (${((rows[0]?.learnerBytes ?? 0) / 1024).toFixed(0)} KB each)`,
    'learners | record p50 | record p95 | no-op p95 | p95 ratio | host CPU per event | host memory | start | stop | answers in full',
    ...rows.map((row) =>
      [row.learners, `${fixed(row.recordP50, 2)} ms`, `${fixed(row.recordP95, 2)} ms`, `${fixed(row.noopP95, 2)} ms`, fixed(row.recordP95 / row.noopP95, 2), `${fixed(row.cpuPerEventMs, 2)} ms`, `${fixed(row.rssMb, 0)} MB`, `${fixed(row.startMs, 0)} ms`, `${fixed(row.stopMs, 0)} ms`, `${row.fullAnswers} of ${EVENTS}`].join(' | '),
    ),
  ]
  for (const row of rows.filter((candidate) => candidate.learners >= 1000)) {
    const met = row.recordP95 <= 10 && row.recordP95 <= 2 * row.noopP95
    lines.push(`at ${row.learners} learners: record p95 ≤ 10 ms and ≤ 2× the no-op's (target) — ${met ? 'met' : 'NOT met'}`)
  }
  const largest = rows.at(-1)
  if (largest) lines.push(`web host memory at ${largest.learners} learners ≤ 250 MB (target) — ${largest.rssMb <= 250 ? 'met' : Number.isNaN(largest.rssMb) ? 'not measured here' : 'NOT met'}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
