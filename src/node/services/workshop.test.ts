import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import type { JoinInfo, WorkshopStatus } from '../../core/api/workshop-schemas'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'
import { trainerHandlers } from './trainer'
import { workshopService, type WorkshopService } from './workshop'

/** Only loopback: the room server is offered 127.0.0.2, and nothing else. */
const OFFERED = [{ name: 'lo', address: '127.0.0.2' }]

let world: ServiceWorld
let participantDir: string
let addresses: ReturnType<typeof vi.fn<() => { name: string; address: string }[]>>
let workshop: WorkshopService
let learner = { id: 'l1', name: 'Cllr Alys Morgan' }
const sockets: WebSocket[] = []
const router = routerFor(() => ({ ...workshop.handlers, ...trainerHandlers(world.stores.trainer) }))

beforeEach(async () => {
  world = await openWorld(['every-block'])
  participantDir = await mkdtemp(path.join(os.tmpdir(), 'civic-participant-'))
  await mkdir(path.join(participantDir, 'assets'))
  await writeFile(path.join(participantDir, 'index.html'), '<!doctype html><title>Join</title>')
  await writeFile(path.join(participantDir, 'assets', 'app-abcdefgh.js'), 'void 0')
  addresses = vi.fn(() => OFFERED)
  workshop = workshopService({ catalog: world.courses.catalog, trainer: world.stores.trainer, participantDir, addresses, activeLearner: () => learner })
})

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await workshop.close()
  await rm(participantDir, { recursive: true, force: true })
  await world.remove()
})

const start = (listen: string | null, more: { anonymous?: boolean } = {}) => router('workshop.start', { courseId: 'every-block', moduleId: 'blocks', language: 'en', anonymous: more.anonymous ?? false, listen })
const started = async (listen: string | null) => {
  const result = await start(listen)
  if (!result.ok) throw new Error(`workshop.start: ${result.error.code} ${result.error.message}`)
  return result.value as WorkshopStatus
}

async function refused(address: string): Promise<void> {
  await expect(fetch(address, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow()
}

const poll = { type: 'poll', spec: { kind: 'choice', prompt: 'Tea or coffee?', options: [{ id: 'tea', text: 'Tea' }, { id: 'coffee', text: 'Coffee' }], multiple: false } }

describe('workshop.start', () => {
  it('starts a session without listening when no address is given', async () => {
    const status = await started(null)
    expect(status.join).toBeNull()
    expect(status.view).toMatchObject({ courseId: 'every-block', moduleId: 'blocks', ended: false, participants: [], activity: null })
    expect(addresses).not.toHaveBeenCalled()
    expect(workshop.hub.active).toBe(true)
    expect((await call<WorkshopStatus>(router, 'workshop.status', { since: null })).join).toBeNull()
    // The room's counts are entered by hand.
    await call(router, 'workshop.act', { action: poll })
    const counted = await call<WorkshopStatus>(router, 'workshop.act', { action: { type: 'count', optionId: 'tea', count: 7 } })
    expect(counted.view!.activity!.liveResults).toEqual({ counts: { tea: 7, coffee: 0 }, answers: 7 })
  })

  it('refuses to listen on an address this computer does not offer, and leaves no session running', async () => {
    for (const address of ['127.0.0.1', '0.0.0.0', '::', '192.0.2.1', 'localhost']) {
      await expect(start(address)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect(workshop.hub.active, address).toBe(false)
      expect((await call<WorkshopStatus>(router, 'workshop.status', { since: null })).join).toBeNull()
    }
    // And one may start afterwards.
    expect((await started(null)).view?.ended).toBe(false)
  })

  it('listens on an offered address, and tells the presenter how phones join', async () => {
    const status = await started('127.0.0.2')
    const join = status.join as JoinInfo
    expect(join.address).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/)
    const [beforeHash, secret] = join.link.split('#') as [string, string]
    expect(beforeHash).toBe(join.address)
    expect(secret).toBe(workshop.hub.joining!.secret)
    expect(secret.length).toBeGreaterThanOrEqual(20)
    expect(join.code).toMatch(/^\d{6}$/)
    expect(join.code).toBe(workshop.hub.joining!.code)
    expect(join.qr.size).toBeGreaterThanOrEqual(21)
    expect(join.qr.cells).toHaveLength(join.qr.size * join.qr.size)
    expect(join.qr.cells).toMatch(/^[01]+$/)
    expect(join.reachable).toBe(true)
    expect(join.network).toBe('loopback')
    // The status tells the same, and a phone can join with what it shows.
    expect((await call<WorkshopStatus>(router, 'workshop.status', { since: null })).join).toEqual(join)
    const response = await fetch(new URL('/join', join.address), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, name: 'Ana' }) })
    expect(response.status).toBe(200)
    const byCode = await fetch(new URL('/join', join.address), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: join.code, name: 'Ben' }) })
    expect(byCode.status).toBe(200)
    expect(workshop.hub.view()!.participants.map((item) => item.name)).toEqual(['Ana', 'Ben'])
    // Nothing of the app's API on that listener.
    expect((await fetch(new URL('/api/workshop.end', join.address), { method: 'POST' })).status).toBe(404)
    expect(workshop.hub.active).toBe(true)
  })

  it('refuses a second session while one runs, keeping the first and its listener', async () => {
    const first = await started('127.0.0.2')
    await expect(start(null)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await expect(start('127.0.0.2')).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const now = await call<WorkshopStatus>(router, 'workshop.status', { since: null })
    expect(now.view!.id).toBe(first.view!.id)
    expect(now.join).toEqual(first.join)
    expect((await fetch(first.join!.address)).status).toBe(200)
  })

  it('is the trainer’s: with a PIN set and not given, nothing starts and nothing listens', async () => {
    await call(router, 'trainer.setPin', { pin: '9999' })
    await call(router, 'trainer.lock')
    await expect(start('127.0.0.2')).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [{ path: 'trainerPin', message: 'locked' }] } })
    await expect(start(null)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(addresses).not.toHaveBeenCalled()
    expect(workshop.hub.active).toBe(false)
    expect(await call(router, 'workshop.status', { since: null })).toEqual({ view: null, join: null })
    await call(router, 'trainer.unlock', { pin: '9999' })
    expect((await started('127.0.0.2')).join?.reachable).toBe(true)
  })

  it('says so when the app was built without the participant page, and leaves no session running', async () => {
    workshop = workshopService({ catalog: world.courses.catalog, trainer: world.stores.trainer, addresses })
    await expect(start('127.0.0.2')).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(workshop.hub.active).toBe(false)
  })
})

describe('workshop.end', () => {
  it('stops listening, and the status has no join any more', async () => {
    const { join } = await started('127.0.0.2')
    expect((await fetch(join!.address)).status).toBe(200)
    const ended = await call<WorkshopStatus>(router, 'workshop.end')
    expect(ended.join).toBeNull()
    expect(ended.view!.ended).toBe(true)
    await refused(join!.address)
    const status = await call<WorkshopStatus>(router, 'workshop.status', { since: null })
    expect(status.join).toBeNull()
    expect(status.view!.ended).toBe(true)
    expect(workshop.hub.joining).toBeNull()
    // Acting on an ended session is refused.
    await expect(router('workshop.act', { action: poll })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('tells the phones the session ended before closing their connections', async () => {
    const { join } = await started('127.0.0.2')
    const answer = await fetch(new URL('/join', join!.address), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: join!.code, name: 'Ana' }) })
    const { token } = (await answer.json()) as { token: string }
    const ws = new WebSocket(new URL('/live', join!.address.replace('http:', 'ws:')))
    sockets.push(ws)
    const messages: { type: string; view?: { ended: boolean } }[] = []
    ws.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[0]))
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    ws.send(JSON.stringify({ type: 'hello', token }))
    await vi.waitFor(() => expect(messages.some((message) => message.type === 'view')).toBe(true))
    await call(router, 'workshop.end')
    expect([1000, 1001]).toContain(await closed)
    expect(messages.at(-1)).toMatchObject({ type: 'view', view: { ended: true } })
    await refused(join!.address)
  })

  it('on closing the app: ends the session and stops listening', async () => {
    const { join } = await started('127.0.0.2')
    await workshop.close()
    expect(workshop.hub.active).toBe(false)
    await refused(join!.address)
  })

  it('leaves a later session without listening with no join, even when the first was ended while it was starting', async () => {
    // End pressed while the room server is being checked for reachability.
    const joining = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(workshop.hub) as object, 'joining')!.get!
    let ending: Promise<unknown> | null = null
    vi.spyOn(workshop.hub, 'joining', 'get').mockImplementation(function (this: WorkshopService['hub']) {
      // Just after the join information is read: while the listener is checked.
      ending ??= Promise.resolve().then(() => router('workshop.end', {}))
      return joining.call(this) as ReturnType<typeof joining>
    })
    await start('127.0.0.2')
    await ending
    vi.restoreAllMocks()
    expect(workshop.hub.active).toBe(false)
    const status = await started(null)
    expect(status.view?.ended).toBe(false)
    expect(status.join).toBeNull()
  })
})

describe('workshop.status', () => {
  it('answers at once for an unknown or stale revision', async () => {
    const { view } = await started(null)
    await call(router, 'workshop.act', { action: poll })
    const began = Date.now()
    expect((await call<WorkshopStatus>(router, 'workshop.status', { since: view!.revision })).view!.revision).toBeGreaterThan(view!.revision)
    expect((await call<WorkshopStatus>(router, 'workshop.status', { since: null })).view!.activity?.prompt).toBe('Tea or coffee?')
    expect(Date.now() - began).toBeLessThan(5_000)
  })

  it('waits for a change and answers with it', async () => {
    const { view } = await started(null)
    let answered: WorkshopStatus | null = null
    const waiting = call<WorkshopStatus>(router, 'workshop.status', { since: view!.revision }).then((status) => (answered = status))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(answered).toBeNull()
    await call(router, 'workshop.act', { action: poll })
    const status = await waiting
    expect(status.view!.revision).toBe(view!.revision + 1)
    expect(status.view!.activity).toMatchObject({ prompt: 'Tea or coffee?', phase: 'open' })
  })

  it('answers waiting presenters when a phone joins', async () => {
    const { view, join } = await started('127.0.0.2')
    const waiting = call<WorkshopStatus>(router, 'workshop.status', { since: view!.revision })
    await fetch(new URL('/join', join!.address), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: join!.code, name: 'Ana' }) })
    const status = await waiting
    expect(status.view!.participants).toMatchObject([{ name: 'Ana', connected: true }])
    expect(status.join).toEqual(join)
  })
})

describe('workshop.items and workshop.act', () => {
  it('offers the module’s content and puts it to the room, refusing what the session does not allow as BAD_INPUT', async () => {
    await expect(router('workshop.items', {})).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await started(null)
    const items = await call<{ questions: { questionId: string }[]; scenarios: { scenarioId: string; start: string }[] }>(router, 'workshop.items')
    expect(items.questions.map((item) => item.questionId)).toEqual(['q-single', 'q-multiple', 'q-true-false'])
    expect(items.scenarios).toEqual([{ scenarioId: 'flood-rumour', title: 'A rumour during a flood', start: 'post' }])
    const put = await call<WorkshopStatus>(router, 'workshop.act', { action: { type: 'question', quizId: 'every-type-quiz', questionId: 'q-single' } })
    expect(put.view!.activity).toMatchObject({ source: { type: 'quiz', questionId: 'q-single' }, phase: 'open' })
    await expect(router('workshop.act', { action: { type: 'question', quizId: 'every-type-quiz', questionId: 'q-ordering' } })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await expect(router('workshop.act', { action: { type: 'follow' } })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await expect(router('workshop.act', { action: { type: 'step', scenarioId: 'nope', stepId: 'post' } })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const step = await call<WorkshopStatus>(router, 'workshop.act', { action: { type: 'step', scenarioId: 'flood-rumour', stepId: 'post' } })
    const share = step.view!.activity!.options.find((option) => option.text === 'Share it at once.')!
    await call(router, 'workshop.act', { action: { type: 'count', optionId: share.id, count: 3 } })
    // A refusal the trainer may meet carries its code, for their screen to say in their language.
    await expect(router('workshop.act', { action: { type: 'showQuestion', questionId: 'q999' } })).resolves.toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'There is no such question.', refusal: { code: 'no-such-question' } },
    })
    const followed = await call<WorkshopStatus>(router, 'workshop.act', { action: { type: 'follow' } })
    expect(followed.view!.activity).toMatchObject({ source: { type: 'scenario', stepId: 'correction' } })
  })
})

describe('workshop.ask', () => {
  it('puts the app’s learner’s comment to the room’s questions, joining them once, for the trainer to approve; refused with no session or too long', async () => {
    await expect(router('workshop.ask', { text: 'Does this apply to parish councils?' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    await started(null)
    await call(router, 'workshop.ask', { text: 'Does this apply to parish councils?' })
    await call(router, 'workshop.ask', { text: 'And to community councils?' })
    learner = { id: 'l2', name: 'Cllr Rhys Evans' }
    await call(router, 'workshop.ask', { text: 'Who checks the tips?' })
    const status = await call<WorkshopStatus>(router, 'workshop.status', { since: null })
    expect(status.view!.participants.map((participant) => [participant.name, participant.learner])).toEqual([['Cllr Alys Morgan', true], ['Cllr Rhys Evans', true]])
    expect(status.view!.questions.map((question) => [question.text, question.status, question.by])).toEqual([
      ['Does this apply to parish councils?', 'pending', 'Cllr Alys Morgan'],
      ['And to community councils?', 'pending', 'Cllr Alys Morgan'],
      ['Who checks the tips?', 'pending', 'Cllr Rhys Evans'],
    ])
    await expect(router('workshop.ask', { text: 'x'.repeat(301) })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})

