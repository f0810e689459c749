import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { z } from 'zod'
import type { StoreNotice } from '../../core/api/contract'
import { writeFileAtomic } from '../atomic-write'
import { acquireLock, type LockHandle } from './lock-file'
import { fileStamp, setAside as setAsideFile } from './set-aside'

/** A stored document always carries the version of its shape. */
export interface Versioned {
  schemaVersion: number
}

/** Turns a document of version n into version n + 1; pure, and tested from every older version. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>

export interface DocumentSpec<T extends Versioned> {
  /** File name without extension: `learners` is kept in `learners.json`. */
  name: string
  /** migrations[i] takes version i + 1 to version i + 2, so the current version is migrations.length + 1. */
  migrations: readonly Migration[]
  schema: z.ZodType<T>
  create(): T
}

export type { StoreNotice }

export interface StoreOptions {
  /** Longest time a change waits in memory before it is written (the bound: 250 ms). */
  debounceMs?: number
  /** How many earlier good copies to keep. */
  backups?: number
  /** Minimum time between two rotating backups taken while the app runs. */
  backupIntervalMs?: number
  /** Take the one-writer lock file (the web host); Electron relies on its single-instance lock too. */
  lock?: boolean
  now?: () => Date
}

const RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000, 30_000]

function reasonOf(code: string): 'disk-full' | 'permission' | 'other' {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission'
  return 'other'
}

type ReadOutcome<T> =
  | { state: 'missing' }
  | { state: 'bad'; why: string }
  | { state: 'newer'; version: number; doc: T }
  | { state: 'ok'; doc: T; migratedFrom: number | null }

/** lowdb adapter: atomic, fsynced writes; reads are left to the document, which must judge them. */
class AtomicJsonAdapter<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    return null
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data))
  }
}

/**
 * One JSON document on disk that survives crashes, power cuts, full disks and upgrades.
 * Changes are made in memory at once and written by a single queue at most once per debounce
 * interval; every write is atomic. Damaged files are set aside and the newest good backup is
 * restored; files from a newer app are opened read-only; failed writes keep the data in memory
 * and are retried.
 */
export class DurableDocument<T extends Versioned> {
  readonly file: string
  readonly notices: StoreNotice[] = []
  readOnly = false

  private readonly db: Low<T>
  private readonly backupDir: string
  private readonly debounceMs: number
  private readonly backupCount: number
  private readonly backupIntervalMs: number
  private readonly now: () => Date
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> | null = null
  private dirty = false
  private failures = 0
  private lastBackupAt = 0
  private lock: LockHandle | null = null

  private constructor(
    private readonly dir: string,
    private readonly spec: DocumentSpec<T>,
    options: StoreOptions,
  ) {
    this.file = path.join(dir, `${spec.name}.json`)
    this.backupDir = path.join(dir, 'backups')
    this.debounceMs = options.debounceMs ?? 250
    this.backupCount = options.backups ?? 5
    this.backupIntervalMs = options.backupIntervalMs ?? 10 * 60_000
    this.now = options.now ?? (() => new Date())
    this.db = new Low<T>(new AtomicJsonAdapter<T>(this.file), spec.create())
  }

  static async open<T extends Versioned>(dir: string, spec: DocumentSpec<T>, options: StoreOptions = {}): Promise<DurableDocument<T>> {
    await mkdir(dir, { recursive: true })
    const doc = new DurableDocument(dir, spec, options)
    if (options.lock) doc.lock = await acquireLock(`${doc.file}.lock`)
    try {
      await doc.load()
    } catch (error) {
      await doc.lock?.release()
      throw error
    }
    return doc
  }

  get version(): number {
    return this.spec.migrations.length + 1
  }

  get data(): Readonly<T> {
    return this.db.data
  }

  /** Changes the document in memory now; the write follows within the debounce interval. */
  update(change: (draft: T) => T | void): void {
    if (this.readOnly) throw new Error('This data was written by a newer version of Civic Learn and is open read-only.')
    const result = change(this.db.data)
    if (result) this.db.data = result
    this.dirty = true
    this.schedule(this.debounceMs)
  }

  /** Writes any pending change now and resolves when it is on disk (or rejects if it is not). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    while (this.dirty || this.writing) {
      try {
        await (this.writing ?? this.writeNow())
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
        throw new Error(`Civic Learn could not save ${this.file} (${code}); it will keep trying.`, { cause: error })
      }
    }
  }

  async close(): Promise<void> {
    try {
      if (!this.readOnly) await this.flush()
    } finally {
      if (this.timer) clearTimeout(this.timer)
      this.timer = null
      await this.lock?.release()
      this.lock = null
    }
  }

  /** Removes the document, its backups and anything set aside: "delete all my data". */
  async destroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.dirty = false
    if (this.writing) await this.writing.catch(() => undefined)
    const prefix = `${this.spec.name}.json`
    for (const name of await readdir(this.dir)) {
      if (name.startsWith(prefix) && !name.endsWith('.lock')) await rm(path.join(this.dir, name), { force: true })
    }
    await rm(this.backupDir, { recursive: true, force: true })
    this.db.data = this.spec.create()
  }

  private notify(notice: StoreNotice): void {
    this.notices.push(notice)
  }

  private schedule(delay: number): void {
    if (this.timer || this.writing) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.writeNow().catch(() => undefined)
    }, delay)
    this.timer.unref?.()
  }

  private writeNow(): Promise<void> {
    this.dirty = false
    const write = (async () => {
      try {
        await this.db.write()
        if (this.failures > 0) this.notify({ kind: 'write-recovered' })
        this.failures = 0
        await this.maybeBackup()
      } catch (error) {
        this.dirty = true
        const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
        if (this.failures === 0) this.notify({ kind: 'write-failed', reason: reasonOf(code), code })
        this.failures++
        throw error
      } finally {
        this.writing = null
      }
    })()
    this.writing = write
    write.then(
      () => {
        if (this.dirty) this.schedule(this.debounceMs)
      },
      () => {
        const delay = RETRY_DELAYS_MS[Math.min(this.failures - 1, RETRY_DELAYS_MS.length - 1)] ?? 30_000
        this.schedule(delay)
      },
    )
    return write
  }

  private async maybeBackup(force = false): Promise<void> {
    const now = this.now().getTime()
    if (!force && now - this.lastBackupAt < this.backupIntervalMs) return
    this.lastBackupAt = now
    await mkdir(this.backupDir, { recursive: true })
    // Rotate: .1 is the newest; the oldest falls off the end.
    for (let index = this.backupCount - 1; index >= 1; index--) {
      const from = this.backupPath(index)
      await rename(from, this.backupPath(index + 1)).catch(() => undefined)
    }
    await rm(this.backupPath(this.backupCount + 1), { force: true })
    await copyFile(this.file, this.backupPath(1))
  }

  private backupPath(index: number): string {
    return path.join(this.backupDir, `${this.spec.name}.${index}.json`)
  }

  private async readFileAt(file: string): Promise<ReadOutcome<T>> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' }
      throw error
    }
    if (text.trim() === '') return { state: 'bad', why: 'empty' }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return { state: 'bad', why: 'not valid JSON (damaged or cut short)' }
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { state: 'bad', why: 'not a Civic Learn data file' }
    const version = (raw as Record<string, unknown>).schemaVersion
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { state: 'bad', why: 'it has no schema version' }
    }
    if (version > this.version) {
      return { state: 'newer', version, doc: raw as T }
    }
    let migrated = raw as Record<string, unknown>
    for (let from = version; from < this.version; from++) {
      const migration = this.spec.migrations[from - 1]
      if (!migration) return { state: 'bad', why: `no migration from version ${from}` }
      migrated = { ...migration(migrated), schemaVersion: from + 1 }
    }
    const parsed = this.spec.schema.safeParse(migrated)
    if (!parsed.success) return { state: 'bad', why: 'its content does not match what Civic Learn expects' }
    return { state: 'ok', doc: parsed.data, migratedFrom: version < this.version ? version : null }
  }

  /** A temporary file left by a write that a crash interrupted; the target file is still whole. */
  private async removeInterruptedWrites(): Promise<void> {
    const prefix = `.${this.spec.name}.json.`
    for (const name of await readdir(this.dir)) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) await rm(path.join(this.dir, name), { force: true })
    }
  }

  private async load(): Promise<void> {
    await this.removeInterruptedWrites()
    const outcome = await this.readFileAt(this.file)
    if (outcome.state === 'ok') {
      this.db.data = outcome.doc
      if (outcome.migratedFrom !== null) {
        const backup = `${this.file}.before-v${this.version}-${fileStamp(this.now())}`
        await copyFile(this.file, backup)
        this.dirty = true
        await this.flush()
        this.notify({ kind: 'migrated', from: outcome.migratedFrom, to: this.version, backup })
      }
      await this.maybeBackup(true)
      return
    }
    if (outcome.state === 'newer') {
      this.db.data = outcome.doc
      this.readOnly = true
      this.notify({ kind: 'newer-version', fileVersion: outcome.version, appVersion: this.version })
      return
    }
    if (outcome.state === 'missing' && !(await this.hasBackups())) {
      this.db.data = this.spec.create()
      return
    }
    await this.recover(outcome.state === 'bad' ? outcome.why : 'missing')
  }

  private async hasBackups(): Promise<boolean> {
    return stat(this.backupPath(1)).then(
      () => true,
      () => false,
    )
  }

  /** Sets the damaged file aside (never deletes it) and restores the newest backup that reads. */
  private async recover(why: string): Promise<void> {
    let setAside = ''
    if (why !== 'missing') {
      setAside = await setAsideFile(this.file, this.now())
    }
    for (let index = 1; index <= this.backupCount; index++) {
      const candidate = this.backupPath(index)
      const outcome = await this.readFileAt(candidate)
      if (outcome.state !== 'ok') continue
      const taken = await stat(candidate)
      this.db.data = outcome.doc
      this.dirty = true
      await this.flush()
      this.notify({ kind: 'recovered', setAside, restoredFrom: candidate, backupTakenAt: taken.mtime.toISOString() })
      return
    }
    this.db.data = this.spec.create()
    this.dirty = true
    await this.flush()
    this.notify({ kind: 'recovered', setAside, restoredFrom: null, backupTakenAt: null })
  }
}
