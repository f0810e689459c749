import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto'
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { LanguageSchema, NationSchema } from '../core/api/contract'
import { ApiError } from '../core/api/errors'
import type { CourseBundle } from '../core/course/bundle'
import { LEARNER_RECORD_FORMAT, LEARNER_RECORD_VERSION, type LearnerRecord } from '../core/progress/learner-record'
import { ownValue, withId } from '../core/progress/id-record'
import { applyEvents } from '../core/progress/reducer'
import { CourseProgressSchema, emptyProgress, type CourseProgress, type TrackingEvent } from '../core/progress/schema'
import { type DocumentSpec, DurableDocument, removeInterruptedWrites, type StoreNotice, type StoreOptions } from './store/durable-document'
import { pathExists } from './paths'
import { acquireLock, type LockHandle } from './store/lock-file'
import { fileStamp } from './store/set-aside'
import { settleAll } from './store/store-errors'

/** A learner's id names their file, so it is kept to characters safe in any file name. */
const ProfileIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)

/** A PIN as kept: a salt and the scrypt hash, never the PIN. */
const PinRecordSchema = z.object({ salt: z.string(), hash: z.string() }).strict()
type PinRecord = z.infer<typeof PinRecordSchema>

const ProfileSchema = z
  .object({
    id: ProfileIdSchema,
    name: z.string(),
    createdAt: z.string(),
    /** A courtesy PIN so workshop learners do not open each other's records by mistake; not security. */
    pin: PinRecordSchema.optional(),
    /** The learner came from a record made on another device: what is printed from it says so. */
    importedAt: z.iso.datetime({ offset: true }).optional(),
    /** The learner's own interface language and nation, once they have chosen (services/learners.ts). */
    language: LanguageSchema.optional(),
    nation: NationSchema.nullable().optional(),
  })
  .strict()
type Profile = z.infer<typeof ProfileSchema>

/** What a learner has chosen for themselves of the settings; what they have not chosen follows the device's. */
export type LearnerChoices = Pick<Profile, 'language' | 'nation'>

/** Who the learners are and who is chosen: `learners/index.json`, small whatever their progress. */
const LearnerIndexSchema = z
  .object({
    schemaVersion: z.literal(4),
    activeProfileId: ProfileIdSchema.nullable(),
    profiles: z.array(ProfileSchema),
    /** The trainer's PIN, which guards the results and changes to other learners (services/trainer.ts). */
    trainerPin: PinRecordSchema.optional(),
  })
  .strict()
type LearnerIndex = z.infer<typeof LearnerIndexSchema>

/**
 * Version 2 added `importedAt` to profiles, version 3 the trainer's PIN, version 4 each learner's
 * language and nation. Nothing in an older index changes; the version moves so that an older
 * Civic Learn opens a newer index read-only instead of calling it damaged.
 */
const INDEX_SPEC: DocumentSpec<LearnerIndex> = {
  name: 'index',
  migrations: [(doc) => doc, (doc) => doc, (doc) => doc],
  schema: LearnerIndexSchema,
  create: () => ({ schemaVersion: 4, activeProfileId: null, profiles: [] }),
}

/** One learner's progress: `learners/<id>.json`, course id → progress. */
const LearnerProgressSchema = z.object({ schemaVersion: z.literal(1), progress: z.record(z.string(), CourseProgressSchema) }).strict()
type LearnerProgress = z.infer<typeof LearnerProgressSchema>

/** A progress event's outcome, as the learner's journal keeps it: the course's whole progress after it. */
const ProgressEntrySchema = z.object({ courseId: z.string(), progress: CourseProgressSchema }).strict()
type ProgressEntry = z.infer<typeof ProgressEntrySchema>

function progressSpec(profileId: string): DocumentSpec<LearnerProgress, ProgressEntry> {
  return {
    name: profileId,
    migrations: [],
    schema: LearnerProgressSchema,
    create: () => ({ schemaVersion: 1, progress: {} }),
    journal: {
      entry: ProgressEntrySchema,
      apply: (doc, entry) => {
        doc.progress = withId(doc.progress, entry.courseId, entry.progress)
      },
    },
  }
}

/**
 * Every learner in one file, `learners.json`: how Civic Learn kept them before each learner had
 * a file of their own. Read once, to move them; version 1 is the only version there was.
 */
const LegacyLearnersSchema = z
  .object({
    schemaVersion: z.literal(1),
    activeProfileId: z.string().nullable(),
    profiles: z.array(ProfileSchema.extend({ id: z.string() })),
    progress: z.record(z.string(), z.record(z.string(), CourseProgressSchema)),
  })
  .strict()
type LegacyLearners = z.infer<typeof LegacyLearnersSchema>
const LEGACY_SPEC: DocumentSpec<LegacyLearners> = {
  name: 'learners',
  migrations: [],
  schema: LegacyLearnersSchema,
  create: () => ({ schemaVersion: 1, activeProfileId: null, profiles: [], progress: {} }),
}
/** The store's layout: 1 was the single `learners.json`, 2 a file per learner. */
const LAYOUT_VERSION = 2

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

function pinRecord(pin: string): PinRecord {
  const salt = randomBytes(16).toString('base64')
  return { salt, hash: hashPin(pin, salt) }
}

function pinMatches(record: PinRecord, pin: string): boolean {
  const given = Buffer.from(hashPin(pin, record.salt))
  const stored = Buffer.from(record.hash)
  return given.length === stored.length && timingSafeEqual(given, stored)
}

/**
 * Learners on this device and their progress: a small index of who they are, and a lowdb
 * document per learner, so a learner's change costs what that learner's data costs however many
 * learners there are; a progress event is saved as an append to that learner's journal. A
 * learner's document is read (and checked) when first needed. A personal machine has one
 * profile, made on first use, and is never asked to choose; a workshop laptop has several.
 */
export class LearnerStore {
  private readonly documents = new Map<string, Promise<DurableDocument<LearnerProgress, ProgressEntry>>>()
  /** The documents opened so far, for notices, flushing and closing. */
  private opened: DurableDocument<LearnerProgress, ProgressEntry>[] = []
  private readonly migrationNotices: StoreNotice[] = []

  private constructor(
    private readonly dir: string,
    private readonly index: DurableDocument<LearnerIndex>,
    private readonly options: StoreOptions,
    private lock: LockHandle | null,
  ) {}

  /** Opens the store; with `lock`, a second process on the same folder is refused before anything is read or moved. */
  static async open(dataDir: string, options: StoreOptions & { defaultName: string; now?: () => Date }): Promise<LearnerStore> {
    const dir = path.join(dataDir, 'learners')
    await mkdir(dir, { recursive: true })
    const lock = options.lock ? await acquireLock(path.join(dir, 'index.json.lock')) : null
    // The folder holds a file per learner: it is cleared of interrupted writes once here, not once per learner.
    const unlocked = { ...options, lock: false, swept: true }
    try {
      await removeInterruptedWrites(dir)
      const moved = await LearnerStore.moveSingleFile(dataDir, dir, unlocked)
      const index = await DurableDocument.open(dir, INDEX_SPEC, unlocked)
      const store = new LearnerStore(dir, index, unlocked, lock)
      store.migrationNotices.push(...moved)
      if (!index.readOnly && index.data.profiles.length === 0) await store.createProfile(options.defaultName, (options.now ?? (() => new Date()))())
      return store
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  /**
   * Moves learners kept in the single `learners.json` into a file each. A copy of the old file is
   * kept first; the index is written last, so a crash part-way leaves the old file to move again.
   * Returns what the learner must be told: the move, and anything reading the old file took
   * (a damaged file restored from its backup).
   */
  private static async moveSingleFile(dataDir: string, dir: string, options: StoreOptions & { now?: () => Date }): Promise<StoreNotice[]> {
    const legacyFile = path.join(dataDir, 'learners.json')
    const hasLegacy = (await pathExists(legacyFile)) || (await pathExists(path.join(dataDir, 'backups', 'learners.1.json')))
    if (!hasLegacy) return []
    if (await pathExists(path.join(dir, 'index.json'))) {
      // Moved before, and stopped before the old file was put away.
      await rename(legacyFile, `${legacyFile}.moved-${fileStamp((options.now ?? (() => new Date()))())}`).catch(() => undefined)
      return []
    }
    const legacy = await DurableDocument.open(dataDir, LEGACY_SPEC, { ...options, swept: false })
    const backup = `${legacyFile}.before-v${LAYOUT_VERSION}-${fileStamp((options.now ?? (() => new Date()))())}`
    if (await pathExists(legacyFile)) await copyFile(legacyFile, backup)
    const ids = new Map<string, string>()
    for (const profile of legacy.data.profiles) ids.set(profile.id, ProfileIdSchema.safeParse(profile.id).success ? profile.id : randomUUID())
    for (const [oldId, newId] of ids) {
      const doc = await DurableDocument.open(dir, progressSpec(newId), options)
      doc.update(() => ({ schemaVersion: 1, progress: ownValue(legacy.data.progress, oldId) ?? {} }))
      await doc.close()
    }
    const index = await DurableDocument.open(dir, INDEX_SPEC, options)
    const active = legacy.data.activeProfileId
    index.update(() => ({
      schemaVersion: 4,
      activeProfileId: active === null ? null : (ids.get(active) ?? null),
      profiles: legacy.data.profiles.map((profile) => ({ ...profile, id: ids.get(profile.id) ?? profile.id })),
    }))
    await index.close()
    await legacy.close()
    await rm(legacyFile, { force: true })
    return [...legacy.notices, { kind: 'migrated', from: 1, to: LAYOUT_VERSION, backup }]
  }

  get notices(): readonly StoreNotice[] {
    return [...this.migrationNotices, ...this.index.notices, ...this.opened.flatMap((doc) => doc.notices)]
  }

  get readOnly(): boolean {
    return this.index.readOnly
  }

  /** The learner's document, opened (and checked) the first time it is needed. */
  private document(profileId: string): Promise<DurableDocument<LearnerProgress, ProgressEntry>> {
    let doc = this.documents.get(profileId)
    if (!doc) {
      doc = DurableDocument.open(this.dir, progressSpec(profileId), this.options).then((opened) => {
        this.opened.push(opened)
        return opened
      })
      doc.catch(() => this.documents.delete(profileId))
      this.documents.set(profileId, doc)
    }
    return doc
  }

  profiles(): { activeId: string | null; profiles: ProfileView[] } {
    return { activeId: this.index.data.activeProfileId, profiles: this.index.data.profiles.map(view) }
  }

  private profile(id: string): Profile {
    const profile = this.index.data.profiles.find((candidate) => candidate.id === id)
    if (!profile) throw new ApiError({ code: 'NOT_FOUND', message: 'There is no such learner on this device.' })
    return profile
  }

  /** The chosen learner's id, always one of the profiles (whose ids are safe as file names). */
  private activeId(): string {
    const id = this.index.data.activeProfileId
    if (id === null) throw new ApiError({ code: 'NOT_FOUND', message: 'No learner is chosen.' })
    return this.profile(id).id
  }

  /**
   * Changes who the learners are, and resolves once that is on disk: a learner's progress is only
   * found through the index, so progress acknowledged for a learner the index lost would be lost too.
   */
  private async changeIndex(change: (draft: LearnerIndex) => void): Promise<void> {
    try {
      await this.index.commit(this.index.update(change))
    } catch {
      throw new ApiError({ code: 'UNAVAILABLE', message: 'Civic Learn could not save that change just now. Try again in a moment.' })
    }
  }

  async createProfile(name: string, now: Date = new Date()): Promise<ProfileView> {
    const [profile] = await this.createProfiles([name], now)
    return profile as ProfileView
  }

  /** Adds learners in one change of the index: a workshop's list pasted at once. */
  async createProfiles(names: readonly string[], now: Date = new Date()): Promise<ProfileView[]> {
    const profiles: Profile[] = names.map((name) => ({ id: randomUUID(), name: name.trim(), createdAt: now.toISOString() }))
    await this.changeIndex((draft) => {
      draft.profiles.push(...profiles)
      draft.activeProfileId ??= profiles[0]?.id ?? null
    })
    return profiles.map(view)
  }

  async renameProfile(id: string, name: string): Promise<ProfileView> {
    this.profile(id)
    await this.changeIndex((draft) => {
      const profile = draft.profiles.find((candidate) => candidate.id === id)
      if (profile) profile.name = name.trim()
    })
    return view(this.profile(id))
  }

  /** Removes a learner and every record of their progress, backups included. */
  async deleteProfile(id: string): Promise<void> {
    this.profile(id)
    await this.changeIndex((draft) => {
      draft.profiles = draft.profiles.filter((profile) => profile.id !== id)
      if (draft.activeProfileId === id) draft.activeProfileId = draft.profiles[0]?.id ?? null
    })
    const doc = await this.document(id)
    await doc.destroy()
    this.documents.delete(id)
    this.opened = this.opened.filter((candidate) => candidate !== doc)
  }

  async switchProfile(id: string, pin?: string): Promise<ProfileView> {
    const profile = this.profile(id)
    if (profile.pin && !pinMatches(profile.pin, pin ?? '')) throw new ApiError({ code: 'FORBIDDEN', message: 'That PIN is not right.' })
    await this.changeIndex((draft) => {
      draft.activeProfileId = id
    })
    return view(profile)
  }

  /** The active learner's own language and nation, where they have chosen them. */
  activeChoices(): LearnerChoices {
    const { language, nation } = this.profile(this.activeId())
    return { ...(language === undefined ? {} : { language }), ...(nation === undefined ? {} : { nation }) }
  }

  /** Keeps what the active learner chose, resolving once it is on disk. */
  async chooseForActive(choices: LearnerChoices): Promise<void> {
    const id = this.activeId()
    await this.changeIndex((draft) => {
      const profile = draft.profiles.find((candidate) => candidate.id === id)
      if (!profile) return
      if (choices.language !== undefined) profile.language = choices.language
      if (choices.nation !== undefined) profile.nation = choices.nation
    })
  }

  async setPin(id: string, pin: string | null): Promise<ProfileView> {
    this.profile(id)
    const record = pin === null ? undefined : pinRecord(pin)
    await this.changeIndex((draft) => {
      const profile = draft.profiles.find((candidate) => candidate.id === id)
      if (!profile) return
      if (record) profile.pin = record
      else delete profile.pin
    })
    return view(this.profile(id))
  }

  /** The active learner's progress in a course; empty when they have not started it. */
  async progress(course: Pick<CourseBundle, 'id' | 'version'>): Promise<CourseProgress> {
    const doc = await this.document(this.activeId())
    return ownValue(doc.data.progress, course.id) ?? emptyProgress(course.id, course.version)
  }

  /**
   * Applies tracking events to the active learner's progress and resolves once they are on disk:
   * what the API acknowledges survives a crash or a power cut. Events arriving while a write runs
   * are written together in the next. When the write fails, every event not on disk is undone and
   * the caller told, so the client keeps them and its retry applies them once. Answers with the
   * progress the events were applied to (the one held when the call began its change) and the result.
   * Another learner's progress is changed the same way (a workshop's attendees, by the trainer).
   */
  async record(course: CourseBundle, events: readonly TrackingEvent[], learnerId: string = this.activeId()): Promise<{ appliedTo: CourseProgress; progress: CourseProgress }> {
    const doc = await this.document(this.profile(learnerId).id)
    const appliedTo = ownValue(doc.data.progress, course.id) ?? emptyProgress(course.id, course.version)
    const progress = applyEvents(course, appliedTo, events)
    const change = doc.append({ courseId: course.id, progress })
    try {
      await doc.commit(change)
    } catch {
      throw new ApiError({ code: 'UNAVAILABLE', message: 'Your progress could not be saved just now. Civic Learn will try again.' })
    }
    return { appliedTo, progress }
  }

  /** Whether a learner other than the active one is being changed, and whether they have a PIN. */
  otherLearner(id: string): { other: boolean; hasPin: boolean } {
    const profile = this.profile(id)
    return { other: profile.id !== this.index.data.activeProfileId, hasPin: profile.pin !== undefined }
  }

  get hasTrainerPin(): boolean {
    return this.index.data.trainerPin !== undefined
  }

  /** Whether the PIN given is the trainer's; false when there is none. */
  trainerPinMatches(pin: string): boolean {
    const record = this.index.data.trainerPin
    return record !== undefined && pinMatches(record, pin)
  }

  /** Sets or removes the trainer's PIN; the caller has checked who may (services/trainer.ts). */
  async setTrainerPin(pin: string | null): Promise<void> {
    const record = pin === null ? undefined : pinRecord(pin)
    await this.changeIndex((draft) => {
      if (record) draft.trainerPin = record
      else delete draft.trainerPin
    })
  }

  /** The active learner, for certificates and exports. */
  activeProfile(): ProfileView {
    return view(this.profile(this.activeId()))
  }

  /** When the active learner's record was imported from another device, or null when it was made here. */
  activeImportedAt(): string | null {
    return this.profile(this.activeId()).importedAt ?? null
  }

  /** The active learner's whole record, as a file they can keep or move to another device. */
  async exportRecord(appVersion: string, now: Date = new Date()): Promise<LearnerRecord> {
    const id = this.activeId()
    const doc = await this.document(id)
    return {
      format: LEARNER_RECORD_FORMAT,
      schemaVersion: LEARNER_RECORD_VERSION,
      exportedAt: now.toISOString(),
      appVersion,
      learner: { name: this.profile(id).name, ...(this.profile(id).importedAt ? { importedAt: this.profile(id).importedAt } : {}) },
      progress: doc.data.progress,
    }
  }

  /** Adds a record from another device as a new learner; an existing learner is never overwritten. */
  async importRecord(record: LearnerRecord, now: Date = new Date()): Promise<ProfileView> {
    const taken = new Set(this.index.data.profiles.map((profile) => profile.name))
    let name = record.learner.name
    for (let n = 2; taken.has(name); n++) name = `${record.learner.name} (${n})`
    const profile = await this.createProfile(name, now)
    await this.changeIndex((draft) => {
      const imported = draft.profiles.find((candidate) => candidate.id === profile.id)
      if (imported) imported.importedAt = now.toISOString()
    })
    const doc = await this.document(profile.id)
    await doc.commit(doc.update(() => ({ schemaVersion: 1, progress: record.progress })))
    return profile
  }

  /** Every learner's progress, for a trainer's results table. */
  async allProgress(): Promise<{ profile: ProfileView; importedAt: string | null; progress: Record<string, CourseProgress> }[]> {
    return Promise.all(
      this.index.data.profiles.map(async (profile) => ({ profile: view(profile), importedAt: profile.importedAt ?? null, progress: (await this.document(profile.id)).data.progress })),
    )
  }

  /** Writes everything changed so far, and resolves once it is on disk. */
  async flush(): Promise<void> {
    await settleAll([this.index.flush(), ...this.opened.map((doc) => doc.flush())])
  }

  /** Writes and lets go of every file; rejects with every one that could not be saved (each kept elsewhere where it could be). */
  async close(): Promise<void> {
    try {
      await settleAll([...this.opened.map((doc) => doc.close()), this.index.close()])
    } finally {
      await this.lock?.release()
      this.lock = null
    }
  }

  /**
   * "Delete all my data": every learner, every record, every backup, and any copy kept when moving
   * them. Resetting a workshop laptop for the next workshop keeps the trainer's PIN.
   */
  async destroyAll(defaultName: string, options: { keepTrainerPin?: boolean } = {}): Promise<void> {
    const trainerPin = options.keepTrainerPin ? this.index.data.trainerPin : undefined
    await Promise.all(this.opened.map((doc) => doc.destroy()))
    this.opened = []
    this.documents.clear()
    for (const name of await readdir(this.dir)) {
      if (name !== 'backups' && !name.startsWith('index.json')) await rm(path.join(this.dir, name), { recursive: true, force: true })
    }
    await rm(path.join(this.dir, 'backups'), { recursive: true, force: true })
    const dataDir = path.dirname(this.dir)
    for (const name of await readdir(dataDir)) {
      if (name.startsWith('learners.json')) await rm(path.join(dataDir, name), { force: true })
    }
    for (const name of await readdir(path.join(dataDir, 'backups')).catch(() => [])) {
      if (name.startsWith('learners.')) await rm(path.join(dataDir, 'backups', name), { force: true })
    }
    await this.index.destroy()
    await this.changeIndex((draft) => {
      if (trainerPin) draft.trainerPin = trainerPin
    })
    await this.createProfile(defaultName)
  }
}
