import { appendFile, mkdtemp, open, readdir, readFile, rm, writeFile, type FileHandle } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import * as atomic from '../atomic-write'
import { DurableDocument, type DocumentSpec } from './durable-document'
import { JournalFile, textHash } from './journal'

/** Scores by name; a journal entry sets one name's score. */
const ScoresSchema = z.object({ schemaVersion: z.literal(1), scores: z.record(z.string(), z.number()) }).strict()
type Scores = z.infer<typeof ScoresSchema>
const EntrySchema = z.object({ name: z.string(), score: z.number() }).strict()
type Entry = z.infer<typeof EntrySchema>

const spec = (foldAfterBytes?: number, foldWhenIdleMs?: number): DocumentSpec<Scores, Entry> => ({
  name: 'scores',
  migrations: [],
  schema: ScoresSchema,
  create: () => ({ schemaVersion: 1, scores: {} }),
  journal: {
    entry: EntrySchema,
    apply: (doc, entry) => {
      doc.scores[entry.name] = entry.score
    },
    ...(foldAfterBytes === undefined ? {} : { foldAfterBytes }),
    ...(foldWhenIdleMs === undefined ? {} : { foldWhenIdleMs }),
  },
})

let dir: string
const file = () => path.join(dir, 'scores.json')
const journal = () => path.join(dir, 'scores.json.journal')

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'civic-journal-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

/** A document with a file on disk (the first change writes the file whole), and what a crash leaves after `entries` appends. */
async function crashAfter(entries: Entry[], foldAfterBytes?: number): Promise<void> {
  const doc = await DurableDocument.open(dir, spec(foldAfterBytes), { debounceMs: 60_000 })
  await doc.commit(doc.append({ name: 'first', score: 0 }))
  for (const entry of entries) await doc.commit(doc.append(entry))
  // No close: the journal stays as a crash leaves it.
}

describe('DurableDocument with a journal', () => {
  it('saves a change as an append, answered once on disk, and replays it after a crash', async () => {
    const writes = vi.spyOn(atomic, 'writeFileAtomic')
    await crashAfter([
      { name: 'ana', score: 3 },
      { name: 'ana', score: 5 },
      { name: 'ben', score: 1 },
    ])
    // Only the first change (no file yet) wrote the file; the rest are lines in the journal.
    expect(writes).toHaveBeenCalledTimes(1)
    expect((await readFile(journal(), 'utf8')).trim().split('\n')).toHaveLength(4)
    const again = await DurableDocument.open(dir, spec())
    expect(again.data.scores).toEqual({ first: 0, ana: 5, ben: 1 })
    // Opening folded the journal into the file and removed it.
    expect(JSON.parse(await readFile(file(), 'utf8')).scores).toEqual({ first: 0, ana: 5, ben: 1 })
    expect(await readdir(dir)).not.toContain('scores.json.journal')
    expect(again.notices).toEqual([])
    await again.close()
  })

  it('leaves out a last line cut short by a crash: its caller was never answered', async () => {
    await crashAfter([{ name: 'ana', score: 3 }])
    await appendFile(journal(), '{"name":"ben","sc')
    const again = await DurableDocument.open(dir, spec())
    expect(again.data.scores).toEqual({ first: 0, ana: 3 })
    expect(again.notices).toEqual([])
    await again.close()
  })

  it('never replays a journal already folded into the file (a crash between the fold and the removal)', async () => {
    await crashAfter([{ name: 'ana', score: 3 }])
    const stale = await readFile(journal(), 'utf8')
    const doc = await DurableDocument.open(dir, spec())
    doc.update((draft) => {
      draft.scores.ana = 10
    })
    await doc.close()
    // The old journal comes back, as if its removal had not reached the disk.
    await writeFile(journal(), stale)
    const again = await DurableDocument.open(dir, spec())
    expect(again.data.scores.ana).toBe(10)
    expect(await readdir(dir)).not.toContain('scores.json.journal')
    await again.close()
  })

  it('replays the lines before a damaged one, sets the journal aside and tells the learner', async () => {
    await crashAfter([
      { name: 'ana', score: 3 },
      { name: 'ben', score: 1 },
    ])
    const lines = (await readFile(journal(), 'utf8')).split('\n')
    lines[2] = '{"name":"ana","score":"lots"}'
    await writeFile(journal(), lines.join('\n'))
    const again = await DurableDocument.open(dir, spec())
    expect(again.data.scores).toEqual({ first: 0, ana: 3 })
    const kept = (await readdir(dir)).filter((name) => name.startsWith('scores.json.journal.damaged-'))
    expect(kept).toHaveLength(1)
    expect(again.notices).toEqual([{ kind: 'recovered', setAside: path.join(dir, kept[0] ?? ''), restoredFrom: file(), backupTakenAt: null }])
    await again.close()
  })

  it('keeps a journal beside a damaged file instead of replaying it onto a backup', async () => {
    await crashAfter([{ name: 'ana', score: 3 }])
    await writeFile(file(), '{"schemaVersion": 1, "sco')
    const again = await DurableDocument.open(dir, spec())
    // The backup taken when the file was first written.
    expect(again.data.scores).toEqual({ first: 0 })
    expect((await readdir(dir)).filter((name) => name.startsWith('scores.json.journal.damaged-'))).toHaveLength(1)
    await again.close()
  })

  it('folds the journal into the file once it grows past its limit, and starts a new one that continues the new file', async () => {
    const doc = await DurableDocument.open(dir, spec(200), { debounceMs: 5 })
    await doc.commit(doc.append({ name: 'first', score: 0 }))
    const writes = vi.spyOn(atomic, 'writeFileAtomic')
    for (let n = 0; n < 12; n++) await doc.commit(doc.append({ name: `learner-${n}`, score: n }))
    await vi.waitFor(() => expect(writes).toHaveBeenCalled(), { timeout: 5000 })
    await doc.flush()
    const text = await readFile(file(), 'utf8')
    const journalText = await readFile(journal(), 'utf8').catch(() => '')
    if (journalText !== '') expect(JSON.parse(journalText.split('\n')[0] ?? '').base).toBe(textHash(text))
    expect(journalText.length).toBeLessThan(400)
    const again = await DurableDocument.open(dir, spec())
    expect(Object.keys(again.data.scores)).toHaveLength(13)
    await again.close()
    await doc.close()
  })

  it('folds the journal in once appends stop for a while, so an idle document holds no journal', async () => {
    const doc = await DurableDocument.open(dir, spec(undefined, 50), { debounceMs: 60_000 })
    await doc.commit(doc.append({ name: 'first', score: 0 }))
    await doc.commit(doc.append({ name: 'ana', score: 1 }))
    expect(await readdir(dir)).toContain('scores.json.journal')
    await vi.waitFor(async () => expect(await readdir(dir)).not.toContain('scores.json.journal'), { timeout: 5000 })
    expect(JSON.parse(await readFile(file(), 'utf8')).scores).toEqual({ first: 0, ana: 1 })
    await doc.close()
  })

  it('appends changes made while an append runs together in the next one (group commit)', async () => {
    const doc = await DurableDocument.open(dir, spec(), { debounceMs: 60_000 })
    await doc.commit(doc.append({ name: 'first', score: 0 }))
    const appends = vi.spyOn(JournalFile.prototype, 'append')
    const changes = [1, 2, 3, 4, 5].map((score) => doc.append({ name: 'ana', score }))
    await Promise.all(changes.map((change) => doc.commit(change)))
    expect(appends.mock.calls.length).toBeLessThanOrEqual(2)
    expect((await readFile(journal(), 'utf8')).trim().split('\n')).toHaveLength(6)
    await doc.close()
  })

  it('undoes an append that failed, so the retry is applied once, and saves again when the disk has room', async () => {
    const doc = await DurableDocument.open(dir, spec(), { debounceMs: 60_000 })
    await doc.commit(doc.append({ name: 'first', score: 0 }))
    await doc.commit(doc.append({ name: 'ana', score: 1 }))
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const appends = vi.spyOn(JournalFile.prototype, 'append').mockRejectedValueOnce(full)
    await expect(doc.commit(doc.append({ name: 'ana', score: 2 }))).rejects.toThrow(/no space|disk is full|full/i)
    expect(appends).toHaveBeenCalledTimes(1)
    // What is in memory is again what the disk holds: the file and the journal's saved line.
    expect(doc.data.scores).toEqual({ first: 0, ana: 1 })
    expect(doc.notices).toEqual([expect.objectContaining({ kind: 'write-failed', reason: 'disk-full' })])
    await doc.commit(doc.append({ name: 'ana', score: 2 }))
    const again = await DurableDocument.open(dir, spec())
    expect(again.data.scores).toEqual({ first: 0, ana: 2 })
    await again.close()
    await doc.close()
  })

  it('cuts a half-written append back, so a line whose caller was refused is never replayed', async () => {
    const journalFile = new JournalFile(journal())
    await journalFile.append('{"name":"ana","score":1}\n', textHash('{}'))
    const before = await readFile(journal(), 'utf8')
    // The line reaches the file, then the synchronised write fails to make it durable.
    const probe = await open(journal(), 'r')
    type Write = (this: FileHandle, ...args: unknown[]) => Promise<unknown>
    const handleType = Object.getPrototypeOf(probe) as { write: Write }
    await probe.close()
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const write = handleType.write
    vi.spyOn(handleType, 'write').mockImplementationOnce(async function (this: FileHandle, ...args: unknown[]) {
      await write.apply(this, args)
      throw full
    })
    await expect(journalFile.append('{"name":"ana","score":2}\n', textHash('{}'))).rejects.toBe(full)
    expect(await readFile(journal(), 'utf8')).toBe(before)
    // The next append carries on from the saved end.
    await journalFile.append('{"name":"ben","score":3}\n', textHash('{}'))
    expect(await readFile(journal(), 'utf8')).toBe(`${before}{"name":"ben","score":3}\n`)
    await journalFile.close()
  })
})
