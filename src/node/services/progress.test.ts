import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CourseOverview } from '../../core/api'
import type { CourseProgress } from '../../core/progress/schema'
import { progressHandlers } from './progress'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'

let world: ServiceWorld
const router = routerFor(() => progressHandlers(world.courses.catalog, world.stores.learners))

beforeEach(async () => {
  world = await openWorld()
})

afterEach(async () => {
  await world.remove()
})

describe('progress', () => {
  it('records progress, gives it back, and keeps it across a restart', async () => {
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
    const first = await call<CourseProgress>(router, 'progress.record', {
      courseId: 'minimal',
      events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }],
    })
    expect(first.pages).toEqual({ 'only-page': { viewedAt: '2026-11-21T10:00:00.000Z', seconds: 0 } })
    expect(first.completedAt).toBe('2026-11-21T10:00:00.000Z')
    // The store's answer, not a replay of the events: one it ignores (a page the course does not have) changes nothing.
    const second = await call<CourseProgress>(router, 'progress.record', {
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
})
