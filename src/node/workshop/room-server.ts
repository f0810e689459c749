import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'
import { ROOM_HEADERS } from '../../core/csp'
import { LIMITS, SessionError, type Refusal } from '../../core/workshop/session'
import { readBody } from '../request-body'
import { confinedFile, fileResponse, safeSegments } from '../static-files'
import { type WorkshopHub, WrongCredential } from './hub'

/** Wrong join codes one address may send in a minute before it must wait, and all addresses together. */
export const CODE_TRIES_PER_ADDRESS = 5
export const CODE_TRIES_IN_ALL = 30
const WINDOW_MS = 60_000
/** What a phone may send: small JSON, a few messages a second at most. */
const MAX_BODY = 4096
const MESSAGES_PER_10S = 40
/** How often each phone's connection is checked: one that has not answered the last check is closed, so the trainer sees who is really there. */
export const HEARTBEAT_MS = 15_000
/** How long closing waits for phones to answer before cutting them off. */
const CLOSE_GRACE_MS = 1000
/** Open connections at most: two per place in a full session (a phone's old connection may linger as its new one opens). */
const MAX_SOCKETS = 2 * LIMITS.participants

/** The link's secret or the typed code, and a display name or (on the laptop) a learner profile. */
const JoinSchema = z.union([
  z.object({ secret: z.string().max(100), name: z.string().max(200) }).strict(),
  z.object({ secret: z.string().max(100), profileId: z.string().max(100) }).strict(),
  z.object({ code: z.string().max(20), name: z.string().max(200) }).strict(),
  z.object({ code: z.string().max(20), profileId: z.string().max(100) }).strict(),
])
const MessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().max(100) }).strict(),
  z.object({ type: z.literal('ping') }).strict(),
  z.object({ type: z.literal('choose'), activityId: z.string().max(20), optionIds: z.array(z.string().max(64)).max(10) }).strict(),
  z.object({ type: z.literal('write'), activityId: z.string().max(20), text: z.string().max(2000) }).strict(),
  z.object({ type: z.literal('ask'), text: z.string().max(2000) }).strict(),
  z.object({ type: z.literal('vote'), questionId: z.string().max(20) }).strict(),
])

export interface RoomServer {
  /** The address phones open, without the secret. */
  url: string
  host: string
  port: number
  close(): Promise<void>
}

/** Counts wrong codes per address and in all over a sliding minute. */
class CodeLimiter {
  private readonly tries = new Map<string, number[]>()
  private all: number[] = []
  constructor(private readonly now: () => number) {}

  /** Seconds to wait before another code is taken from this address, or 0. */
  wait(address: string): number {
    const now = this.now()
    this.all = this.all.filter((at) => at > now - WINDOW_MS)
    const mine = (this.tries.get(address) ?? []).filter((at) => at > now - WINDOW_MS)
    this.tries.set(address, mine)
    // The try whose leaving the window lets the next one in.
    const freeing = mine.length >= CODE_TRIES_PER_ADDRESS ? mine.at(-CODE_TRIES_PER_ADDRESS) : this.all.length >= CODE_TRIES_IN_ALL ? this.all.at(-CODE_TRIES_IN_ALL) : undefined
    return freeing === undefined ? 0 : Math.max(1, Math.ceil((freeing + WINDOW_MS - now) / 1000))
  }

  wrong(address: string): void {
    const at = this.now()
    this.all.push(at)
    this.tries.set(address, [...(this.tries.get(address) ?? []), at])
  }
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...ROOM_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...extra })
  res.end(text)
}

/** What a phone is told of a refusal: the host's words, and the code it says them by in its own language. */
function refusalBody(error: SessionError): { error: 'refused'; message: string; refusal?: Refusal } {
  return { error: 'refused', message: error.message, ...(error.refusal ? { refusal: error.refusal } : {}) }
}

/**
 * What phones in a workshop reach, on its own listener: the participant page, `POST /join`, and
 * the session's WebSocket (`/live`). Nothing else: no app API, no course files, no learner data,
 * whatever the path. Requests naming another Host are refused, as on the web host.
 */
export async function startRoomServer(options: {
  hub: WorkshopHub
  host: string
  port?: number
  participantDir: string
  /** The learners of this device, offered only to a browser on this machine (never to a phone). */
  profiles?: () => { id: string; name: string }[]
  now?: () => number
  heartbeatMs?: number
}): Promise<RoomServer> {
  const { hub } = options
  const limiter = new CodeLimiter(options.now ?? Date.now)
  let allowedHost = ''

  const server = createServer((req, res) => {
    if (!onThisMachine(req)) hub.visited(req.socket.remoteAddress ?? '')
    if ((req.headers.host ?? '').toLowerCase() !== allowedHost) return send(res, 421, { error: 'This server only answers requests addressed to its own address.' })
    handle(req, res).catch((error: unknown) => {
      console.error('Workshop request failed:', error)
      if (!res.headersSent) send(res, 500, { error: 'Civic Learn could not complete that request.' })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    if (pathname === '/join') return joinRequest(req, res)
    if (pathname === '/profiles' && onThisMachine(req)) return send(res, 200, { profiles: options.profiles?.() ?? [] })
    const segments = pathname === '/' ? ['index.html'] : safeSegments(pathname)
    const allowed = segments && (segments.join('/') === 'index.html' || (segments.length === 2 && segments[0] === 'assets'))
    const file = allowed ? await confinedFile(options.participantDir, segments) : null
    if (!file) return send(res, 404, { error: 'Not found.' })
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Not allowed.' }, { Allow: 'GET, HEAD' })
    const answer = await fileResponse(file, undefined, req.method === 'HEAD', typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : undefined)
    res.writeHead(answer.status, { ...ROOM_HEADERS, 'Cache-Control': 'no-cache', ...answer.headers })
    if (!answer.body) return void res.end()
    await pipeline(answer.body, res).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error
    })
  }

  async function joinRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { error: 'Not allowed.' }, { Allow: 'POST' })
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: 'Send JSON.' })
    const address = req.socket.remoteAddress ?? ''
    // Null when larger than a phone ever sends: the rest is read away, and the answer closes the connection.
    const body = await readBody(req, MAX_BODY)
    let parsed: z.infer<typeof JoinSchema> | null = null
    try {
      const result = body === null ? null : JoinSchema.safeParse(JSON.parse(body.toString('utf8')))
      parsed = result?.success ? result.data : null
    } catch {
      parsed = null
    }
    // A body cut short leaves the rest unread: the connection closes with the answer.
    if (!parsed) return send(res, 400, { error: 'bad-request' }, body === null ? { Connection: 'close' } : {})
    if ('code' in parsed) {
      const wait = limiter.wait(address)
      if (wait > 0) return send(res, 429, { error: 'too-many', retryAfter: wait }, { 'Retry-After': String(wait) })
    }
    let name = 'name' in parsed ? parsed.name : ''
    let learnerId: string | null = null
    if ('profileId' in parsed) {
      const profile = onThisMachine(req) ? options.profiles?.().find((item) => item.id === parsed.profileId) : undefined
      if (!profile) return send(res, 400, { error: 'bad-request' })
      name = profile.name
      learnerId = profile.id
    }
    try {
      send(res, 200, hub.join('code' in parsed ? { code: parsed.code.replace(/\s/g, '') } : { secret: parsed.secret }, name, learnerId))
    } catch (error) {
      if (error instanceof WrongCredential) {
        if ('code' in parsed) limiter.wrong(address)
        return send(res, 403, { error: 'code' in parsed ? 'wrong-code' : 'wrong-link' })
      }
      if (error instanceof SessionError) return send(res, 409, refusalBody(error))
      throw error
    }
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY })
  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '').split('?')[0]
    if ((req.headers.host ?? '').toLowerCase() !== allowedHost || pathname !== '/live' || !sameOrigin(req, allowedHost)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    if (sockets.clients.size >= MAX_SOCKETS) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => connection(ws))
  })

  // A phone that walked out of the Wi-Fi leaves its connection open but silent: browsers answer
  // pings by themselves, so one unanswered ping means it has gone.
  const alive = new WeakMap<WebSocket, boolean>()
  const heartbeat = setInterval(() => {
    for (const client of sockets.clients) {
      if (alive.get(client) === false) {
        client.terminate()
        continue
      }
      alive.set(client, false)
      client.ping()
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS)
  heartbeat.unref()

  function connection(ws: WebSocket): void {
    alive.set(ws, true)
    ws.on('pong', () => alive.set(ws, true))
    let unsubscribe: (() => void) | null = null
    let participantId: string | null = null
    let recent: number[] = []
    const reply = (body: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(body))
    }
    const hello = setTimeout(() => ws.close(4001, 'No hello'), 10_000)
    ws.on('message', (data, isBinary) => {
      const now = Date.now()
      recent = recent.filter((at) => at > now - 10_000)
      recent.push(now)
      if (recent.length > MESSAGES_PER_10S) return reply({ type: 'error', error: 'too-fast' })
      let message: z.infer<typeof MessageSchema>
      try {
        const result = isBinary ? null : MessageSchema.safeParse(JSON.parse(String(data)))
        if (!result?.success) return reply({ type: 'error', error: 'bad-message' })
        message = result.data
      } catch {
        return reply({ type: 'error', error: 'bad-message' })
      }
      alive.set(ws, true)
      // The phone checks its side the same way (a browser cannot see pings).
      if (message.type === 'ping') return reply({ type: 'pong' })
      if (message.type === 'hello') {
        clearTimeout(hello)
        const id = hub.participant(message.token)
        if (!id || participantId !== null) return ws.close(4003, 'Not in this session')
        participantId = id
        unsubscribe = hub.subscribe(id, (view) => {
          reply({ type: 'view', view })
          if (view.ended) ws.close(1000, 'Session ended')
        })
        return
      }
      if (participantId === null) return ws.close(4003, 'Say hello first')
      try {
        hub.participantAction(participantId, message)
        reply({ type: 'ok' })
      } catch (error) {
        if (error instanceof SessionError) return reply({ type: 'error', ...refusalBody(error) })
        console.error('Workshop message failed:', error)
        reply({ type: 'error', error: 'failed' })
      }
    })
    ws.on('close', () => {
      clearTimeout(hello)
      unsubscribe?.()
    })
    ws.on('error', () => ws.terminate())
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host
  allowedHost = `${urlHost}:${port}`.toLowerCase()
  return {
    url: `http://${urlHost}:${port}/`,
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat)
        for (const client of sockets.clients) client.close(1001, 'Session ended')
        // A phone that has left the Wi-Fi never answers the close: it is cut off after a moment.
        setTimeout(() => {
          for (const client of sockets.clients) client.terminate()
        }, CLOSE_GRACE_MS).unref()
        sockets.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The request comes from this machine itself (its own address, or loopback): the laptop, not a phone. */
function onThisMachine(req: IncomingMessage): boolean {
  const remote = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')
  return remote === (req.socket.localAddress ?? '').replace(/^::ffff:/, '') || remote.startsWith('127.') || remote === '::1'
}

/** Browsers name the page's origin on a WebSocket: only the participant page's own may connect. */
function sameOrigin(req: IncomingMessage, host: string): boolean {
  const origin = req.headers.origin
  return origin === undefined || origin.toLowerCase() === `http://${host}`
}
