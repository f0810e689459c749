import { watch } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Block } from '../src/core/course/blocks'
import type { CourseBundle } from '../src/core/course/bundle'
import { planAttempt } from '../src/core/quiz/attempt'
import { questionType, type Response } from '../src/core/questions/registry'
import type { TrackingEvent } from '../src/core/progress/schema'
import { createAppServices } from '../src/node/app-services'
import { loadCourseFolder } from '../src/node/course-loader'
import { LearnerStore } from '../src/node/learner-store'

/**
 * `npm run bench` (store part): a workshop laptop's data file with 200 learners who have each
 * finished the bundled course, then 1,000 more tracking events recorded one by one as the app
 * records them. Reports the latency of each record call, the number of whole-file writes, the
 * file size and the time to open the store. Events go through the API router, as the app sends
 * them: input validation, the reducer, and the debounced write queue.
 */
const LEARNERS = 200
const EVENTS = 1000
const ROOT = path.resolve(__dirname, '..')

async function bundledCourse(): Promise<{ course: CourseBundle; name: string; coursesDir: string }> {
  for (const dir of ['courses/social-media-for-local-leaders', 'e2e/fixtures/courses/every-block']) {
    const result = await loadCourseFolder(path.join(ROOT, dir)).catch(() => undefined)
    if (result?.bundle) return { course: result.bundle, name: dir, coursesDir: path.dirname(path.join(ROOT, dir)) }
  }
  throw new Error('No course to benchmark with.')
}

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

/** Counts whole-file writes: each atomic write ends with one rename onto learners.json. */
function watchWrites(dir: string): { count(): number; stop(): void } {
  let renames = 0
  const watcher = watch(dir, (event, file) => {
    if (event === 'rename' && file === 'learners.json') renames++
  })
  return { count: () => renames, stop: () => watcher.close() }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function main(): Promise<void> {
  const { course, name, coursesDir } = await bundledCourse()
  const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-store-bench-'))
  try {
    const seedStore = await LearnerStore.open(dir, { defaultName: 'Learner 1', lock: true })
    const history = fullCourseEvents(course)
    for (let n = 0; n < LEARNERS; n++) {
      const profile = n === 0 ? seedStore.activeProfile() : seedStore.createProfile(`Learner ${n + 1}`)
      seedStore.switchProfile(profile.id)
      seedStore.record(course, history)
    }
    await seedStore.close()
    const { size } = await stat(path.join(dir, 'learners.json'))

    const openStart = performance.now()
    const store = await LearnerStore.open(dir, { defaultName: 'Learner 1', lock: true })
    const openMs = performance.now() - openStart
    await store.close()

    const services = await createAppServices({ host: 'web', version: 'bench', coursesDir, dataDir: dir })
    await services.router('course.get', { courseId: course.id })
    const pageIds = (course.content[course.language]?.modules ?? []).flatMap((module) => module.pages.map((page) => page.id))
    const latencies: number[] = []
    const writeWatch = watchWrites(dir)
    const started = performance.now()
    for (let i = 0; i < EVENTS; i++) {
      const pageId = pageIds[i % pageIds.length] ?? ''
      const event: TrackingEvent = i % 2 === 0 ? { type: 'page.time', pageId, seconds: 2 } : { type: 'location.changed', pageId, scroll: (i % 10) / 10 }
      const start = performance.now()
      const result = await services.router('progress.record', { courseId: course.id, events: [event] })
      latencies.push(performance.now() - start)
      if (!result.ok) throw new Error(result.error.message)
      // A learner's clicks arrive a few milliseconds apart, not all in one tick.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await services.close()
    const elapsed = performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
    writeWatch.stop()
    const writes = writeWatch.count()

    latencies.sort((a, b) => a - b)
    const p95 = percentile(latencies, 95)
    process.stdout.write(
      [
        `Learner store: ${LEARNERS} learners with full progress on ${name} (${history.length} events each)`,
        `file size: ${(size / 1024 / 1024).toFixed(1)} MB; open: ${openMs.toFixed(0)} ms`,
        `record ${EVENTS} events: p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms per event (target p95 ≤ 10 ms — ${p95 <= 10 ? 'met' : 'NOT met'})`,
        `whole-file writes: ${writes} in ${(elapsed / 1000).toFixed(1)} s (at most one per 250 ms allows ${Math.floor(elapsed / 250) + 1} — ${writes <= Math.floor(elapsed / 250) + 1 ? 'met' : 'NOT met'})`,
        '',
      ].join('\n'),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
