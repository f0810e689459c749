import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { learnerHandlers } from './learners'
import { presentHandlers } from './present'
import { progressHandlers } from './progress'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'
import { trainerHandlers } from './trainer'

let world: ServiceWorld
const router = routerFor(() => ({
  ...learnerHandlers(world.stores),
  ...trainerHandlers(world.stores.trainer),
  ...progressHandlers(world.courses.catalog, world.stores.learners),
  ...presentHandlers({ catalog: world.courses.catalog, learners: world.stores.learners, trainer: world.stores.trainer }),
}))

beforeEach(async () => {
  world = await openWorld()
})

afterEach(async () => {
  await world.remove()
})

const seenBy = async (id: string) => {
  await call(router, 'profile.switch', { id })
  return Object.keys((await call<{ pages: object }>(router, 'progress.get', { courseId: 'minimal' })).pages)
}

describe('present.attendance', () => {
  it('marks the pages presented as seen by each learner who attended, and nobody else', async () => {
    const trainer = await call<{ activeId: string }>(router, 'profile.list')
    const { created } = await call<{ created: { id: string }[] }>(router, 'profile.createMany', { names: ['Siân', 'Tom', 'Ana'] })
    const [siân, tom, ana] = created.map((profile) => profile.id) as [string, string, string]
    await expect(call(router, 'present.attendance', { courseId: 'minimal', pageIds: ['only-page', 'only-page'], learnerIds: [siân, tom, tom] })).resolves.toEqual({ learners: 2, pages: 1 })
    expect(await seenBy(siân)).toEqual(['only-page'])
    expect(await seenBy(tom)).toEqual(['only-page'])
    expect(await seenBy(ana)).toEqual([])
    expect(await seenBy(trainer.activeId)).toEqual([])
  })

  it('changes nobody when a page is not in the course, or a learner is protected', async () => {
    const { created } = await call<{ created: { id: string }[] }>(router, 'profile.createMany', { names: ['Siân', 'Tom'] })
    const [siân, tom] = created.map((profile) => profile.id) as [string, string]
    await expect(router('present.attendance', { courseId: 'minimal', pageIds: ['only-page', 'no-such-page'], learnerIds: [siân] })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The course has no page "no-such-page".' } })
    // Tom's own PIN keeps his record his while there is no trainer PIN.
    await call(router, 'profile.setPin', { id: tom, pin: '2468' })
    await expect(router('present.attendance', { courseId: 'minimal', pageIds: ['only-page'], learnerIds: [siân, tom] })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await seenBy(siân)).toEqual([])
    // With a trainer PIN, given, the trainer marks everyone.
    await call(router, 'trainer.setPin', { pin: '9999' })
    await call(router, 'trainer.lock')
    // (Siân, now the chosen learner, may mark herself; Tom is another learner.)
    await expect(router('present.attendance', { courseId: 'minimal', pageIds: ['only-page'], learnerIds: [tom] })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [{ path: 'trainerPin', message: 'locked' }] } })
    await call(router, 'trainer.unlock', { pin: '9999' })
    await call(router, 'present.attendance', { courseId: 'minimal', pageIds: ['only-page'], learnerIds: [siân, tom] })
    expect(await seenBy(siân)).toEqual(['only-page'])
  })
})
