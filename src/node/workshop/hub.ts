import { randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { CourseBundle } from '../../core/course/bundle'
import { courseMarkdownText } from '../../core/course/markdown-html'
import {
  applyParticipant,
  applyTrainer,
  createSession,
  endSession,
  join,
  participantView,
  presenterView,
  refused,
  SessionError,
  setConnected,
  type ActivitySpec,
  type ParticipantAction,
  type ParticipantView,
  type PresenterView,
  type Session,
  type TrainerAction,
} from '../../core/workshop/session'
import { questionSpec, roomChoice, roomItems, sharedPage, stepSpec } from '../../core/workshop/specs'

/** What the trainer does, as the API names it: the session's own actions, and putting course content to the room. */
export type HubAction =
  | Exclude<TrainerAction, { type: 'put' | 'page' }>
  | { type: 'poll'; spec: Pick<ActivitySpec, 'kind' | 'prompt' | 'options' | 'multiple'> }
  | { type: 'question'; quizId: string; questionId: string }
  | { type: 'step'; scenarioId: string; stepId: string }
  /** Put the step the room's choice leads to. */
  | { type: 'follow' }
  /** The page the projector shows (null: black), for phones to follow. */
  | { type: 'page'; pageId: string | null }

/** How phones join: the link with the secret (the QR code), or the address and the short code typed in. */
export type Credential = { secret: string } | { code: string }

interface Live {
  session: Session
  course: CourseBundle
  language: string
  secret: string
  code: string
  /** Participant tokens (held by each phone for reconnecting) → participant ids. */
  tokens: Map<string, string>
}

type Subscriber = (view: ParticipantView) => void

const toText = (markdown: string) => courseMarkdownText(markdown)

/**
 * The one live session of this app, between the trainer (through the API) and the phones
 * (through the room server). Changes are pushed: the presenter's long poll (`watch`) answers, and
 * every connected phone gets its own view, once per burst of changes.
 */
export class WorkshopHub {
  private live: Live | null = null
  private readonly waiting = new Set<() => void>()
  private readonly subscribers = new Map<string, Set<Subscriber>>()
  private flushScheduled = false
  /** Addresses of other devices that have reached the room server this session. */
  private readonly visitors = new Set<string>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  get active(): boolean {
    return this.live !== null && !this.live.session.ended
  }

  start(input: { course: CourseBundle; moduleId: string; language: string; anonymous: boolean }): PresenterView {
    if (this.active) throw new SessionError('A session is already running: end it first.')
    // Refuses a module the course does not have, before anything starts.
    roomItems(input.course, { language: input.language, moduleId: input.moduleId }, toText)
    this.subscribers.clear()
    this.visitors.clear()
    this.live = {
      session: createSession({ id: randomUUID(), courseId: input.course.id, moduleId: input.moduleId, anonymous: input.anonymous, at: this.now().toISOString() }),
      course: input.course,
      language: input.language,
      secret: randomBytes(18).toString('base64url'),
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      tokens: new Map(),
    }
    this.changed()
    return presenterView(this.live.session)
  }

  /** The join secret and code of the running session, for the presenter's screen. */
  get joining(): { secret: string; code: string } | null {
    return this.active && this.live ? { secret: this.live.secret, code: this.live.code } : null
  }

  view(): PresenterView | null {
    return this.live ? presenterView(this.live.session) : null
  }

  /** What the module offers to put to the room. */
  items(): ReturnType<typeof roomItems> {
    const live = this.require()
    return roomItems(live.course, { language: live.language, moduleId: live.session.moduleId }, toText)
  }

  /** Answers as soon as the session's revision differs from `since`, or after `waitMs` with the same view. */
  async watch(since: number | null, waitMs: number): Promise<PresenterView | null> {
    const current = this.live?.session.revision ?? null
    if (since === null || current !== since) return this.view()
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, waitMs)
      const waiting = this.waiting
      function done() {
        clearTimeout(timer)
        waiting.delete(done)
        resolve()
      }
      waiting.add(done)
    })
    return this.view()
  }

  trainer(action: HubAction): PresenterView {
    const live = this.require()
    const where = { language: live.language, moduleId: live.session.moduleId }
    const at = this.now().toISOString()
    const put = (spec: ActivitySpec) => applyTrainer(live.session, { type: 'put', spec }, at)
    const before = live.session
    switch (action.type) {
      case 'poll':
        live.session = put({ ...action.spec, options: action.spec.kind === 'choice' ? action.spec.options : [], multiple: action.spec.kind === 'choice' && action.spec.multiple, correct: [], explanation: '', feedback: {}, source: { type: 'poll' } })
        break
      case 'question':
        live.session = put(questionSpec(live.course, where, action.quizId, action.questionId, toText))
        break
      case 'step':
        live.session = put(stepSpec(live.course, where, action.scenarioId, action.stepId, toText))
        break
      case 'page':
        live.session = applyTrainer(live.session, { type: 'page', page: action.pageId === null ? null : sharedPage(live.course, where, action.pageId, toText) }, at)
        break
      case 'follow': {
        const activity = live.session.activities.find((item) => item.id === live.session.current)
        if (!activity) throw refused('nothing-asked')
        const { next } = roomChoice(live.course, where, activity)
        if (next === null) throw new SessionError('The room’s choice ends the scenario.')
        live.session = put(stepSpec(live.course, where, (activity.source as { scenarioId: string }).scenarioId, next, toText))
        break
      }
      default:
        live.session = applyTrainer(live.session, action, at)
    }
    if (live.session !== before) this.changed()
    return presenterView(live.session)
  }

  /** A phone joins (or a learner of this device, `learnerId`): a token it keeps to come back with, or a refusal naming what was wrong. */
  join(credential: Credential, name: string, learnerId: string | null = null): { token: string } {
    const live = this.live
    if (!live || live.session.ended) throw refused('no-session')
    const expected = 'secret' in credential ? live.secret : live.code
    const given = 'secret' in credential ? credential.secret : credential.code
    if (!sameText(expected, given)) throw new WrongCredential('secret' in credential ? 'That join link is not for this session.' : 'That code is not this session’s.')
    const participantId = randomUUID()
    live.session = join(live.session, participantId, name, this.now().toISOString(), learnerId)
    const token = randomBytes(18).toString('base64url')
    live.tokens.set(token, participantId)
    this.changed()
    return { token }
  }

  /** The participant a token names, or null (a token from an ended or earlier session). */
  participant(token: string): string | null {
    return (this.active && this.live?.tokens.get(token)) || null
  }

  /**
   * A learner of this device puts a question to the room from the app (a comment they chose to
   * share): the first time, they join as a participant of their own, under their name.
   */
  askAsLearner(learnerId: string, name: string, text: string): void {
    const live = this.require()
    const known = Object.entries(live.session.participants).find(([, participant]) => participant.learnerId === learnerId)?.[0]
    const participantId = known ?? randomUUID()
    if (!known) live.session = join(live.session, participantId, name, this.now().toISOString(), learnerId)
    live.session = applyParticipant(live.session, participantId, { type: 'ask', text })
    this.changed()
  }

  participantAction(participantId: string, action: ParticipantAction): void {
    const live = this.require()
    const before = live.session
    live.session = applyParticipant(live.session, participantId, action)
    if (live.session !== before) this.changed()
  }

  /** A phone's connection: it gets its view now and after every change, until it unsubscribes. */
  subscribe(participantId: string, send: Subscriber): () => void {
    const live = this.require()
    const set = this.subscribers.get(participantId) ?? new Set()
    set.add(send)
    this.subscribers.set(participantId, set)
    live.session = setConnected(live.session, participantId, true)
    // Its first view goes with the round of views this change brings (or one already due).
    this.changed()
    return () => {
      set.delete(send)
      if (set.size > 0 || !this.live || this.live !== live) return
      this.subscribers.delete(participantId)
      live.session = setConnected(live.session, participantId, false)
      this.changed()
    }
  }

  /** Ends the session: phones are told, and the session is returned for its record. */
  end(): Session | null {
    const live = this.live
    if (!live) return null
    live.session = endSession(live.session)
    live.tokens.clear()
    this.changed()
    return live.session
  }

  /**
   * Another device reached the room server (any request at all): what tells the trainer, as a
   * fact rather than a guess, whether phones can reach this computer on the network.
   */
  visited(address: string): void {
    if (this.visitors.has(address)) return
    this.visitors.add(address)
    this.wake()
  }

  /** How many other devices have reached the room server this session. */
  get reached(): number {
    return this.visitors.size
  }

  /** The last session, running or ended, for its record. */
  get session(): Session | null {
    return this.live?.session ?? null
  }

  /** The course and language of the last session, running or ended, for its record. */
  get content(): { course: CourseBundle; language: string } | null {
    return this.live ? { course: this.live.course, language: this.live.language } : null
  }

  private require(): Live {
    if (!this.live || this.live.session.ended) throw new SessionError('There is no session running.')
    return this.live
  }

  /** The presenter is answered at once; phones once per burst of changes (sixty answers arriving together make one round of views). */
  /** Answers every waiting long poll now. */
  private wake(): void {
    for (const done of [...this.waiting]) done()
  }

  private changed(): void {
    this.wake()
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => {
      this.flushScheduled = false
      const session = this.live?.session
      if (!session) return
      for (const [participantId, set] of this.subscribers) {
        const view = participantView(session, participantId)
        for (const send of set) send(view)
      }
    })
  }
}

/** A wrong join link or code: counted by the room server's rate limit. */
export class WrongCredential extends SessionError {}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
