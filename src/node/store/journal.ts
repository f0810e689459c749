import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { open, readFile, rm, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import { fsyncDirectory } from '../atomic-write'

/**
 * A document's journal: small changes appended to `<file>.journal`, one JSON line each, so that
 * saving a change costs one synchronised append (O_DSYNC: durable as fdatasync makes it) instead
 * of rewriting the whole file. The journal is folded into the file (written whole, atomically)
 * now and then, and then removed.
 *
 * The first line names the file the journal continues, by the hash of its text. Entries are
 * replayed only onto that file: once the file has been rewritten with them folded in, its hash
 * differs and a journal left behind by a crash is known to be stale. Each entry is a whole value
 * (set this to that), so replaying one the file already holds changes nothing.
 */
export interface JournalSpec<T, J> {
  /** What an entry may hold; entries are read back as untrusted, like the file. */
  entry: z.ZodType<J>
  /** Applies an entry to the document in place. */
  apply(doc: T, entry: J): void
  /** Fold the journal into the file once it holds this many bytes (default 4 MiB: a fold every 170 or so of the bundled course's largest entries). */
  foldAfterBytes?: number
  /** Fold the journal into the file once no entry has come for this long (default 30 s), so an idle document holds no journal in memory. */
  foldWhenIdleMs?: number
}

const FORMAT = 1

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export type JournalRead<J> =
  /** No journal, or one already folded into the file (left by a crash between the two). */
  | { state: 'none' }
  /** Every entry whose write completed, in order. A last line cut short by a crash was never acknowledged and is left out. */
  | { state: 'ok'; entries: J[] }
  /** A line in the middle does not read: the entries before it, and the line number of the first bad one. */
  | { state: 'damaged'; entries: J[]; badLine: number }

/** Reads a journal against the file it should continue, by the hash of that file's text. */
export async function readJournal<J>(file: string, fileHash: string, schema: z.ZodType<J>): Promise<JournalRead<J>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' }
    throw error
  }
  const lines = text.split('\n')
  // The part after the last line break is a write cut short: its caller was never answered.
  lines.pop()
  const header = parseLine(lines[0])
  if (!header || typeof header !== 'object' || (header as { journal?: unknown }).journal !== FORMAT) {
    // A header cut short was written with the first entries, which were never acknowledged either.
    return lines.length <= 1 ? { state: 'none' } : { state: 'damaged', entries: [], badLine: 1 }
  }
  if ((header as { base?: unknown }).base !== fileHash) return { state: 'none' }
  const entries: J[] = []
  for (let index = 1; index < lines.length; index++) {
    const parsed = schema.safeParse(parseLine(lines[index]))
    if (!parsed.success) return { state: 'damaged', entries, badLine: index + 1 }
    entries.push(parsed.data)
  }
  return { state: 'ok', entries }
}

function parseLine(line: string | undefined): unknown {
  if (line === undefined) return undefined
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}

/** Writes that return once their data is on disk (O_DSYNC; O_SYNC where the system has no O_DSYNC). */
const SYNCED_WRITE = constants.O_RDWR | (constants.O_DSYNC ?? constants.O_SYNC)

/** The journal file as it is written: appends, each durable before it resolves, and removal after a fold. */
export class JournalFile {
  /** Bytes of the journal known to be on disk. */
  bytes = 0
  private handle: FileHandle | null = null

  constructor(readonly file: string) {}

  /**
   * Appends entries (JSON lines) and resolves once they are on disk. The first append after a
   * fold starts the journal afresh with its header, naming the file it continues by its hash.
   * On failure the journal is cut back to what was on disk before, where that can be done.
   */
  async append(lines: string, fileHash: string): Promise<void> {
    const starting = this.bytes === 0
    const text = starting ? `${JSON.stringify({ journal: FORMAT, base: fileHash })}\n${lines}` : lines
    try {
      if (starting) {
        await this.close()
        this.handle = await open(this.file, SYNCED_WRITE | constants.O_CREAT | constants.O_TRUNC, 0o600)
      }
      const handle = this.handle ?? (this.handle = await open(this.file, SYNCED_WRITE))
      const data = Buffer.from(text, 'utf8')
      // Opened for synchronised data writes: the write returns once its data is on disk (as
      // fdatasync would make it), one call instead of two.
      await handle.write(data, 0, data.length, this.bytes)
      if (starting) {
        // A new file: its size and its name in the folder must be on disk too.
        await handle.sync()
        await fsyncDirectory(path.dirname(this.file))
      }
      this.bytes += data.length
    } catch (error) {
      await this.handle?.truncate(this.bytes).catch(() => undefined)
      await this.close()
      throw error
    }
  }

  /** Removes the journal once the file holds everything in it. */
  async remove(): Promise<void> {
    await this.close()
    this.bytes = 0
    await rm(this.file, { force: true })
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await handle?.close().catch(() => undefined)
  }
}
