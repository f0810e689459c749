import { randomUUID, scryptSync, timingSafeEqual, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { ApiError } from '../core/api/errors'
import type { CourseBundle } from '../core/course/bundle'
import { LEARNER_RECORD_FORMAT, LEARNER_RECORD_VERSION, type LearnerRecord } from '../core/progress/learner-record'
import { applyEvents } from '../core/progress/reducer'
import { CourseProgressSchema, emptyProgress, type CourseProgress, type TrackingEvent } from '../core/progress/schema'
import { DurableDocument, type StoreNotice, type StoreOptions } from './store/durable-document'

const ProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    /** A courtesy PIN so workshop learners do not open each other's records by mistake; not security. */
    pin: z.object({ salt: z.string(), hash: z.string() }).strict().optional(),
  })
  .strict()
type Profile = z.infer<typeof ProfileSchema>

const LearnersSchema = z
  .object({
    schemaVersion: z.literal(1),
    activeProfileId: z.string().nullable(),
    profiles: z.array(ProfileSchema),
    /** Profile id → course id → progress. */
    progress: z.record(z.string(), z.record(z.string(), CourseProgressSchema)),
  })
  .strict()
export type LearnersDocument = z.infer<typeof LearnersSchema>

export const LEARNERS_SPEC = {
  name: 'learners',
  migrations: [],
  schema: LearnersSchema,
  create: (): LearnersDocument => ({ schemaVersion: 1, activeProfileId: null, profiles: [], progress: {} }),
}

export interface ProfileView {
  id: string
  name: string
  createdAt: string
  hasPin: boolean
}

function view(profile: Profile): ProfileView {
  return { id: profile.id, name: profile.name, createdAt: profile.createdAt, hasPin: profile.pin !== undefined }
}

function hashPin(pin: string, salt: string): string {
  return scryptSync(pin, salt, 32).toString('base64')
}

/**
 * Learners on this device and their progress, in one durable document. A personal machine has
 * one profile, made on first use, and is never asked to choose; a workshop laptop has several.
 */
export class LearnerStore {
  private constructor(private readonly doc: DurableDocument<LearnersDocument>) {}

  static async open(dataDir: string, options: StoreOptions & { defaultName: string; now?: () => Date }): Promise<LearnerStore> {
    const doc = await DurableDocument.open(dataDir, LEARNERS_SPEC, options)
    const store = new LearnerStore(doc)
    if (!doc.readOnly && doc.data.profiles.length === 0) store.createProfile(options.defaultName, (options.now ?? (() => new Date()))())
    return store
  }

  get notices(): readonly StoreNotice[] {
    return this.doc.notices
  }

  get readOnly(): boolean {
    return this.doc.readOnly
  }

  profiles(): { activeId: string | null; profiles: ProfileView[] } {
    return { activeId: this.doc.data.activeProfileId, profiles: this.doc.data.profiles.map(view) }
  }

  private profile(id: string): Profile {
    const profile = this.doc.data.profiles.find((candidate) => candidate.id === id)
    if (!profile) throw new ApiError({ code: 'NOT_FOUND', message: 'There is no such learner on this device.' })
    return profile
  }

  private activeId(): string {
    const id = this.doc.data.activeProfileId
    if (id === null) throw new ApiError({ code: 'NOT_FOUND', message: 'No learner is chosen.' })
    return id
  }

  createProfile(name: string, now: Date = new Date()): ProfileView {
    const profile: Profile = { id: randomUUID(), name: name.trim(), createdAt: now.toISOString() }
    this.doc.update((draft) => {
      draft.profiles.push(profile)
      draft.activeProfileId ??= profile.id
    })
    return view(profile)
  }

  renameProfile(id: string, name: string): ProfileView {
    this.profile(id)
    this.doc.update((draft) => {
      const profile = draft.profiles.find((candidate) => candidate.id === id)
      if (profile) profile.name = name.trim()
    })
    return view(this.profile(id))
  }

  /** Removes a learner and every record of their progress. */
  deleteProfile(id: string): void {
    this.profile(id)
    this.doc.update((draft) => {
      draft.profiles = draft.profiles.filter((profile) => profile.id !== id)
      delete draft.progress[id]
      if (draft.activeProfileId === id) draft.activeProfileId = draft.profiles[0]?.id ?? null
    })
  }

  switchProfile(id: string, pin?: string): ProfileView {
    const profile = this.profile(id)
    if (profile.pin) {
      const given = Buffer.from(hashPin(pin ?? '', profile.pin.salt))
      const stored = Buffer.from(profile.pin.hash)
      if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
        throw new ApiError({ code: 'FORBIDDEN', message: 'That PIN is not right.' })
      }
    }
    this.doc.update((draft) => {
      draft.activeProfileId = id
    })
    return view(profile)
  }

  setPin(id: string, pin: string | null): ProfileView {
    this.profile(id)
    const record = pin === null ? undefined : (() => {
      const salt = randomBytes(16).toString('base64')
      return { salt, hash: hashPin(pin, salt) }
    })()
    this.doc.update((draft) => {
      const profile = draft.profiles.find((candidate) => candidate.id === id)
      if (!profile) return
      if (record) profile.pin = record
      else delete profile.pin
    })
    return view(this.profile(id))
  }

  /** The active learner's progress in a course; empty when they have not started it. */
  progress(course: Pick<CourseBundle, 'id' | 'version'>): CourseProgress {
    return this.doc.data.progress[this.activeId()]?.[course.id] ?? emptyProgress(course.id, course.version)
  }

  /** Applies tracking events to the active learner's progress; the write follows within 250 ms. */
  record(course: CourseBundle, events: readonly TrackingEvent[]): CourseProgress {
    const profileId = this.activeId()
    const next = applyEvents(course, this.progress(course), events)
    this.doc.update((draft) => {
      draft.progress[profileId] = { ...draft.progress[profileId], [course.id]: next }
    })
    return next
  }

  /** The active learner, for certificates and exports. */
  activeProfile(): ProfileView {
    return view(this.profile(this.activeId()))
  }

  /** The active learner's whole record, as a file they can keep or move to another device. */
  exportRecord(appVersion: string, now: Date = new Date()): LearnerRecord {
    const id = this.activeId()
    return {
      format: LEARNER_RECORD_FORMAT,
      schemaVersion: LEARNER_RECORD_VERSION,
      exportedAt: now.toISOString(),
      appVersion,
      learner: { name: this.profile(id).name },
      progress: this.doc.data.progress[id] ?? {},
    }
  }

  /** Adds a record from another device as a new learner; an existing learner is never overwritten. */
  importRecord(record: LearnerRecord, now: Date = new Date()): ProfileView {
    const taken = new Set(this.doc.data.profiles.map((profile) => profile.name))
    let name = record.learner.name
    for (let n = 2; taken.has(name); n++) name = `${record.learner.name} (${n})`
    const profile = this.createProfile(name, now)
    this.doc.update((draft) => {
      draft.progress[profile.id] = record.progress
    })
    return profile
  }

  /** Every learner's progress, for a trainer's results table. */
  allProgress(): { profile: ProfileView; progress: Record<string, CourseProgress> }[] {
    return this.doc.data.profiles.map((profile) => ({ profile: view(profile), progress: this.doc.data.progress[profile.id] ?? {} }))
  }

  close(): Promise<void> {
    return this.doc.close()
  }

  /** "Delete all my data": every learner, every record, every backup. */
  async destroyAll(defaultName: string): Promise<void> {
    await this.doc.destroy()
    this.createProfile(defaultName)
    await this.doc.flush()
  }
}
