import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/app-defaults'
import { StoreLockedError } from '../store/lock-file'
import { learnerHandlers, openLearners } from './learners'
import { progressHandlers } from './progress'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'

let world: ServiceWorld
const router = routerFor(() => ({ ...learnerHandlers(world.stores), ...progressHandlers(world.courses.catalog, world.stores.learners) }))

beforeEach(async () => {
  world = await openWorld()
})

afterEach(async () => {
  await world.remove()
})

describe('learners', () => {
  it('manages learner profiles, each with their own progress', async () => {
    const first = await call<{ activeId: string }>(router, 'profile.list')
    const tom = await call<{ id: string }>(router, 'profile.create', { name: 'Tom' })
    await call(router, 'profile.switch', { id: tom.id })
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await call(router, 'profile.switch', { id: first.activeId })
    const mine = await call<{ pages: object }>(router, 'progress.get', { courseId: 'minimal' })
    expect(mine.pages).toEqual({})
    await call(router, 'profile.setPin', { id: tom.id, pin: '2468' })
    await expect(router('profile.switch', { id: tom.id, pin: '1111' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await expect(router('profile.setPin', { id: tom.id, pin: 'abcd' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    // Tom's PIN keeps his record his: another learner cannot delete it (services/trainer.ts), he can.
    await expect(router('profile.delete', { id: tom.id })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await call(router, 'profile.switch', { id: tom.id, pin: '2468' })
    await call(router, 'profile.delete', { id: tom.id })
    const after = await call<{ profiles: { name: string }[] }>(router, 'profile.list')
    expect(after.profiles.map((profile) => profile.name)).toEqual(['Learner'])
  })

  it('refuses a second process on the same data folder with a clear message', async () => {
    const error = await openLearners(world.dataDir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(StoreLockedError)
  })

  it('reports the store status', async () => {
    await expect(call(router, 'store.status')).resolves.toEqual({ readOnly: false, notices: [] })
  })

  it('deletes all data, backups included, and starts again with one learner', async () => {
    const tom = await call<{ id: string }>(router, 'profile.create', { name: 'Tom Hale' })
    await call(router, 'profile.switch', { id: tom.id })
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await call(router, 'settings.update', { language: 'cy' })
    await world.restart()
    await expect(router('data.deleteAll', { confirm: 'yes' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await call(router, 'data.deleteAll', { confirm: 'delete everything' })
    const files = await readdir(world.dataDir, { recursive: true })
    for (const file of files) {
      if (file.endsWith('.json')) expect(await readFile(path.join(world.dataDir, file), 'utf8')).not.toContain('Tom Hale')
    }
    expect(files.filter((file) => /(^|[\\/])backups[\\/]./.test(file))).toEqual([])
    const list = await call<{ profiles: { name: string }[] }>(router, 'profile.list')
    expect(list.profiles.map((profile) => profile.name)).toEqual(['Learner'])
    await expect(call(router, 'settings.get')).resolves.toMatchObject({ language: 'en' })
  })

  it('keeps each learner’s language and nation, and starts a learner who never chose from the device’s last choice', async () => {
    const first = await call<{ activeId: string }>(router, 'profile.list')
    await call(router, 'settings.update', { language: 'cy', nation: 'wales' })
    const siân = await call<{ id: string }>(router, 'profile.create', { name: 'Siân' })
    const tom = await call<{ id: string }>(router, 'profile.create', { name: 'Tom' })
    await call(router, 'profile.switch', { id: tom.id })
    // Tom has not chosen: the device's last choice.
    await expect(call(router, 'settings.get')).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: 'wales' })
    await call(router, 'settings.update', { language: 'en', nation: 'england' })
    await call(router, 'profile.switch', { id: first.activeId })
    await expect(call(router, 'settings.get')).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: 'wales' })
    // Siân chooses her language only: her nation follows the device's.
    await call(router, 'profile.switch', { id: siân.id })
    await call(router, 'settings.update', { language: 'cy' })
    await expect(call(router, 'settings.get')).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: 'england' })
    await world.restart()
    await call(router, 'profile.switch', { id: tom.id })
    await expect(call(router, 'settings.get')).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: 'england' })
    await call(router, 'profile.switch', { id: first.activeId })
    await expect(call(router, 'settings.get')).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: 'wales' })
  })
})
