import { ref, shallowRef } from 'vue'
import type { ParticipantAction, ParticipantView } from '../core/workshop/session'

/** Why joining failed, as the page words it. */
export type JoinProblem = { kind: 'wrong-code' | 'wrong-link' | 'bad-request' | 'no-server' } | { kind: 'too-many'; seconds: number } | { kind: 'refused'; message: string; refusal?: unknown }

/** Why an action did not go through: sent too fast, the connection closed, or the session refused it (with the host's refusal code where it sent one). */
export type ActionError = { kind: 'too-fast' } | { kind: 'closed' } | { kind: 'refused'; message: string; refusal?: unknown }

const TOKEN_KEY = 'civic-learn-room-token'
/** Waits between reconnecting attempts: quick at first, then every few seconds. */
const BACKOFF_MS = [250, 500, 1000, 2000, 4000]
/** The phone asks the room server this often whether the connection still works, and gives up on it after PONG_WAIT_MS without an answer. */
const PING_EVERY_MS = 20_000
const PONG_WAIT_MS = 10_000

/**
 * The phone's side of a workshop session: joining (`POST /join`), then one WebSocket that says
 * hello with the phone's token and receives its view after every change. A dropped connection is
 * made again on its own, and the first view after it brings the phone up to date. The token is
 * kept for this tab only (sessionStorage), so a reload rejoins as the same participant.
 */
export function useRoomConnection(storage: Storage = sessionStorage) {
  const view = shallowRef<ParticipantView | null>(null)
  const state = ref<'joining' | 'connecting' | 'connected' | 'reconnecting' | 'left'>(storage.getItem(TOKEN_KEY) ? 'connecting' : 'joining')
  const problem = ref<string | null>(null)
  let socket: WebSocket | null = null
  let attempts = 0
  let pending: ((error: ActionError | null) => void)[] = []

  function connect(): void {
    const token = storage.getItem(TOKEN_KEY)
    if (!token) {
      state.value = 'joining'
      return
    }
    const url = new URL('/live', location.href)
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
    const ws = new WebSocket(url)
    socket = ws
    let check: ReturnType<typeof setTimeout> | undefined
    let giveUp: ReturnType<typeof setTimeout> | undefined
    const ping = () => {
      check = setTimeout(() => {
        if (ws.readyState !== WebSocket.OPEN) return
        ws.send(JSON.stringify({ type: 'ping' }))
        giveUp = setTimeout(() => ws.close(), PONG_WAIT_MS)
      }, PING_EVERY_MS)
    }
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', token }))
      ping()
    }
    ws.onmessage = (event: MessageEvent<unknown>) => {
      let body: { type?: string; view?: ParticipantView; error?: string; message?: string; refusal?: unknown }
      try {
        body = JSON.parse(String(event.data)) as typeof body
      } catch {
        return
      }
      if (body.type === 'pong') {
        clearTimeout(giveUp)
        ping()
      } else if (body.type === 'view' && body.view) {
        attempts = 0
        view.value = body.view
        state.value = body.view.ended ? 'left' : 'connected'
      } else if (body.type === 'ok' || body.type === 'error') {
        const error: ActionError | null = body.type === 'ok' ? null : body.error === 'too-fast' ? { kind: 'too-fast' } : { kind: 'refused', message: body.message ?? body.error ?? '', refusal: body.refusal }
        pending.shift()?.(error)
      }
    }
    ws.onclose = (event) => {
      clearTimeout(check)
      clearTimeout(giveUp)
      if (socket !== ws) return
      socket = null
      for (const done of pending) done({ kind: 'closed' })
      pending = []
      // 4003: the token is not in this session (it ended, or the laptop restarted): join again.
      if (event.code === 4003) {
        storage.removeItem(TOKEN_KEY)
        problem.value = 'not-in-session'
        state.value = 'joining'
        return
      }
      if (view.value?.ended) {
        state.value = 'left'
        return
      }
      state.value = 'reconnecting'
      const wait = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)] ?? 4000
      attempts++
      setTimeout(connect, wait)
    }
  }

  /** Joins with a display name, or (on the laptop itself) as one of its learners. */
  async function join(credential: { secret: string } | { code: string }, who: { name: string } | { profileId: string }): Promise<JoinProblem | null> {
    let response: Response
    try {
      response = await fetch('/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...credential, ...who }) })
    } catch {
      return { kind: 'no-server' }
    }
    const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string; retryAfter?: number; message?: string; refusal?: unknown }
    if (response.ok && body.token) {
      storage.setItem(TOKEN_KEY, body.token)
      problem.value = null
      state.value = 'connecting'
      connect()
      return null
    }
    if (body.error === 'too-many') return { kind: 'too-many', seconds: body.retryAfter ?? 60 }
    if (body.error === 'wrong-code' || body.error === 'wrong-link' || body.error === 'bad-request') return { kind: body.error }
    return { kind: 'refused', message: body.message ?? '', refusal: body.refusal }
  }

  /** Sends an answer, a question or a vote; resolves with null when taken, or what went wrong. */
  function act(action: ParticipantAction): Promise<ActionError | null> {
    if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.resolve({ kind: 'closed' })
    const ws = socket
    return new Promise((resolve) => {
      pending.push(resolve)
      ws.send(JSON.stringify(action))
    })
  }

  if (state.value === 'connecting') connect()
  return { view, state, problem, join, act }
}
