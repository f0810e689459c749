import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { z } from 'zod'
import type { StoreNotice } from '../../core/api/contract'
import { writeFileAtomic } from '../atomic-write'
import { pathExists } from '../paths'
import { acquireLock, StoreLockedError, type LockHandle } from './lock-file'
import { JournalFile, readJournal, textHash, type JournalSpec } from './journal'
import { fileStamp, setAside as setAsideFile } from './set-aside'
import { explainFileError, StoreFileError } from './store-errors'

/** A stored document always carries the version of its shape. */
export interface Versioned {
  schemaVersion: number
}

/** Turns a document of version n into version n + 1; pure, and tested from every older version. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>

export interface DocumentSpec<T extends Versioned, J = never> {
  /** File name without extension: `learners` is kept in `learners.json`. */
  name: string
  /** migrations[i] takes version i + 1 to version i + 2, so the current version is migrations.length + 1. */
  migrations: readonly Migration[]
  schema: z.ZodType<T>
  create(): T
  /**
   * The version a file without `schemaVersion` is, for documents whose first version had none
   * (settings and window state before they moved to this store); without it such a file is damaged.
   */
  unmarkedVersion?: number
  /** Small changes this document saves by appending them to a journal (`append`), instead of writing the whole file. */
  journal?: JournalSpec<T, J>
}

export type { StoreNotice }

export interface StoreOptions {
  /** Longest time a change waits in memory before it is written (the issue's bound: 250 ms). */
  debounceMs?: number
  /** How many earlier good copies to keep. */
  backups?: number
  /** Minimum time between two rotating backups taken while the app runs. */
  backupIntervalMs?: number
  /** Take the one-writer lock file (the web host); Electron relies on its single-instance lock too. */
  lock?: boolean
  /**
   * The folder was already cleared of interrupted writes (`removeInterruptedWrites`), as a store
   * of many documents in one folder does once when it opens, rather than listing it for each.
   */
  swept?: boolean
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
  | { state: 'ok'; doc: T; migratedFrom: number | null; hash: string }

/**
 * Removes the temporary files of writes a crash interrupted (the target files are still whole):
 * those of one file, or with no name, of every file in the folder.
 */
export async function removeInterruptedWrites(dir: string, fileName = ''): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.startsWith(fileName === '' ? '.' : `.${fileName}.`) && name.endsWith('.tmp')) await rm(path.join(dir, name), { force: true })
  }
}

/**
 * The lowdb adapter behind every file Civic Learn writes. Writing is atomic and fsynced, and
 * keeps rotating backups of earlier good copies. Reading treats the file as untrusted: leftovers
 * of an interrupted write are removed, older versions are migrated (a copy of the file kept
 * first), and a damaged file is set aside (never deleted) and the newest good backup restored.
 * A file from a newer app is read and marked read-only. What it did is told in `notices`.
 */
export class DurableAdapter<T extends Versioned, J = never> implements Adapter<T> {
  readonly file: string
  readonly notices: StoreNotice[] = []
  /** The file was written by a newer version of Civic Learn: never write over it. */
  readOnly = false
  /** What was read must be written back once (migrated, or restored from a backup). */
  needsWrite = false
  /** The document as the file holds it: as last read or written. */
  onDisk = ''
  /** The hash of the file's text, which a journal names as the file it continues; null while there is no file. */
  onDiskHash: string | null = null
  /** The journal's entries on disk, as JSON lines: with `onDisk`, what the disk holds. */
  journalLines: string[] = []
  readonly journal: JournalFile

  private readonly backupDir: string
  private readonly backupCount: number
  private readonly backupIntervalMs: number
  private readonly now: () => Date
  private readonly swept: boolean
  private lastBackupAt = 0

  constructor(
    private readonly dir: string,
    private readonly spec: DocumentSpec<T, J>,
    options: StoreOptions,
  ) {
    this.swept = options.swept ?? false
    this.file = path.join(dir, `${spec.name}.json`)
    this.journal = new JournalFile(`${this.file}.journal`)
    this.backupDir = path.join(dir, 'backups')
    this.backupCount = options.backups ?? 5
    this.backupIntervalMs = options.backupIntervalMs ?? 10 * 60_000
    this.now = options.now ?? (() => new Date())
  }

  get version(): number {
    return this.spec.migrations.length + 1
  }

  /** The document on disk, or null when there is none and no backup either (lowdb then keeps the defaults). */
  async read(): Promise<T | null> {
    if (!this.swept) await removeInterruptedWrites(this.dir, `${this.spec.name}.json`)
    const outcome = await this.readFileAt(this.file)
    if (outcome.state === 'ok') {
      this.onDisk = JSON.stringify(outcome.doc)
      this.onDiskHash = outcome.hash
      if (outcome.migratedFrom !== null) {
        const backup = `${this.file}.before-v${this.version}-${fileStamp(this.now())}`
        await copyFile(this.file, backup)
        this.needsWrite = true
        this.notices.push({ kind: 'migrated', from: outcome.migratedFrom, to: this.version, backup })
      } else await this.backup(true)
      await this.replayJournal(outcome.doc, outcome.hash)
      return outcome.doc
    }
    if (outcome.state === 'newer') {
      this.readOnly = true
      this.notices.push({ kind: 'newer-version', fileVersion: outcome.version, appVersion: this.version })
      return outcome.doc
    }
    if (outcome.state === 'missing' && !(await pathExists(this.backupPath(1)))) return null
    return this.recover(outcome.state === 'bad' ? outcome.why : 'missing')
  }

  async write(data: T): Promise<void> {
    if (this.readOnly) throw new Error('This data was written by a newer version of Civic Learn and is open read-only.')
    const text = JSON.stringify(data)
    await writeFileAtomic(this.file, text)
    this.onDisk = text
    this.onDiskHash = textHash(text)
    // The file now holds the journal's entries: a journal a crash leaves behind names the old file, so it is never replayed.
    if (this.journalLines.length > 0 || this.journal.bytes > 0) await this.journal.remove().catch(() => undefined)
    this.journalLines = []
    // The write is done: a backup that cannot be taken now (a full disk) costs a backup, never the write.
    await this.backup(false).catch(() => undefined)
  }

  /** Appends entries (JSON lines) to the journal and resolves once they are on disk. Needs a file to continue. */
  async appendJournal(lines: string[]): Promise<void> {
    if (this.onDiskHash === null) throw new Error('A journal continues a file, and there is no file yet.')
    await this.journal.append(lines.join(''), this.onDiskHash)
    this.journalLines.push(...lines)
  }

  /** The document as the disk holds it: the file with its journal replayed. */
  savedDocument(): T {
    const doc = JSON.parse(this.onDisk === '' ? JSON.stringify(this.spec.create()) : this.onDisk) as T
    const journal = this.spec.journal
    if (journal) for (const line of this.journalLines) journal.apply(doc, JSON.parse(line) as J)
    return doc
  }

  /**
   * Applies the journal a crash left to the document just read, so that every change acknowledged
   * is there. A line that does not read ends the replay: the journal is set aside and the learner
   * told. What was replayed is folded into the file by the next write (`needsWrite`).
   */
  private async replayJournal(doc: T, hash: string): Promise<void> {
    const journal = this.spec.journal
    if (!journal) return
    const read = await readJournal(this.journal.file, hash, journal.entry)
    if (read.state === 'none' || (read.state === 'ok' && read.entries.length === 0)) return this.journal.remove()
    for (const entry of read.entries) journal.apply(doc, entry)
    this.journalLines = read.entries.map((entry) => `${JSON.stringify(entry)}\n`)
    this.needsWrite = true
    if (read.state === 'damaged') {
      const setAside = await setAsideFile(this.journal.file, this.now())
      this.notices.push({ kind: 'recovered', setAside, restoredFrom: this.file, backupTakenAt: null })
    }
  }

  /** Removes the file, its backups and anything set aside: "delete all my data". */
  async destroy(): Promise<void> {
    await this.journal.remove()
    this.journalLines = []
    this.onDiskHash = null
    const prefix = `${this.spec.name}.json`
    for (const name of await readdir(this.dir).catch(() => [])) {
      if (name.startsWith(prefix) && !name.endsWith('.lock')) await rm(path.join(this.dir, name), { force: true })
    }
    for (let index = 1; index <= this.backupCount + 1; index++) await rm(this.backupPath(index), { force: true })
    await rmdir(this.backupDir).catch(() => undefined)
  }

  /** Copies the file as the newest backup, at most once per interval unless forced (as on opening). */
  private async backup(force: boolean): Promise<void> {
    const now = this.now().getTime()
    if (!force && now - this.lastBackupAt < this.backupIntervalMs) return
    this.lastBackupAt = now
    await mkdir(this.backupDir, { recursive: true })
    // Rotate: .1 is the newest; the oldest falls off the end.
    for (let index = this.backupCount - 1; index >= 1; index--) {
      await rename(this.backupPath(index), this.backupPath(index + 1)).catch(() => undefined)
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
    const marked = (raw as Record<string, unknown>).schemaVersion
    const version = marked === undefined ? this.spec.unmarkedVersion : marked
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { state: 'bad', why: 'it has no schema version' }
    }
    if (version > this.version) {
      // Read-only, but still untrusted: what this version can check of it is used, and nothing else.
      const readable = this.spec.schema.safeParse({ ...(raw as Record<string, unknown>), schemaVersion: this.version })
      return { state: 'newer', version, doc: readable.success ? readable.data : this.spec.create() }
    }
    let migrated = raw as Record<string, unknown>
    for (let from = version; from < this.version; from++) {
      const migration = this.spec.migrations[from - 1]
      if (!migration) return { state: 'bad', why: `no migration from version ${from}` }
      migrated = { ...migration(migrated), schemaVersion: from + 1 }
    }
    const parsed = this.spec.schema.safeParse(migrated)
    if (!parsed.success) return { state: 'bad', why: 'its content does not match what Civic Learn expects' }
    return { state: 'ok', doc: parsed.data, migratedFrom: version < this.version ? version : null, hash: textHash(text) }
  }

  /** Sets the damaged file aside (never deletes it) and restores the newest backup that reads. */
  private async recover(why: string): Promise<T> {
    const setAside = why === 'missing' ? '' : await setAsideFile(this.file, this.now())
    // A journal continues the damaged file, not a backup: it is kept beside it.
    if (await pathExists(this.journal.file)) await setAsideFile(this.journal.file, this.now())
    this.needsWrite = true
    for (let index = 1; index <= this.backupCount; index++) {
      const candidate = this.backupPath(index)
      const outcome = await this.readFileAt(candidate)
      if (outcome.state !== 'ok') continue
      const taken = await stat(candidate)
      this.notices.push({ kind: 'recovered', setAside, restoredFrom: candidate, backupTakenAt: taken.mtime.toISOString() })
      return outcome.doc
    }
    this.notices.push({ kind: 'recovered', setAside, restoredFrom: null, backupTakenAt: null })
    return this.spec.create()
  }
}

/**
 * One JSON document on disk that survives crashes, power cuts, full disks and upgrades: lowdb
 * over the durable adapter, with one write queue. Changes are made in memory at once and written
 * at most once per debounce interval; `flush` resolves once everything changed so far is on disk.
 * Failed writes keep the data in memory and are retried, with the learner told once.
 *
 * Each change is numbered, so a caller that must not answer before its change is on disk waits
 * for that change only (`flush(change)`): changes made while a write runs go together in the next
 * one (group commit). A caller that reports a failed write waits with `commit`, which also undoes
 * what is not on disk, so the retry its client sends is applied once.
 *
 * A document with a journal (`spec.journal`) saves small changes made with `append` as an append
 * to its journal, which is folded into the file once it grows, when the document closes, and
 * whenever a whole-file change is written anyway.
 */
export class DurableDocument<T extends Versioned, J = never> {
  private readonly db: Low<T>
  private readonly adapter: DurableAdapter<T, J>
  private readonly debounceMs: number
  private timer: NodeJS.Timeout | null = null
  /** Folds the journal into the file once appends stop for a while. */
  private foldTimer: NodeJS.Timeout | null = null
  private writing: Promise<void> | null = null
  private dirty = false
  private failures = 0
  private lock: LockHandle | null = null
  /** The number of the last change made in memory. */
  private changes = 0
  /** Every change up to this number is on disk. */
  private savedUpTo = 0
  /** Changes up to this number were dropped after a failed write, and will never be on disk. */
  private droppedUpTo = 0
  /** Journal entries made in memory and waiting to be appended, as JSON lines, with their change numbers. */
  private queued: { line: string; change: number }[] = []

  private constructor(
    dir: string,
    private readonly spec: DocumentSpec<T, J>,
    options: StoreOptions,
  ) {
    this.adapter = new DurableAdapter(dir, spec, options)
    this.debounceMs = options.debounceMs ?? 250
    this.db = new Low<T>(this.adapter, spec.create())
  }

  static async open<T extends Versioned, J = never>(dir: string, spec: DocumentSpec<T, J>, options: StoreOptions = {}): Promise<DurableDocument<T, J>> {
    const doc = new DurableDocument(dir, spec, options)
    try {
      await mkdir(dir, { recursive: true })
      if (options.lock) doc.lock = await acquireLock(`${doc.file}.lock`)
    } catch (error) {
      throw error instanceof StoreLockedError ? error : explainFileError(dir, error, 'open')
    }
    try {
      await doc.db.read()
      if (doc.adapter.needsWrite) {
        doc.dirty = true
        await doc.flush(++doc.changes)
      }
    } catch (error) {
      await doc.lock?.release()
      throw explainFileError(doc.file, error, 'open')
    }
    return doc
  }

  get file(): string {
    return this.adapter.file
  }

  get notices(): StoreNotice[] {
    return this.adapter.notices
  }

  get readOnly(): boolean {
    return this.adapter.readOnly
  }

  get version(): number {
    return this.adapter.version
  }

  get data(): Readonly<T> {
    return this.db.data
  }

  /** A change is waiting to be written, or being written. */
  get pending(): boolean {
    return this.dirty || this.queued.length > 0 || this.writing !== null
  }

  /** Changes the document in memory now; the write follows within the debounce interval. Returns the change's number, for `flush`. */
  update(change: (draft: T) => T | void): number {
    if (this.readOnly) throw new Error('This data was written by a newer version of Civic Learn and is open read-only.')
    const result = change(this.db.data)
    if (result) this.db.data = result
    this.dirty = true
    this.changes++
    this.schedule(this.debounceMs)
    return this.changes
  }

  /**
   * Changes the document in memory now by a journal entry (see `spec.journal`), saved by appending
   * it to the journal at the next `flush`, or within the debounce interval. Returns the change's number.
   * While a whole-file write is due anyway (or there is no file yet to continue), the entry goes with it.
   */
  append(entry: J): number {
    const journal = this.spec.journal
    if (!journal) throw new Error(`${this.file} keeps no journal.`)
    if (this.readOnly) throw new Error('This data was written by a newer version of Civic Learn and is open read-only.')
    journal.apply(this.db.data, entry)
    this.changes++
    if (this.dirty || this.adapter.onDiskHash === null) this.dirty = true
    else this.queued.push({ line: `${JSON.stringify(entry)}\n`, change: this.changes })
    this.schedule(this.debounceMs)
    return this.changes
  }

  /**
   * Writes now and resolves once every change up to `change` (by default, every change so far)
   * is on disk; rejects if the write fails or the change was dropped.
   */
  async flush(change?: number): Promise<void> {
    this.cancelTimer()
    const target = change ?? this.changes
    while (this.savedUpTo < target) {
      if (target <= this.droppedUpTo) {
        // Undone after a failed write: the caller of that change was told; for "everything so far", nothing is left to write.
        if (change === undefined) return
        throw new Error(`That change to ${this.file} was not saved, and was undone.`)
      }
      try {
        await (this.writing ?? this.writeNow())
      } catch (error) {
        throw explainFileError(this.file, error, 'save')
      }
    }
  }

  /**
   * Resolves once `change` is on disk, like `flush`. When the write fails, every change not on disk
   * is undone, so the document is again what the file holds, and whoever waits for those changes
   * is told they failed: for a caller that reports the failure, whose client will send the change
   * again and must not have it applied twice. Nothing is then left to retry.
   */
  async commit(change: number): Promise<void> {
    try {
      await this.flush(change)
    } catch (error) {
      // A write started meanwhile (another caller's) may still have saved this change.
      while (this.writing) await this.writing.catch(() => undefined)
      if (this.savedUpTo >= change) return
      if (change > this.droppedUpTo) {
        this.db.data = this.adapter.savedDocument()
        this.droppedUpTo = this.changes
        this.dirty = false
        this.queued = []
        this.cancelTimer()
      }
      throw error
    }
  }

  /**
   * Writes what is pending and lets the file go. When the write fails (a full disk), the unsaved
   * document is kept where it can be, beside the file or else in the system's temporary folder,
   * and the error says where: nothing is dropped without a word.
   */
  async close(): Promise<void> {
    try {
      if (!this.readOnly) {
        // The journal is folded in, so the file alone holds everything.
        if (this.adapter.journalLines.length > 0 || this.queued.length > 0) this.wantWholeWrite()
        await this.flush()
      }
    } catch (error) {
      const failed = explainFileError(this.file, error, 'save')
      const keptAt = await this.keepUnsaved()
      throw new StoreFileError(
        this.file,
        failed.code,
        `${failed.message} ${keptAt ? `The changes it could not save were kept in ${keptAt}.` : 'The changes it could not save could not be kept anywhere else either.'}`,
      )
    } finally {
      this.cancelTimer()
      this.cancelFold()
      await this.lock?.release()
      this.lock = null
    }
  }

  /** Writes the document as it is in memory to a file of its own, wherever that works; returns where, or null. */
  private async keepUnsaved(): Promise<string | null> {
    const text = JSON.stringify(this.db.data)
    const stamp = fileStamp(new Date())
    const unique = randomBytes(4).toString('hex')
    for (const target of [`${this.file}.unsaved-${stamp}`, path.join(os.tmpdir(), `civic-learn-unsaved-${this.spec.name}-${stamp}-${unique}.json`)]) {
      try {
        // A new file only ('wx'): never through a link someone else left under that name.
        await writeFile(target, text, { mode: 0o600, flag: 'wx' })
        return target
      } catch {
        // Try the next place.
      }
    }
    return null
  }

  /** Removes the document, its backups and anything set aside, and starts again from the defaults. */
  async destroy(): Promise<void> {
    this.cancelTimer()
    this.cancelFold()
    this.dirty = false
    this.queued = []
    if (this.writing) await this.writing.catch(() => undefined)
    await this.adapter.destroy()
    this.adapter.onDisk = ''
    this.savedUpTo = this.changes
    this.db.data = this.spec.create()
  }

  /** Drops the write waiting for its debounce, when there is one. */
  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private cancelFold(): void {
    if (this.foldTimer) clearTimeout(this.foldTimer)
    this.foldTimer = null
  }

  /** Folds the journal in once no append has come for a while; each append starts the wait again. */
  private foldWhenIdle(): void {
    if (this.foldTimer) clearTimeout(this.foldTimer)
    this.foldTimer = setTimeout(() => {
      this.foldTimer = null
      if (this.adapter.journalLines.length === 0 || this.readOnly) return
      this.wantWholeWrite()
      void this.writeNow().catch(() => undefined)
    }, this.spec.journal?.foldWhenIdleMs ?? 30_000)
    this.foldTimer.unref?.()
  }

  /** The next write is of the whole file: a change of its own, so that `flush` writes it. */
  private wantWholeWrite(): void {
    this.dirty = true
    this.changes++
  }

  private schedule(delay: number): void {
    if (this.timer || this.writing) return
    this.timer = setTimeout(() => {
      this.timer = null
      // A write started meanwhile (a caller's flush) writes this change too, or schedules again.
      if (this.writing || !(this.dirty || this.queued.length > 0)) return
      void this.writeNow().catch(() => undefined)
    }, delay)
    this.timer.unref?.()
  }

  /**
   * Starts a write of everything changed so far, only ever one at a time: an append of the journal
   * entries waiting, or when any other change is waiting, the whole file (which holds them too).
   */
  private writeNow(): Promise<void> {
    if (this.writing) return this.writing
    this.cancelTimer()
    const whole = this.dirty || this.queued.length === 0
    const batch = whole ? [] : this.queued
    const covering = whole ? this.changes : (batch.at(-1)?.change ?? this.changes)
    this.dirty = false
    this.queued = []
    const write = (async () => {
      try {
        if (whole) await this.db.write()
        else {
          await this.adapter.appendJournal(batch.map((entry) => entry.line))
          if (this.adapter.journal.bytes >= (this.spec.journal?.foldAfterBytes ?? 4 * 1024 * 1024)) this.wantWholeWrite()
          else this.foldWhenIdle()
        }
        this.savedUpTo = covering
        if (this.failures > 0) this.notices.push({ kind: 'write-recovered' })
        this.failures = 0
      } catch (error) {
        this.dirty = true
        const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
        if (this.failures === 0) this.notices.push({ kind: 'write-failed', reason: reasonOf(code), code })
        this.failures++
        throw error
      } finally {
        this.writing = null
      }
    })()
    this.writing = write
    write.then(
      () => {
        if (this.dirty || this.queued.length > 0) this.schedule(this.debounceMs)
      },
      () => {
        const delay = RETRY_DELAYS_MS[Math.min(this.failures - 1, RETRY_DELAYS_MS.length - 1)] ?? 30_000
        this.schedule(delay)
      },
    )
    return write
  }
}
