import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type * as Http from 'node:http'
import { request, type Server } from 'node:http'
import { connect } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket, type ClientOptions } from 'ws'
import type { CourseBundle } from '../../core/course/bundle'
import { loadCourseFolder } from '../course-loader'
import { WorkshopHub } from './hub'
import { CODE_TRIES_IN_ALL, CODE_TRIES_PER_ADDRESS, startRoomServer, type RoomServer } from './room-server'

/**
 * Only loopback is used. The room server keys its code limit on the peer's address, and a test
 * on one machine has only 127.0.0.1 and 127.0.0.2 to connect from; to count wrong codes from more
 * addresses than that, the servers the room server creates are kept here, and a request carrying
 * `x-test-peer` is seen by it as coming from that address (no connection is made to it).
 */
const servers = vi.hoisted(() => [] as Server[])
vi.mock('node:http', async (importOriginal) => {
  const http = await importOriginal<typeof Http>()
  const createServer = ((...args: Parameters<typeof http.createServer>) => {
    const server = http.createServer(...args)
    server.prependListener('request', (req) => {
      const peer = req.headers['x-test-peer']
      if (typeof peer === 'string') Object.defineProperty(req.socket, 'remoteAddress', { value: peer, configurable: true })
    })
    servers.push(server)
    return server
  }) as typeof http.createServer
  return { ...http, default: { ...http, createServer }, createServer }
})

let course: CourseBundle
let participantDir: string
let hub: WorkshopHub
let room: RoomServer | null = null
const sockets: WebSocket[] = []

beforeAll(async () => {
  const { bundle } = await loadCourseFolder(path.resolve(__dirname, '../../../e2e/fixtures/courses/every-block'))
  if (!bundle) throw new Error('The every-block fixture did not load.')
  course = bundle
})

beforeEach(async () => {
  participantDir = await mkdtemp(path.join(os.tmpdir(), 'civic-room-'))
  await mkdir(path.join(participantDir, 'assets', 'deeper'), { recursive: true })
  await writeFile(path.join(participantDir, 'index.html'), '<!doctype html><title>Join</title>')
  await writeFile(path.join(participantDir, 'assets', 'app-abcdefgh.js'), 'console.log("phone")')
  await writeFile(path.join(participantDir, 'assets', 'deeper', 'hidden.js'), 'deeper')
  await writeFile(path.join(participantDir, 'secret.txt'), 'not for phones')
  await writeFile(path.join(participantDir, 'stats.html'), 'build report')
  hub = new WorkshopHub()
  hub.start({ course, moduleId: 'blocks', language: 'en', anonymous: false })
})

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await room?.close()
  room = null
  servers.length = 0
  await rm(participantDir, { recursive: true, force: true })
})

async function open(options: { now?: () => number; heartbeatMs?: number; host?: string; profiles?: () => { id: string; name: string }[] } = {}): Promise<RoomServer> {
  room = await startRoomServer({ hub, host: options.host ?? '127.0.0.1', participantDir, now: options.now, heartbeatMs: options.heartbeatMs, ...(options.profiles ? { profiles: options.profiles } : {}) })
  return room
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** A raw HTTP request (the path is sent as given, never normalised as fetch would). */
function send(server: RoomServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: server.host, port: server.port, method: options.method ?? 'GET', path: options.path, headers: { host: `${server.host}:${server.port}`, ...options.headers }, localAddress: options.localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const post = (server: RoomServer, body: unknown, extra: { headers?: Record<string, string>; localAddress?: string } = {}) =>
  send(server, { method: 'POST', path: '/join', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...extra.headers }, localAddress: extra.localAddress })

const json = (answer: Answer) => JSON.parse(answer.text) as Record<string, unknown>

function wrongCode(): string {
  return hub.joining!.code === '000000' ? '111111' : '000000'
}

async function tokenFor(server: RoomServer, name: string): Promise<string> {
  const answer = await post(server, { secret: hub.joining!.secret, name })
  expect(answer.status).toBe(200)
  return (json(answer) as { token: string }).token
}

/** A phone's socket, with its messages queued to be taken in order. */
interface Phone {
  ws: WebSocket
  next(): Promise<Record<string, unknown>>
  /** The next message of a type, skipping others (views arrive whenever the hub sends them). */
  nextOf(type: string): Promise<Record<string, unknown>>
  /** How the socket closed, failing if it has not within a few seconds. */
  closed(): Promise<{ code: number; reason: string }>
  say(message: unknown): void
}

/** A promise's value, or a failure naming what did not happen in time (instead of the test hanging). */
function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

function phone(server: RoomServer, options: ClientOptions & { path?: string } = {}): Promise<Phone> {
  const ws = new WebSocket(`ws://${server.host}:${server.port}${options.path ?? '/live'}`, options)
  sockets.push(ws)
  const queue: Record<string, unknown>[] = []
  const waiting: ((message: Record<string, unknown>) => void)[] = []
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>
    const taker = waiting.shift()
    if (taker) taker(message)
    else queue.push(message)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })))
  const next = () => within(new Promise<Record<string, unknown>>((resolve) => (queue.length > 0 ? resolve(queue.shift()!) : waiting.push(resolve))), 'a message')
  const nextOf = async (type: string) => {
    for (;;) {
      const message = await next()
      if (message.type === type) return message
    }
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, next, nextOf, closed: () => within(closed, 'the socket to close'), say: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)) }))
    ws.once('error', reject)
  })
}

/** What the server answers to an upgrade it refuses: the status line's code. */
function upgradeStatus(server: RoomServer, options: { path?: string; headers?: Record<string, string> } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${server.host}:${server.port}${options.path ?? '/live'}`, { headers: options.headers })
    sockets.push(ws)
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => resolve(101))
    ws.on('error', (error) => {
      // A refusal written straight to the socket may reach the client as a parse error only.
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('Timed out waiting.')
    await wait(10)
  }
}

const connectedOf = (name: string) => hub.view()!.participants.find((item) => item.name === name)?.connected

describe('what the room server serves', () => {
  it('serves the participant page and its assets, with the room’s security headers', async () => {
    const server = await open()
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    for (const where of ['/', '/index.html', '/assets/app-abcdefgh.js']) {
      const answer = await send(server, { path: where })
      expect(answer.status, where).toBe(200)
      expect(answer.headers['content-security-policy'], where).toMatch(/default-src 'none'/)
      expect(answer.headers['content-security-policy'], where).toMatch(/frame-ancestors 'none'/)
      expect(answer.headers['x-frame-options'], where).toBe('DENY')
      expect(answer.headers['x-content-type-options'], where).toBe('nosniff')
    }
    expect((await send(server, { path: '/' })).text).toContain('<title>Join</title>')
    expect((await send(server, { path: '/assets/app-abcdefgh.js' })).text).toBe('console.log("phone")')
    // Through fetch too, as a phone's browser asks.
    const response = await fetch(server.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    await response.arrayBuffer()
  })

  it('answers 404 for the app’s API, paths climbing out, and every other file of the folder', async () => {
    const server = await open()
    const paths = [
      '/api/anything',
      '/api/profile.list',
      '/assets/../../etc/passwd',
      '/assets/../secret.txt',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/assets/..%2f..%2fetc%2fpasswd',
      '/assets/..%5c..%5cetc%5cpasswd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/secret.txt',
      '//etc/passwd',
      '/secret.txt',
      '/stats.html',
      '/assets',
      '/assets/',
      '/assets/deeper/hidden.js',
      '/assets/missing.js',
      '/courses/every-block/course.yaml',
    ]
    for (const where of paths) {
      const answer = await send(server, { path: where })
      expect(answer.status, where).toBe(404)
      expect(answer.text, where).not.toContain('not for phones')
      expect(answer.text, where).not.toContain('root:')
    }
    for (const where of ['/api/anything', '/api/workshop.end', '/assets/../../etc/passwd', '/secret.txt']) {
      const answer = await send(server, { method: 'POST', path: where, body: '{}', headers: { 'content-type': 'application/json' } })
      expect(answer.status, `POST ${where}`).toBe(404)
    }
    // The session is untouched by any of it.
    expect(hub.active).toBe(true)
  })

  it('refuses requests naming another Host with 421', async () => {
    const server = await open()
    for (const host of ['localhost', `localhost:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, '127.0.0.1', `evil.example:${server.port}`]) {
      const answer = await send(server, { path: '/', headers: { host } })
      expect(answer.status, host).toBe(421)
      expect(answer.text, host).not.toContain('<title>')
      const joining = await send(server, { method: 'POST', path: '/join', headers: { host, 'content-type': 'application/json' }, body: JSON.stringify({ secret: hub.joining!.secret, name: 'Ana' }) })
      expect(joining.status, host).toBe(421)
    }
    expect(hub.view()!.participants).toEqual([])
    // Its own name, in any case, is answered.
    expect((await send(server, { path: '/', headers: { host: `127.0.0.1:${server.port}`.toUpperCase() } })).status).toBe(200)
  })

  it('refuses a WebSocket on another path, for another Host, or from a foreign page (403)', async () => {
    const server = await open()
    expect(await upgradeStatus(server, { path: '/other' })).toBe(403)
    expect(await upgradeStatus(server, { path: '/' })).toBe(403)
    expect(await upgradeStatus(server, { path: '/live/' })).toBe(403)
    expect(await upgradeStatus(server, { headers: { host: 'evil.example' } })).toBe(403)
    expect(await upgradeStatus(server, { headers: { host: `localhost:${server.port}` } })).toBe(403)
    expect(await upgradeStatus(server, { headers: { origin: 'http://evil.example' } })).toBe(403)
    expect(await upgradeStatus(server, { headers: { origin: `https://127.0.0.1:${server.port}` } })).toBe(403)
    expect(await upgradeStatus(server, { headers: { origin: `http://127.0.0.1:${server.port + 1}` } })).toBe(403)
    expect(await upgradeStatus(server, { headers: { origin: 'null' } })).toBe(403)
    // The participant page's own origin, and a client naming none, may connect.
    expect(await upgradeStatus(server, { headers: { origin: `http://127.0.0.1:${server.port}` } })).toBe(101)
    expect(await upgradeStatus(server, { path: '/live?v=1' })).toBe(101)
  })
})

describe('POST /join', () => {
  it('lets a phone in by the link’s secret, or by the code', async () => {
    const server = await open()
    const bySecret = await post(server, { secret: hub.joining!.secret, name: 'Ana' })
    expect(bySecret.status).toBe(200)
    expect(bySecret.headers['cache-control']).toBe('no-store')
    expect(bySecret.headers['x-frame-options']).toBe('DENY')
    const token = (json(bySecret) as { token: string }).token
    expect(hub.participant(token)).not.toBeNull()
    // The code as typed on a phone, spaces and all.
    const code = hub.joining!.code
    const byCode = await post(server, { code: `${code.slice(0, 3)} ${code.slice(3)}`, name: 'Ben' })
    expect(byCode.status).toBe(200)
    expect(hub.view()!.participants.map((item) => item.name)).toEqual(['Ana', 'Ben'])
  })

  it('refuses a wrong secret (403) without counting it against the code limit', async () => {
    let now = Date.UTC(2026, 2, 1, 10)
    const server = await open({ now: () => now })
    for (let attempt = 0; attempt < CODE_TRIES_PER_ADDRESS + 3; attempt++) {
      const answer = await post(server, { secret: 'not-the-secret', name: 'Eve' })
      expect(answer.status).toBe(403)
      expect(json(answer)).toEqual({ error: 'wrong-link' })
    }
    now += 1000
    expect((await post(server, { code: hub.joining!.code, name: 'Ana' })).status).toBe(200)
    expect(hub.view()!.participants.map((item) => item.name)).toEqual(['Ana'])
  })

  it('refuses a wrong code, and the sixth from one address in a minute with 429 until the minute has passed', async () => {
    let now = Date.UTC(2026, 2, 1, 10)
    const server = await open({ now: () => now })
    for (let attempt = 0; attempt < CODE_TRIES_PER_ADDRESS; attempt++) {
      const answer = await post(server, { code: wrongCode(), name: 'Eve' })
      expect(answer.status, `attempt ${attempt + 1}`).toBe(403)
      expect(json(answer)).toEqual({ error: 'wrong-code' })
      now += 1000
    }
    // The sixth: not even the right code is taken.
    const sixth = await post(server, { code: hub.joining!.code, name: 'Eve' })
    expect(sixth.status).toBe(429)
    expect(json(sixth)).toMatchObject({ error: 'too-many' })
    // The first try leaves the window 60 s after it was made: 55 s from now.
    expect(sixth.headers['retry-after']).toBe('55')
    expect(json(sixth).retryAfter).toBe(55)
    // The link still works meanwhile.
    expect((await post(server, { secret: hub.joining!.secret, name: 'Ana' })).status).toBe(200)
    now += 54_000
    expect((await post(server, { code: hub.joining!.code, name: 'Eve' })).status).toBe(429)
    now += 1000
    const later = await post(server, { code: hub.joining!.code, name: 'Ben' })
    expect(later.status).toBe(200)
    expect(hub.view()!.participants.map((item) => item.name)).toEqual(['Ana', 'Ben'])
  })

  it('counts wrong codes per address: another address may still try', async () => {
    const now = Date.UTC(2026, 2, 1, 10)
    const server = await open({ now: () => now })
    for (let attempt = 0; attempt < CODE_TRIES_PER_ADDRESS; attempt++) expect((await post(server, { code: wrongCode(), name: 'Eve' }, { localAddress: '127.0.0.1' })).status).toBe(403)
    expect((await post(server, { code: hub.joining!.code, name: 'Eve' }, { localAddress: '127.0.0.1' })).status).toBe(429)
    expect((await post(server, { code: hub.joining!.code, name: 'Ana' }, { localAddress: '127.0.0.2' })).status).toBe(200)
  })

  it('stops taking codes from anyone after 30 wrong ones in a minute from many addresses', async () => {
    let now = Date.UTC(2026, 2, 1, 10)
    const server = await open({ now: () => now })
    expect(servers).toHaveLength(1)
    const from = (index: number) => ({ headers: { 'x-test-peer': `10.0.${Math.floor(index / 4)}.${index % 4}` } })
    // Up to four wrong codes from each of many addresses, none of them limited on its own.
    for (let attempt = 0; attempt < CODE_TRIES_IN_ALL; attempt++) {
      const answer = await post(server, { code: wrongCode(), name: 'Eve' }, from(attempt))
      expect(answer.status, `attempt ${attempt + 1}`).toBe(403)
      now += 100
    }
    const fresh = { headers: { 'x-test-peer': '10.9.9.9' } }
    const refused = await post(server, { code: hub.joining!.code, name: 'Ana' }, fresh)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60)
    // The link is not limited.
    expect((await post(server, { secret: hub.joining!.secret, name: 'Ben' }, fresh)).status).toBe(200)
    now += 60_000
    expect((await post(server, { code: hub.joining!.code, name: 'Ana' }, fresh)).status).toBe(200)
  })

  it('refuses what is not a join request with a 4xx, and keeps working', async () => {
    const server = await open()
    const secret = hub.joining!.secret
    const cases: { label: string; method?: string; body: string | Buffer; headers?: Record<string, string> }[] = [
      { label: 'malformed JSON', body: '{"secret": ' },
      { label: 'not an object', body: '"hello"' },
      { label: 'both secret and code', body: JSON.stringify({ secret, code: '123456', name: 'Eve' }) },
      { label: 'an extra field', body: JSON.stringify({ secret, name: 'Eve', admin: true }) },
      { label: 'no name', body: JSON.stringify({ secret }) },
      { label: 'a number for a name', body: JSON.stringify({ secret, name: 7 }) },
      { label: 'a form', body: `secret=${secret}&name=Eve`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { label: 'text', body: JSON.stringify({ secret, name: 'Eve' }), headers: { 'content-type': 'text/plain' } },
      { label: 'no content type', body: JSON.stringify({ secret, name: 'Eve' }), headers: { 'content-type': '' } },
    ]
    for (const item of cases) {
      const answer = await send(server, { method: item.method ?? 'POST', path: '/join', body: item.body, headers: { 'content-type': 'application/json', ...item.headers } })
      expect(answer.status, item.label).toBeGreaterThanOrEqual(400)
      expect(answer.status, item.label).toBeLessThan(500)
    }
    expect((await send(server, { path: '/join' })).status).toBe(405)
    expect(hub.view()!.participants).toEqual([])
    expect((await post(server, { secret, name: 'Ana' })).status).toBe(200)
  })

  it('refuses a body over 4 KB with a 4xx answer, and keeps working', async () => {
    const server = await open()
    const body = JSON.stringify({ secret: hub.joining!.secret, name: 'x'.repeat(5000) })
    const answer = await send(server, { method: 'POST', path: '/join', body, headers: { 'content-type': 'application/json' } }).catch((error: Error) => ({ status: 0, headers: {}, text: error.message }))
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(400)
    expect(answer.status, answer.text).toBeLessThan(500)
    expect(hub.view()!.participants).toEqual([])
    expect((await post(server, { secret: hub.joining!.secret, name: 'Ana' })).status).toBe(200)
  })

  it('does not let an oversized body bring the server down, whatever the client sees', async () => {
    const server = await open()
    for (let attempt = 0; attempt < 3; attempt++) {
      await send(server, { method: 'POST', path: '/join', body: Buffer.alloc(64 * 1024, 'a'), headers: { 'content-type': 'application/json' } }).catch(() => null)
    }
    expect(hub.view()!.participants).toEqual([])
    expect((await post(server, { secret: hub.joining!.secret, name: 'Ana' })).status).toBe(200)
    expect((await send(server, { path: '/' })).status).toBe(200)
  })

  it('refuses a name the session will not take (409), and keeps working', async () => {
    const server = await open()
    const secret = hub.joining!.secret
    // With the reason's code, so a phone says it in its own language.
    for (const [name, refusal] of [['x'.repeat(41), { code: 'name-too-long', values: { max: 40 } }], ['   ', { code: 'name-empty' }], ['', { code: 'name-empty' }]] as const) {
      const answer = await post(server, { secret, name })
      expect(answer.status, JSON.stringify(name)).toBe(409)
      expect(json(answer)).toEqual({ error: 'refused', message: expect.any(String), refusal })
    }
    expect((await post(server, { secret, name: 'x'.repeat(40) })).status).toBe(200)
    expect(hub.view()!.participants).toHaveLength(1)
  })

  it('refuses joining once the session has ended (409)', async () => {
    const server = await open()
    const secret = hub.joining!.secret
    hub.end()
    expect((await post(server, { secret, name: 'Ana' })).status).toBe(409)
  })
})

describe('the session’s WebSocket', () => {
  it('sends a phone that says hello with its token its view, with its name', async () => {
    const server = await open()
    const token = await tokenFor(server, 'Ana')
    const ana = await phone(server, { headers: { origin: `http://127.0.0.1:${server.port}` } })
    ana.say({ type: 'hello', token })
    expect(await ana.next()).toMatchObject({ type: 'view', view: { name: 'Ana', ended: false, activity: null } })
    expect(connectedOf('Ana')).toBe(true)
  })

  it('closes with 4003 a hello with a token that is not this session’s', async () => {
    const server = await open()
    await tokenFor(server, 'Ana')
    const eve = await phone(server)
    eve.say({ type: 'hello', token: 'made-up' })
    expect((await eve.closed()).code).toBe(4003)
  })

  it('closes with 4003 a phone that acts before saying hello', async () => {
    const server = await open()
    hub.trainer({ type: 'poll', spec: { kind: 'choice', prompt: 'Tea?', options: [{ id: 'y', text: 'Yes' }, { id: 'n', text: 'No' }], multiple: false } })
    const eve = await phone(server)
    eve.say({ type: 'choose', activityId: hub.view()!.activity!.id, optionIds: ['y'] })
    expect((await eve.closed()).code).toBe(4003)
    expect(hub.view()!.activity!.liveResults.answers).toBe(0)
  })

  it('closes with 4003 a second hello on the same socket', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ben') })
    expect((await ana.closed()).code).toBe(4003)
  })

  it('takes a phone’s answer to the question on the screen, and the presenter sees it counted', async () => {
    const server = await open()
    hub.trainer({ type: 'poll', spec: { kind: 'choice', prompt: 'Tea or coffee?', options: [{ id: 'tea', text: 'Tea' }, { id: 'coffee', text: 'Coffee' }], multiple: false } })
    const activityId = hub.view()!.activity!.id
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    expect(await ana.nextOf('view')).toMatchObject({ view: { activity: { id: activityId, prompt: 'Tea or coffee?', mine: null } } })
    ana.say({ type: 'choose', activityId, optionIds: ['coffee'] })
    expect(await ana.nextOf('ok')).toEqual({ type: 'ok' })
    expect(await ana.nextOf('view')).toMatchObject({ view: { activity: { id: activityId, mine: ['coffee'] } } })
    expect(hub.view()!.activity!.liveResults).toEqual({ counts: { tea: 0, coffee: 1 }, answers: 1 })
    expect(hub.view()!.activity!.named).toEqual([{ name: 'Ana', chosen: ['coffee'] }])
  })

  it('refuses an action the session does not allow', async () => {
    const server = await open()
    hub.trainer({ type: 'poll', spec: { kind: 'choice', prompt: 'Tea or coffee?', options: [{ id: 'tea', text: 'Tea' }, { id: 'coffee', text: 'Coffee' }], multiple: false } })
    const activityId = hub.view()!.activity!.id
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    // Each with the code a phone says it by, in its own language.
    for (const [action, code] of [
      [{ type: 'choose', activityId, optionIds: ['beer'] }, 'not-an-option'],
      [{ type: 'choose', activityId, optionIds: ['tea', 'coffee'] }, 'choose-one'],
      [{ type: 'choose', activityId: 'a999', optionIds: ['tea'] }, 'no-longer-asked'],
      [{ type: 'write', activityId, text: 'tea' }, 'no-written-answers'],
      [{ type: 'vote', questionId: 'q1' }, 'no-such-question'],
      [{ type: 'ask', text: '   ' }, 'question-empty'],
    ] as const) {
      ana.say(action)
      expect(await ana.nextOf('error'), JSON.stringify(action)).toMatchObject({ type: 'error', error: 'refused', message: expect.any(String), refusal: { code } })
    }
    expect(hub.view()!.activity!.liveResults.answers).toBe(0)
    // Still connected, and still heard.
    ana.say({ type: 'ask', text: 'Is there cake?' })
    expect(await ana.nextOf('ok')).toEqual({ type: 'ok' })
    expect(hub.view()!.questions).toMatchObject([{ text: 'Is there cake?', status: 'pending', by: 'Ana' }])
  })

  it('answers a message it cannot read with bad-message, and keeps the connection', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    const bad: (string | Buffer)[] = [
      'not json',
      '{"type": ',
      JSON.stringify({ type: 'shout', text: 'hi' }),
      JSON.stringify({ type: 'ping', extra: 1 }),
      JSON.stringify({ type: 'choose', activityId: 'a1' }),
      JSON.stringify(null),
      JSON.stringify([1, 2]),
      JSON.stringify({ type: 'ask', text: 'x'.repeat(2001) }),
    ]
    for (const message of bad) {
      ana.say(message)
      expect(await ana.nextOf('error'), String(message)).toEqual({ type: 'error', error: 'bad-message' })
    }
    ana.ws.send(Buffer.from(JSON.stringify({ type: 'ping' })), { binary: true })
    expect(await ana.nextOf('error')).toEqual({ type: 'error', error: 'bad-message' })
    ana.say({ type: 'ping' })
    expect(await ana.nextOf('pong')).toEqual({ type: 'pong' })
    expect(ana.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('answers ping with pong, before hello too', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'ping' })
    expect(await ana.next()).toEqual({ type: 'pong' })
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    ana.say({ type: 'ping' })
    expect(await ana.nextOf('pong')).toEqual({ type: 'pong' })
  })

  it('answers too-fast to more than 40 messages in 10 seconds, without acting on them', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    // The hello was the first message; 39 more pings are answered, the rest are not.
    for (let index = 0; index < 39; index++) ana.say({ type: 'ping' })
    for (let index = 0; index < 39; index++) expect(await ana.nextOf('pong')).toEqual({ type: 'pong' })
    ana.say({ type: 'ping' })
    expect(await ana.next()).toEqual({ type: 'error', error: 'too-fast' })
    ana.say({ type: 'ask', text: 'Let me in' })
    expect(await ana.next()).toEqual({ type: 'error', error: 'too-fast' })
    await wait(50)
    expect(hub.view()!.questions).toEqual([])
  })

  it('closes a phone that would send more than 4 KB at once', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    ana.say({ type: 'ask', text: 'x'.repeat(5000) })
    expect((await ana.closed()).code).toBe(1009)
    await until(() => connectedOf('Ana') === false)
    expect(hub.view()!.questions).toEqual([])
  })

  it('shows a phone as gone when it closes its socket', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    expect(connectedOf('Ana')).toBe(true)
    ana.ws.close()
    await until(() => connectedOf('Ana') === false)
  })

  it('terminates a phone that stops answering pings, and shows it as gone', async () => {
    const server = await open({ heartbeatMs: 50 })
    const token = await tokenFor(server, 'Ana')
    const ana = await phone(server, { autoPong: false })
    let pings = 0
    ana.ws.on('ping', () => pings++)
    ana.say({ type: 'hello', token })
    await ana.nextOf('view')
    expect(connectedOf('Ana')).toBe(true)
    const { code } = await ana.closed()
    // Terminated, not closed with a handshake.
    expect(code).toBe(1006)
    expect(pings).toBeGreaterThanOrEqual(1)
    await until(() => connectedOf('Ana') === false)
  })

  it('keeps a phone that answers pings connected across many heartbeats', async () => {
    // Long enough that a busy machine's pause between a ping and its answer is not taken for a phone gone.
    const server = await open({ heartbeatMs: 250 })
    const ana = await phone(server)
    let pings = 0
    ana.ws.on('ping', () => pings++)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    await until(() => pings >= 4)
    expect(ana.ws.readyState).toBe(WebSocket.OPEN)
    expect(connectedOf('Ana')).toBe(true)
    ana.say({ type: 'ping' })
    expect(await ana.nextOf('pong')).toEqual({ type: 'pong' })
  })
})

describe('closing', () => {
  it('closes the phones’ sockets and stops listening', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    const idle = await phone(server)
    await server.close()
    room = null
    expect((await ana.closed()).code).toBe(1001)
    expect((await idle.closed()).code).toBe(1001)
    await expect(send(server, { path: '/' })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await expect(phone(server)).rejects.toThrow(/ECONNREFUSED/)
    await expect(fetch(server.url)).rejects.toThrow()
  })

  it('closes promptly even when a phone never answers the close', async () => {
    const server = await open()
    // A raw client that completes the handshake and then reads nothing and says nothing.
    const socket = connect({ host: server.host, port: server.port })
    const upgraded = new Promise<void>((resolve, reject) => {
      socket.once('data', (data) => (String(data).startsWith('HTTP/1.1 101') ? resolve() : reject(new Error(String(data)))))
      socket.once('error', reject)
    })
    socket.write(
      [`GET /live HTTP/1.1`, `Host: ${server.host}:${server.port}`, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', ''].join('\r\n'),
    )
    let closing: Promise<void> | null = null
    try {
      await upgraded
      closing = server.close()
      room = null
      // The trainer's "end" waits for this: it must not wait for the ws library's 30 s close timeout.
      const outcome = await Promise.race([closing.then(() => 'closed'), wait(3_000).then(() => 'still closing')])
      expect(outcome).toBe('closed')
    } finally {
      socket.destroy()
      await closing
    }
  })

  it('sends connected phones the ended view when the session ends, then closes them', async () => {
    const server = await open()
    const ana = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    await ana.nextOf('view')
    hub.end()
    expect(await ana.nextOf('view')).toMatchObject({ type: 'view', view: { ended: true, name: 'Ana' } })
    expect((await ana.closed()).code).toBe(1000)
    // Its token no longer opens anything.
    const again = await phone(server)
    again.say({ type: 'hello', token: 'whatever' })
    expect((await again.closed()).code).toBe(4003)
  })

  it('sends the ended view before closing when the session ends and the server closes at once (as workshop.end does)', async () => {
    const server = await open()
    const ana = await phone(server)
    const ben = await phone(server)
    ana.say({ type: 'hello', token: await tokenFor(server, 'Ana') })
    ben.say({ type: 'hello', token: await tokenFor(server, 'Ben') })
    await ana.nextOf('view')
    await ben.nextOf('view')
    const seen: Record<string, unknown>[] = []
    ana.ws.on('message', (data) => seen.push(JSON.parse(String(data)) as Record<string, unknown>))
    hub.end()
    await new Promise((resolve) => setImmediate(resolve))
    await server.close()
    room = null
    await ana.closed()
    await ben.closed()
    expect(seen.filter((message) => message.type === 'view').at(-1)).toMatchObject({ view: { ended: true } })
  })
})

describe('joining as a learner of this device', () => {
  const profiles = () => [{ id: 'p-1', name: 'Cllr Alys Morgan' }]

  it('offers the learners to a browser on this machine, and lets it join as one of them', async () => {
    const server = await open({ profiles })
    const listed = await send(server, { path: '/profiles' })
    expect(listed.status).toBe(200)
    expect(JSON.parse(listed.text)).toEqual({ profiles: [{ id: 'p-1', name: 'Cllr Alys Morgan' }] })
    const joined = await post(server, { secret: hub.joining!.secret, profileId: 'p-1' })
    expect(joined.status).toBe(200)
    expect(hub.view()!.participants).toEqual([expect.objectContaining({ learner: true })])
    expect(hub.session!.participants[hub.view()!.participants[0]!.id]?.name).toBe('Cllr Alys Morgan')
    expect((await post(server, { secret: hub.joining!.secret, profileId: 'no-such-learner' })).status).toBe(400)
  })

  it('never shows a phone the learners, nor lets it join as one', async () => {
    const server = await open({ profiles })
    expect((await send(server, { path: '/' })).status).toBe(200)
    // The laptop's own requests are not another device reaching it.
    expect(hub.reached).toBe(0)
    const phone = { headers: { 'x-test-peer': '192.168.1.37' } }
    expect((await send(server, { path: '/profiles', ...phone })).status).toBe(404)
    expect((await post(server, { secret: hub.joining!.secret, profileId: 'p-1' }, phone)).status).toBe(400)
    expect(hub.view()!.participants).toEqual([])
    // The phone reached the laptop, which the trainer's screen can say as a fact.
    expect(hub.reached).toBe(1)
    await send(server, { path: '/', headers: { 'x-test-peer': '192.168.1.38' } })
    expect(hub.reached).toBe(2)
  })
})
