import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CourseOverview, ProgressAnswer } from '../../core/api'
import { applyEvents } from '../../core/progress/reducer'
import type { CourseProgress } from '../../core/progress/schema'
import { Plausibility } from './plausibility'
import { progressHandlers, Revisions } from './progress'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'

let world: ServiceWorld
/** The host's clock, moved by the tests: time on pages is believed only as it passes. */
let clock = 0
let plausibility: Plausibility
let revisions: Revisions
const router = routerFor(() => progressHandlers(world.courses.catalog, world.stores.learners, plausibility, revisions))

/** The progress a record answers with, to a client that names no revision (so always in full). */
async function recorded(input: unknown): Promise<CourseProgress> {
  const answer = await call<ProgressAnswer>(router, 'progress.record', input)
  if (!answer.progress) throw new Error('A record naming no revision was answered without its progress.')
  return answer.progress
}

beforeEach(async () => {
  world = await openWorld()
  clock = 0
  plausibility = new Plausibility(() => clock)
  revisions = new Revisions()
})

afterEach(async () => {
  await world.remove()
})

describe('progress', () => {
  it('records progress, gives it back, and keeps it across a restart', async () => {
    clock += 60_000
    await call(router, 'progress.record', {
      courseId: 'minimal',
      events: [
        { type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' },
        { type: 'page.time', pageId: 'only-page', seconds: 40 },
      ],
    })
    const overview = await call<CourseOverview[]>(router, 'progress.overview')
    expect(overview.find((course) => course.courseId === 'minimal')).toMatchObject({ complete: true, progress: 1, secondsSpent: 40 })
    await world.restart()
    const progress = await call<CourseProgress>(router, 'progress.get', { courseId: 'minimal' })
    expect(progress.pages).toEqual({ 'only-page': { viewedAt: '2026-11-21T10:00:00.000Z', seconds: 40 } })
    expect(progress.completedAt).toBe('2026-11-21T10:00:00.000Z')
  })

  it('answers a record with the progress the store then holds, which is what the store writes', async () => {
    const first = await recorded({
      courseId: 'minimal',
      events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }],
    })
    expect(first.pages).toEqual({ 'only-page': { viewedAt: '2026-11-21T10:00:00.000Z', seconds: 0 } })
    expect(first.completedAt).toBe('2026-11-21T10:00:00.000Z')
    // The store's answer, not a replay of the events: one it ignores (a page the course does not have) changes nothing.
    const second = await recorded({
      courseId: 'minimal',
      events: [{ type: 'page.viewed', at: '2026-11-22T10:00:00.000Z', pageId: 'no-such-page' }],
    })
    expect(second).toEqual(first)
    await expect(call(router, 'progress.get', { courseId: 'minimal' })).resolves.toEqual(second)
    await world.restart()
    await expect(call(router, 'progress.get', { courseId: 'minimal' })).resolves.toEqual(second)
  })

  it('refuses malformed tracking events with the place that is wrong', async () => {
    const result = await router('progress.record', {
      courseId: 'minimal',
      events: [{ type: 'page.viewed', at: 'yesterday', pageId: 'only-page' }],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'events.0.at' }] } })
  })

  it('answers NOT_FOUND for progress in a course that does not exist', async () => {
    await expect(router('progress.get', { courseId: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await expect(router('progress.record', { courseId: 'nope', events: [{ type: 'page.time', pageId: 'p', seconds: 1 }] })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('believes time on pages only as the host sees it pass', async () => {
    const viewed = { type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }
    const time = (seconds: number) => ({ type: 'page.time', pageId: 'only-page', seconds })
    await call(router, 'progress.record', { courseId: 'minimal', events: [viewed] })
    // A client claiming an hour a moment after starting is believed for the moment (and a little slack).
    const claimed = await recorded({ courseId: 'minimal', events: [time(3600)] })
    expect(claimed.pages['only-page']?.seconds).toBe(5)
    clock += 30_000
    const honest = await recorded({ courseId: 'minimal', events: [time(20), time(10)] })
    expect(honest.pages['only-page']?.seconds).toBe(35)
  })

  it('does not record a quiz submitted faster than its questions can be read, and records one answered at a reading pace', async () => {
    const started = { type: 'quiz.started', at: '2026-11-21T10:00:00.000Z', quizId: 'every-type-quiz', seed: 1 }
    const submitted = { type: 'quiz.submitted', at: '2026-11-21T10:00:01.000Z', quizId: 'every-type-quiz' }
    const answers = [
      { type: 'quiz.answered', quizId: 'every-type-quiz', questionId: 'q-single', response: 0 },
      { type: 'quiz.answered', quizId: 'every-type-quiz', questionId: 'q-true-false', response: true },
    ]
    await call(router, 'progress.record', { courseId: 'every-block', events: [started] })
    // Two answers in half a second: less than half a second each.
    clock += 500
    // The answers are kept; the submission is not.
    const hasty = await recorded({ courseId: 'every-block', events: [...answers, submitted] })
    expect(hasty.quizzes['every-type-quiz']?.attempts ?? []).toEqual([])
    clock += 10_000
    const later = await recorded({ courseId: 'every-block', events: [submitted] })
    expect(later.quizzes['every-type-quiz']?.attempts).toHaveLength(1)
  })

  it('credits page time only once however it is split, and not for a batch that failed to save', async () => {
    const viewed = { type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }
    await call(router, 'progress.record', { courseId: 'minimal', events: [viewed] })
    // Many small claims in quick succession earn no more than one large one.
    let last: CourseProgress | undefined
    for (let n = 0; n < 20; n++) {
      clock += 10
      last = await recorded({ courseId: 'minimal', events: [{ type: 'page.time', pageId: 'only-page', seconds: 5 }] })
    }
    expect(last?.pages['only-page']?.seconds).toBeLessThanOrEqual(6)
    const judged = plausibility.judge(world.stores.learners.activeProfile().id, 'minimal', last as CourseProgress, [{ type: 'page.time', pageId: 'only-page', seconds: 600 }])
    clock += 600_000
    // Not accepted (its save failed): the next try is credited in full.
    void judged
    const retried = await recorded({ courseId: 'minimal', events: [{ type: 'page.time', pageId: 'only-page', seconds: 600 }] })
    expect(retried.pages['only-page']?.seconds).toBeGreaterThanOrEqual(600)
  })

  it('judges a quiz started and submitted in one batch (sent again after a failed save) by the times the events carry', async () => {
    const events = [
      { type: 'quiz.started', at: '2026-11-21T10:00:00.000Z', quizId: 'every-type-quiz', seed: 1 },
      { type: 'quiz.answered', quizId: 'every-type-quiz', questionId: 'q-single', response: 0 },
      { type: 'quiz.submitted', at: '2026-11-21T10:02:00.000Z', quizId: 'every-type-quiz' },
    ]
    const stored = await recorded({ courseId: 'every-block', events })
    expect(stored.quizzes['every-type-quiz']?.attempts).toHaveLength(1)
  })

  it('answers only the new revision when the client applied the same events to the revision it names, and in full otherwise', async () => {
    clock += 60_000
    const course = await world.courses.catalog.get('minimal')
    const viewed = { type: 'page.viewed' as const, at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }
    const first = await call<ProgressAnswer>(router, 'progress.record', { courseId: 'minimal', events: [viewed] })
    expect(first.progress?.pages['only-page']).toBeDefined()
    // The client's own result is the host's: only a new name for it.
    const moved = { type: 'location.changed' as const, pageId: 'only-page', scroll: 0.5 }
    const second = await call<ProgressAnswer>(router, 'progress.record', { courseId: 'minimal', events: [moved], since: first.revision })
    expect(second).toEqual({ revision: expect.any(String) })
    expect(second.revision).not.toBe(first.revision)
    await expect(call(router, 'progress.get', { courseId: 'minimal' })).resolves.toEqual(applyEvents(course, first.progress as CourseProgress, [moved]))
    // Named an older revision (another window recorded since): in full, what the host holds.
    const stale = await call<ProgressAnswer>(router, 'progress.record', { courseId: 'minimal', events: [moved], since: first.revision })
    expect(stale.progress).toEqual(await call(router, 'progress.get', { courseId: 'minimal' }))
    // The host believed less than was sent (page time beyond its clock): in full, with what it believed.
    const claimed = await call<ProgressAnswer>(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.time', pageId: 'only-page', seconds: 3600 }], since: stale.revision })
    expect(claimed.progress?.pages['only-page']?.seconds).toBeLessThan(3600)
    // A revision from before the host restarted names nothing now.
    await world.restart()
    const after = await call<ProgressAnswer>(router, 'progress.record', { courseId: 'minimal', events: [moved], since: claimed.revision })
    expect(after.progress).toEqual(await call(router, 'progress.get', { courseId: 'minimal' }))
  })
})
