import type { CourseBundle } from '../core/course/bundle'
import { moduleStatus } from '../core/progress/completion'
import { indexCourse } from '../core/progress/course-index'
import { applyEvents } from '../core/progress/reducer'
import type { CourseProgress, TrackingEvent } from '../core/progress/schema'
import { emptyProgress } from '../core/progress/empty-progress'
import { ownValue } from '../core/progress/id-record'
import { CMI, decidingAttempt, interactionWrites, keepRecord, lowersRecord, RECORD_ELEMENTS, trackingWrites, type CmiWrite } from '../core/scorm/data-model'
import { beaconCost } from '../core/scorm/moodle-model'
import { DEFAULT_INTERACTIONS, DEFAULT_REPORTING, JOURNAL_BUDGET_BYTES, journalsQuiz, type InteractionJournal, type ReportingMode } from '../core/scorm/reporting'
import { decodeSuspendData, encodeSuspendData, readSuspendData, SUSPEND_LIMIT_12, SUSPEND_LIMIT_2004 } from '../core/scorm/suspend-codec'
import type { CommentRefusal } from '../core/api/contract'
import { LmsComments } from './lms-comments'
import type { ScormSession } from './scorm-runtime'

/** Where progress is kept when there is no LMS; `null` when the browser refuses storage too. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>

export interface TrackerOptions {
  course: CourseBundle
  /** The LMS session, or null when the package runs without an LMS. */
  session: ScormSession | null
  /** Used only without an LMS. */
  storage: KeyValueStore | null
  /** How the result is reported (the export's choice); DEFAULT_REPORTING when left out. */
  reporting?: ReportingMode
  /** Which quizzes go to the interactions journal (the export's choice); DEFAULT_INTERACTIONS when left out. */
  interactions?: InteractionJournal
  now?: () => number
  log?: (message: string) => void
}

/** A commit at least this often while the learner is active, besides the checkpoints. */
const COMMIT_EVERY_EVENTS = 10
const COMMIT_EVERY_MS = 60_000

/** What an entry left by an earlier launch is taken to cost where the LMS cannot give it back (1.2's journal is write-only). */
const EARLIER_ENTRY_BYTES = 700

export const storageKey = (courseId: string) => `civic-learn-scorm:${courseId}`

/**
 * The learner's progress in a package: the same reducer as the app, with the result written to
 * the LMS (status, score, location, suspend data and a journal entry per question of each newly
 * submitted attempt) and committed at checkpoints: a quiz submitted, a module finished, every few
 * events or minute. Without an LMS it is kept in the browser's local storage.
 */
export class ProgressTracker {
  private readonly course: CourseBundle
  private readonly session: ScormSession | null
  private readonly storage: KeyValueStore | null
  private readonly now: () => number
  private readonly log: (message: string) => void
  private readonly reporting: ReportingMode
  private readonly journalChoice: InteractionJournal
  /** What the interactions journal the LMS holds adds to each request: an attempt that would take it past JOURNAL_BUDGET_BYTES is not journaled. */
  private journalBytes = 0
  /** The learner's attempts no longer fit the journal: said once. */
  private toldJournalFull = false
  /**
   * What the LMS holds: status, score and progress as read at launch, then every value written.
   * Nothing is written twice, and status, score and progress are never written lower.
   */
  private readonly held = new Map<string, string>()
  /** Record elements the LMS could not give at launch: asked again before each write, and left alone until it can. */
  private readonly unread = new Set<string>()
  /** The LMS could not give the saved progress, or gave it damaged: writing over it would lose it, so this session leaves it be. */
  private keepSuspendData = false
  private unreadable = false
  /** Progress changed since suspend data was last written: it is written at the next checkpoint, not at every event. */
  private suspendDataStale = false
  /** The learner was told once that their progress no longer fits; telling them at every event helps nobody. */
  private toldTooLong = false
  private state: CourseProgress
  /** Modules finished in `state`, kept so each event works completion out once, for the new state only. */
  private finished = 0
  private interactions = false
  /** The learner's comments in the LMS; none without one, where they last as long as the page. */
  private comments: LmsComments | null = null
  /** Why the last events' comment was not kept, until the player's API has said so. */
  private refusal: CommentRefusal | null = null
  private sinceCommit = 0
  private lastCommit: number

  constructor(options: TrackerOptions) {
    this.course = options.course
    this.session = options.session
    this.storage = options.storage
    this.now = options.now ?? (() => Date.now())
    this.log = options.log ?? (() => undefined)
    this.reporting = options.reporting ?? DEFAULT_REPORTING
    this.journalChoice = options.interactions ?? DEFAULT_INTERACTIONS
    this.lastCommit = this.now()
    this.state = emptyProgress(this.course.id, this.course.version)
  }

  get progress(): CourseProgress {
    return this.state
  }

  /**
   * The LMS holds saved progress that could not be read (damaged or cut short): this session
   * starts without it (at cmi.location's page, if any) and leaves it as it is, and the learner is to be told so.
   */
  get savedProgressUnreadable(): boolean {
    return this.unreadable
  }

  /** Reads what was saved and, on a first launch, tells the LMS the course is under way. */
  load(): CourseProgress {
    const session = this.session
    if (!session?.open) {
      this.state = this.fromStorage() ?? this.state
      return this.state
    }
    const cmi = CMI[session.version]
    const status = session.get(cmi.notAttempted.element)
    // A status that could not be read is not taken for a first launch: that would write "incomplete" over a pass.
    const firstLaunch = status !== null && (cmi.notAttempted.values as readonly string[]).includes(status)
    for (const element of RECORD_ELEMENTS[session.version]) this.readHeld(element)
    const saved = session.get(cmi.suspendData)
    if (saved === null) {
      this.keepSuspendData = true
      session.trouble()
    }
    const reading = readSuspendData(this.course, saved ?? '')
    if (reading.kind === 'unreadable') {
      // Not the progress as it was written, yet perhaps all the learner has: if the fault is the
      // LMS's reading, it may read well next time. Only an administrator should throw it away.
      this.keepSuspendData = true
      this.unreadable = true
      this.log(`The saved progress could not be read (${saved?.length ?? 0} characters); it is left as it is.`)
    }
    if (reading.kind === 'progress') this.state = reading.progress
    else {
      const pageId = session.get(cmi.location)
      if (pageId && this.course.content[this.course.language]?.modules.some((module) => module.pages.some((page) => page.id === pageId))) {
        this.state = { ...this.state, location: { pageId, scroll: 0 } }
      }
    }
    this.interactions = session.supports(cmi.interactionCount)
    if (this.interactions) this.journalBytes = this.earlierJournalBytes()
    this.comments = new LmsComments(session, this.course)
    this.state = { ...this.state, comments: this.comments.load() }
    this.finished = this.finishedModules(this.state)
    // Suspend from the start: a window closed before the learner finishes must still resume.
    session.set(cmi.exit, 'suspend')
    if (firstLaunch) this.write(trackingWrites(session.version, this.course, this.state, this.reporting))
    // Committed while the page is alive: what the LMS preloaded and sends with its first request
    // (Moodle's 1.2 journal) goes by a normal request, never by a beacon as the window closes.
    session.commit()
    return this.state
  }

  /** What the journal entries of earlier launches add to each request: read back in 2004, estimated in 1.2, where they are write-only. */
  private earlierJournalBytes(): number {
    const session = this.session
    if (!session) return 0
    const count = Number(session.get(CMI[session.version].interactionCount) ?? '0')
    if (!Number.isInteger(count) || count <= 0) return 0
    if (session.version === 'scorm12') return count * EARLIER_ENTRY_BYTES
    // Every field an entry may hold, ours or one an earlier package wrote; an LMS sends only those set.
    const fields = ['id', 'type', 'description', 'timestamp', 'correct_responses.0.pattern', 'weighting', 'learner_response', 'result']
    let bytes = 0
    for (let index = 0; index < count; index++) {
      const held = fields.map((field) => ({ element: `cmi.interactions.${index}.${field}`, value: session.get(`cmi.interactions.${index}.${field}`) ?? '' }))
      bytes += beaconCost(held.filter((write) => write.value !== ''))
    }
    return bytes
  }

  private fromStorage(): CourseProgress | null {
    try {
      return decodeSuspendData(this.course, this.storage?.getItem(storageKey(this.course.id)) ?? '')
    } catch {
      return null
    }
  }

  /** Reads what the LMS holds for a record element; false when it cannot say. */
  private readHeld(element: string): boolean {
    const value = this.session?.get(element) ?? null
    if (value === null) {
      this.unread.add(element)
      return false
    }
    this.unread.delete(element)
    if (value !== '') this.held.set(element, value)
    return true
  }

  /** Writes only what changed since it was last written, and nothing that lowers the learner's record. */
  private write(writes: readonly CmiWrite[]): void {
    const version = this.session?.version
    if (!version) return
    const refused = ({ element, value }: CmiWrite) => (this.unread.has(element) && !this.readHeld(element)) || lowersRecord(element, value, this.held.get(element))
    for (const { element, value } of keepRecord(version, writes, refused)) {
      if (this.held.get(element) === value) continue
      if (this.session?.set(element, value)) this.held.set(element, value)
    }
  }

  private journal(before: CourseProgress, after: CourseProgress): boolean {
    const session = this.session
    let submitted = false
    for (const [quizId, record] of Object.entries(after.quizzes)) {
      const previous = ownValue(before.quizzes, quizId)?.attempts.length ?? 0
      if (record.attempts.length <= previous) continue
      submitted = true
      if (!session || !this.interactions) continue
      const entry = indexCourse(this.course).quizzes.get(quizId)?.quiz
      if (!entry || !journalsQuiz(this.journalChoice, entry)) continue
      // The attempt that decides the quiz, once: a journal of every attempt outgrows what Moodle can send as a window closes.
      const index = decidingAttempt(entry, record.attempts)
      if (index === null || index < previous || decidingAttempt(entry, ownValue(before.quizzes, quizId)?.attempts ?? []) !== null) continue
      // Without the count the entry's index is unknown, and a guess could overwrite an earlier one.
      const counted = session.get(CMI[session.version].interactionCount)
      const count = counted === null || counted.trim() === '' ? Number.NaN : Number(counted)
      if (!Number.isInteger(count) || count < 0) continue
      const entries = interactionWrites(session.version, count, entry, record.attempts[index] as NonNullable<(typeof record.attempts)[number]>, index + 1)
      const cost = entries.reduce((sum, writes) => sum + beaconCost(writes), 0)
      if (this.journalBytes + cost > JOURNAL_BUDGET_BYTES) {
        if (!this.toldJournalFull) this.log(`The LMS's interactions journal is full: the answers to ${quizId} are kept in the learner's progress, not journaled.`)
        this.toldJournalFull = true
        continue
      }
      this.journalBytes += cost
      // Interactions are a write-only journal: each entry is written once, never read back.
      for (const writes of entries) for (const { element, value } of writes) session.set(element, value)
    }
    return submitted
  }

  private finishedModules(progress: CourseProgress): number {
    const modules = this.course.content[this.course.language]?.modules ?? []
    return modules.filter((module) => ['completed', 'passed'].includes(moduleStatus(this.course, progress, module))).length
  }

  /** The LMS keeps the learner's comments (once loaded): false without an LMS, or with one that does not implement them. */
  get lmsKeepsComments(): boolean {
    return this.comments?.available ?? false
  }

  /** Why a comment among the last events recorded was not kept, once: null when all were. */
  takeRefusal(): CommentRefusal | null {
    const refusal = this.refusal
    this.refusal = null
    return refusal
  }

  /**
   * Applies events and saves the result; returns how many events were taken. A comment the LMS
   * does not take is left out (takeRefusal says why), the other events are kept.
   */
  record(events: readonly TrackingEvent[]): number {
    const before = this.state
    let after = applyEvents(this.course, before, events)
    const session = this.session
    const sent = session?.open && this.comments && after.comments !== before.comments ? this.comments.send(before.comments, after.comments) : null
    if (sent) {
      this.refusal = sent.refused
      after = { ...after, comments: sent.comments }
    }
    this.state = after
    if (after === before) return events.length
    if (!session?.open) {
      this.saveLocally()
      return events.length
    }
    const submitted = this.journal(before, after)
    const writes = trackingWrites(session.version, this.course, after, this.reporting)
    this.suspendDataStale = true
    this.write(writes)
    this.sinceCommit += events.length
    const finished = this.finishedModules(after)
    const moduleDone = finished > this.finished
    this.finished = finished
    // A comment is committed at once: the learner is told it is saved.
    if (sent || submitted || moduleDone || this.sinceCommit >= COMMIT_EVERY_EVENTS || this.now() - this.lastCommit >= COMMIT_EVERY_MS) this.commit()
    return events.length
  }

  private saveLocally(): void {
    try {
      this.storage?.setItem(storageKey(this.course.id), encodeSuspendData(this.course, this.state).data)
    } catch {
      this.log('The browser did not keep the progress (storage full or turned off).')
    }
  }

  /**
   * Suspend data for the progress so far, packed once per checkpoint rather than at every event.
   * Over the version's limit a strict LMS refuses it and a lenient one cuts it short, which breaks
   * the resume: the last data that fitted stays, and the learner is told once.
   */
  private writeSuspendData(): void {
    const session = this.session
    if (!session?.open || !this.suspendDataStale || this.keepSuspendData) return
    this.suspendDataStale = false
    const version = session.version
    const encoded = encodeSuspendData(this.course, this.state, version === 'scorm12' ? SUSPEND_LIMIT_12 : SUSPEND_LIMIT_2004)
    if (encoded.fits) return this.write([{ element: CMI[version].suspendData, value: encoded.data }])
    if (this.toldTooLong) return
    this.toldTooLong = true
    this.log(`Suspend data is ${encoded.data.length} characters, over the limit; the last that fitted is kept.`)
    session.trouble()
  }

  /** A checkpoint: the LMS keeps what it has been given so far, suspend data brought up to date first. */
  commit(): void {
    if (!this.session?.open) return
    this.writeSuspendData()
    this.session.commit()
    this.sinceCommit = 0
    this.lastCommit = this.now()
  }

  /** The timed checkpoint: commits when anything was written since the last commit. */
  commitIfChanged(): void {
    if (this.sinceCommit > 0) this.commit()
  }

  /** The end of the session: exactly once, on pagehide or the learner's exit, with the suspend data up to date. True when the LMS took it. */
  close(): boolean {
    this.writeSuspendData()
    return this.session?.finish() ?? false
  }
}
