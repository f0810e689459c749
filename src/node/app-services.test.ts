import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from './app-services'
import { StoreLockedError } from './store/lock-file'

const fixtures = path.resolve(__dirname, '../../e2e/fixtures/courses')
let work: string
let services: AppServices

async function start(): Promise<AppServices> {
  return createAppServices({ host: 'web', version: '1.0.0', coursesDir: path.join(work, 'courses'), dataDir: path.join(work, 'data') })
}

async function call(method: string, input: unknown = {}) {
  const result = await services.router(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as never
}

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-services-'))
  await cp(path.join(fixtures, 'minimal'), path.join(work, 'courses', 'minimal'), { recursive: true })
  await cp(path.join(fixtures, 'every-block'), path.join(work, 'courses', 'every-block'), { recursive: true })
  services = await start()
})

afterEach(async () => {
  await services.close()
  await rm(work, { recursive: true, force: true })
})

describe('app services through the router', () => {
  it('opens a course by id, and answers NOT_FOUND for one that does not exist', async () => {
    const bundle: { id: string; languages: string[] } = await call('course.get', { courseId: 'every-block' })
    expect(bundle.id).toBe('every-block')
    expect(bundle.languages).toEqual(['en', 'cy'])
    await expect(services.router('course.get', { courseId: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('records progress, gives it back, and keeps it across a restart', async () => {
    await call('progress.record', {
      courseId: 'minimal',
      events: [
        { type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' },
        { type: 'page.time', pageId: 'only-page', seconds: 40 },
      ],
    })
    const overview: { courseId: string; complete: boolean; progress: number }[] = await call('progress.overview')
    expect(overview.find((course) => course.courseId === 'minimal')).toMatchObject({ complete: true, progress: 1, secondsSpent: 40 })
    await services.close()
    services = await start()
    const progress: { pages: Record<string, unknown>; completedAt?: string } = await call('progress.get', { courseId: 'minimal' })
    expect(progress.pages).toEqual({ 'only-page': { viewedAt: '2026-11-21T10:00:00.000Z', seconds: 40 } })
    expect(progress.completedAt).toBe('2026-11-21T10:00:00.000Z')
  })

  it('refuses malformed tracking events with the place that is wrong', async () => {
    const result = await services.router('progress.record', {
      courseId: 'minimal',
      events: [{ type: 'page.viewed', at: 'yesterday', pageId: 'only-page' }],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'events.0.at' }] } })
  })

  it('manages learner profiles, each with their own progress', async () => {
    const first: { activeId: string } = await call('profile.list')
    const tom: { id: string } = await call('profile.create', { name: 'Tom' })
    await call('profile.switch', { id: tom.id })
    await call('progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await call('profile.switch', { id: first.activeId })
    const mine: { pages: object } = await call('progress.get', { courseId: 'minimal' })
    expect(mine.pages).toEqual({})
    await call('profile.setPin', { id: tom.id, pin: '2468' })
    await expect(services.router('profile.switch', { id: tom.id, pin: '1111' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await expect(services.router('profile.setPin', { id: tom.id, pin: 'abcd' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await call('profile.delete', { id: tom.id })
    const after: { profiles: { name: string }[] } = await call('profile.list')
    expect(after.profiles.map((profile) => profile.name)).toEqual(['Learner'])
  })

  it('refuses a second process on the same data folder with a clear message', async () => {
    const error = await start().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(StoreLockedError)
  })

  it('reports the store status', async () => {
    await expect(call('store.status')).resolves.toEqual({ readOnly: false, notices: [] })
  })
})
