import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import * as atomic from '../atomic-write'
import { EVENTUALLY } from '../../../test/support/eventually'
import { DurableDocument, type DocumentSpec, type Migration } from './durable-document'
import { StoreLockedError } from './lock-file'

/** A small document with a history: v1 had `names`, v2 renamed it to `people`, v3 added `count`. */
const NotesSchema = z.object({ schemaVersion: z.literal(3), people: z.array(z.string()), count: z.number() }).strict()
type Notes = z.infer<typeof NotesSchema>
const migrations: Migration[] = [
  ({ names, ...rest }) => ({ ...rest, people: names }),
  (doc) => ({ ...doc, count: (doc.people as string[]).length }),
]
const spec: DocumentSpec<Notes> = {
  name: 'notes',
  migrations,
  schema: NotesSchema,
  create: () => ({ schemaVersion: 3, people: [], count: 0 }),
}

let dir: string
const file = () => path.join(dir, 'notes.json')
const readJson = async (name = 'notes.json') => JSON.parse(await readFile(path.join(dir, name), 'utf8'))

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'civic-store-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

async function openWith(people: string[]): Promise<void> {
  const doc = await DurableDocument.open(dir, spec, { debounceMs: 5 })
  doc.update((draft) => {
    draft.people = people
    draft.count = people.length
  })
  await doc.close()
}

describe('DurableDocument: writing', () => {
  it('starts from defaults and writes nothing until something changes', async () => {
    const doc = await DurableDocument.open(dir, spec)
    expect(doc.data).toEqual(spec.create())
    expect(await readdir(dir)).toEqual([])
    await doc.close()
    expect(await readdir(dir)).toEqual([])
  })

  it('writes many quick changes as one whole-file write, atomically, and reads them back', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 50 })
    const writes = vi.spyOn(atomic, 'writeFileAtomic')
    for (let i = 0; i < 100; i++) doc.update((draft) => void draft.people.push(`p${i}`))
    await doc.flush()
    expect(writes.mock.calls.filter(([target]) => target === file())).toHaveLength(1)
    expect((await readJson()).people).toHaveLength(100)
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    await doc.close()
    const again = await DurableDocument.open(dir, spec)
    expect(again.data.people).toHaveLength(100)
    await again.close()
  })

  it('writes on its own within the debounce interval', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 20 })
    doc.update((draft) => void draft.people.push('Alys'))
    await vi.waitFor(async () => expect((await readJson()).people).toEqual(['Alys']), EVENTUALLY)
    await doc.close()
  })

  it('keeps rotating backups of earlier good copies', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 1, backupIntervalMs: 0, backups: 3 })
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      doc.update((draft) => void draft.people.push(name))
      await doc.flush()
    }
    await doc.close()
    expect((await readdir(path.join(dir, 'backups'))).sort()).toEqual(['notes.1.json', 'notes.2.json', 'notes.3.json'])
    expect((await readJson('backups/notes.1.json')).people).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect((await readJson('backups/notes.3.json')).people).toEqual(['a', 'b', 'c'])
  })
})

describe('DurableDocument: recovery', () => {
  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['empty', () => ''],
    ['binary junk', () => '\u0000\u0001garbage'],
    ['the wrong shape', () => JSON.stringify({ schemaVersion: 3, people: 'nope' })],
    ['missing its version', () => JSON.stringify({ people: [] })],
  ])('sets a %s file aside and restores the newest good backup', async (_label, damage) => {
    await openWith(['Priya', 'Tom'])
    const good = await readFile(file(), 'utf8')
    await writeFile(file(), damage(good))

    const doc = await DurableDocument.open(dir, spec)
    expect(doc.data.people).toEqual(['Priya', 'Tom'])
    const [notice] = doc.notices
    expect(notice).toMatchObject({ kind: 'recovered', restoredFrom: path.join(dir, 'backups', 'notes.1.json') })
    // The damaged file is kept for inspection, never deleted.
    const setAside = notice?.kind === 'recovered' ? notice.setAside : ''
    expect(await readFile(setAside, 'utf8')).toBe(damage(good))
    expect((await readJson()).people).toEqual(['Priya', 'Tom'])
    await doc.close()
  })

  it('skips damaged backups and falls back to defaults, telling the learner nothing could be restored', async () => {
    await writeFile(file(), '{"schemaVersion": 3, "peo')
    const doc = await DurableDocument.open(dir, spec)
    expect(doc.data).toEqual(spec.create())
    expect(doc.notices).toEqual([expect.objectContaining({ kind: 'recovered', restoredFrom: null })])
    expect((await readdir(dir)).some((name) => name.startsWith('notes.json.damaged-'))).toBe(true)
    await doc.close()
  })

  it('opens a file from a newer version read-only and never overwrites it', async () => {
    const newer = JSON.stringify({ schemaVersion: 9, people: ['Euan'], future: true })
    await writeFile(file(), newer)
    const doc = await DurableDocument.open(dir, spec)
    expect(doc.readOnly).toBe(true)
    expect(doc.notices).toEqual([{ kind: 'newer-version', fileVersion: 9, appVersion: 3 }])
    expect(() => doc.update((draft) => void draft.people.push('x'))).toThrow(/newer version/)
    await doc.close()
    expect(await readFile(file(), 'utf8')).toBe(newer)
  })

  it('uses only what it can check of a newer file: its shape is untrusted too', async () => {
    await writeFile(file(), JSON.stringify({ schemaVersion: 9, people: ['Euan', 'Tom'], count: 2 }))
    const readable = await DurableDocument.open(dir, spec)
    expect(readable.data).toEqual({ schemaVersion: 3, people: ['Euan', 'Tom'], count: 2 })
    await readable.close()
    const hostile = JSON.stringify({ schemaVersion: 9, people: [{ toString: 'not a name' }], count: 'many' })
    await writeFile(file(), hostile)
    const doc = await DurableDocument.open(dir, spec)
    expect(doc.readOnly).toBe(true)
    expect(doc.data).toEqual(spec.create())
    await doc.close()
    expect(await readFile(file(), 'utf8')).toBe(hostile)
  })

  it('keeps changes in memory when a write fails, warns once, and retries until it succeeds', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 1 })
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const real = atomic.writeFileAtomic
    const spy = vi.spyOn(atomic, 'writeFileAtomic')
    spy.mockRejectedValueOnce(full).mockRejectedValueOnce(full).mockImplementation(real)

    doc.update((draft) => void draft.people.push('Siobhán'))
    await expect(doc.flush()).rejects.toThrow(/could not save/)
    expect(doc.data.people).toEqual(['Siobhán'])
    expect(doc.notices).toEqual([{ kind: 'write-failed', reason: 'disk-full', code: 'ENOSPC' }])

    await vi.waitFor(() => expect(doc.notices.at(-1)).toEqual({ kind: 'write-recovered' }), EVENTUALLY)
    expect((await readJson()).people).toEqual(['Siobhán'])
    expect(doc.notices.filter((notice) => notice.kind === 'write-failed')).toHaveLength(1)
    await doc.close()
  })
})

describe('DurableDocument: waiting for one change', () => {
  it('answers a change once it is on disk, and writes changes made meanwhile together in the next write', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 60_000 })
    const real = atomic.writeFileAtomic
    const releases: (() => void)[] = []
    const release = () => releases.shift()?.()
    const writes: string[][] = []
    vi.spyOn(atomic, 'writeFileAtomic').mockImplementation(async (target, data) => {
      writes.push(JSON.parse(String(data)).people)
      await new Promise<void>((resolve) => releases.push(resolve))
      return real(target, data)
    })
    const first = doc.flush(doc.update((draft) => void draft.people.push('Alys')))
    await vi.waitFor(() => expect(writes).toHaveLength(1))
    // While the first write runs, three more changes arrive; each waits for its own.
    const later = ['Tom', 'Rhian', 'Dafydd'].map((name) => doc.flush(doc.update((draft) => void draft.people.push(name))))
    let firstDone = false
    void first.then(() => (firstDone = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(firstDone).toBe(false)
    release()
    // The first change is answered while the next write is still held.
    await first
    expect((await readJson()).people).toEqual(['Alys'])
    await vi.waitFor(() => expect(writes).toHaveLength(2))
    release()
    await Promise.all(later)
    expect(writes).toEqual([['Alys'], ['Alys', 'Tom', 'Rhian', 'Dafydd']])
    expect((await readJson()).people).toEqual(['Alys', 'Tom', 'Rhian', 'Dafydd'])
    await doc.close()
  })

  it('undoes every change not on disk when a commit fails, tells each waiting caller, and leaves nothing to retry', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 1 })
    await doc.commit(doc.update((draft) => void draft.people.push('Alys')))
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const spy = vi.spyOn(atomic, 'writeFileAtomic').mockRejectedValue(full)
    const tom = doc.commit(doc.update((draft) => void draft.people.push('Tom')))
    const rhian = doc.commit(doc.update((draft) => void draft.people.push('Rhian')))
    await expect(tom).rejects.toThrow(/could not save/)
    await expect(rhian).rejects.toThrow()
    expect(doc.data.people).toEqual(['Alys'])
    expect(doc.pending).toBe(false)
    const calls = spy.mock.calls.length
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(spy.mock.calls).toHaveLength(calls)
    spy.mockRestore()
    // The client sends Tom again: applied once.
    await doc.commit(doc.update((draft) => void draft.people.push('Tom')))
    expect((await readJson()).people).toEqual(['Alys', 'Tom'])
    await doc.close()
  })
})

describe('DurableDocument: writes that overlap or half fail', () => {
  it('never runs two writes at once, so an older copy never lands after a newer one', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 1 })
    const real = atomic.writeFileAtomic
    let running = 0
    let most = 0
    const order: string[][] = []
    vi.spyOn(atomic, 'writeFileAtomic').mockImplementation(async (target, data) => {
      running++
      most = Math.max(most, running)
      order.push(JSON.parse(String(data)).people)
      // A slow disk: longer than the debounce, so its timer fires while writes are waiting.
      await new Promise((resolve) => setTimeout(resolve, 30))
      await real(target, data)
      running--
    })
    const commits: Promise<void>[] = []
    for (const name of ['Alys', 'Tom', 'Rhian', 'Dafydd', 'Siân']) {
      commits.push(doc.commit(doc.update((draft) => void draft.people.push(name))))
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await Promise.all(commits)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(most).toBe(1)
    expect((await readJson()).people).toEqual(['Alys', 'Tom', 'Rhian', 'Dafydd', 'Siân'])
    await doc.close()
  })

  it('saves again once the disk has room after a failed commit, and has nothing left over to keep aside', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 1 })
    const spy = vi.spyOn(atomic, 'writeFileAtomic').mockRejectedValue(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))
    await expect(doc.commit(doc.update((draft) => void draft.people.push('Tom')))).rejects.toThrow()
    spy.mockRestore()
    await expect(doc.flush()).resolves.toBeUndefined()
    await doc.commit(doc.update((draft) => void draft.people.push('Rhian')))
    await doc.close()
    expect((await readJson()).people).toEqual(['Rhian'])
    expect((await readdir(dir)).filter((name) => name.includes('.unsaved-'))).toEqual([])
  })

  it('counts a write done when its backup cannot be taken, so a retry is not applied twice', async () => {
    // A file where the backups folder should be: every backup fails.
    await writeFile(path.join(dir, 'backups'), '')
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 1, backupIntervalMs: 0 })
    await doc.commit(doc.update((draft) => void draft.people.push('Alys')))
    await doc.commit(doc.update((draft) => void draft.people.push('Tom')))
    expect((await readJson()).people).toEqual(['Alys', 'Tom'])
    await doc.close()
  })
})

describe('DurableDocument: migrations', () => {
  it.each([
    [1, { schemaVersion: 1, names: ['Alys', 'Tom'] }],
    [2, { schemaVersion: 2, people: ['Alys', 'Tom'] }],
  ])('migrates a version %i file to the current version, after taking a backup', async (from, old) => {
    await writeFile(file(), JSON.stringify(old))
    const doc = await DurableDocument.open(dir, spec)
    expect(doc.data).toEqual({ schemaVersion: 3, people: ['Alys', 'Tom'], count: 2 })
    expect(await readJson()).toEqual({ schemaVersion: 3, people: ['Alys', 'Tom'], count: 2 })
    const notice = doc.notices[0]
    expect(notice).toMatchObject({ kind: 'migrated', from, to: 3 })
    if (notice?.kind === 'migrated') expect(JSON.parse(await readFile(notice.backup, 'utf8'))).toEqual(old)
    await doc.close()
  })
})

describe('DurableDocument: one writer', () => {
  it('refuses a second process while the first is alive, and names the folder', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
    try {
      await writeFile(`${file()}.lock`, JSON.stringify({ pid: other.pid, hostname: os.hostname() }))
      const error = await DurableDocument.open(dir, spec, { lock: true }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(StoreLockedError)
      expect((error as Error).message).toContain(`process ${other.pid}`)
      expect((error as Error).message).toContain('different data folder')
      expect((error as Error).message).toContain(`delete ${file()}.lock and start again`)
    } finally {
      other.kill()
    }
  })

  it.runIf(process.platform === 'linux')('takes over a lock naming a live process that is not Civic Learn (a process number reused after a restart)', async () => {
    const unrelated = spawn('sleep', ['10'])
    try {
      await writeFile(`${file()}.lock`, JSON.stringify({ pid: unrelated.pid, hostname: os.hostname() }))
      const doc = await DurableDocument.open(dir, spec, { lock: true })
      await doc.close()
    } finally {
      unrelated.kill()
    }
  })

  it('takes over a lock left by a process that has died, and releases it on close', async () => {
    const gone = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => gone.once('exit', resolve))
    await writeFile(`${file()}.lock`, JSON.stringify({ pid: gone.pid, hostname: os.hostname() }))
    const doc = await DurableDocument.open(dir, spec, { lock: true })
    expect(JSON.parse(await readFile(`${file()}.lock`, 'utf8')).pid).toBe(process.pid)
    await doc.close()
    expect(await readdir(dir)).not.toContain('notes.json.lock')
  })
})

describe('DurableDocument: destroy', () => {
  it('deletes the file, its backups and set-aside copies', async () => {
    await openWith(['a'])
    await writeFile(`${file()}.damaged-old`, 'x')
    const doc = await DurableDocument.open(dir, spec)
    await doc.destroy()
    await doc.close()
    expect(await readdir(dir)).toEqual([])
    const again = await DurableDocument.open(dir, spec)
    expect(again.data).toEqual(spec.create())
    expect(again.notices).toEqual([])
    await again.close()
  })
})

describe('DurableDocument: files it cannot use', () => {
  it('keeps what it could not save on closing, says where, and releases the file', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 60_000, lock: true })
    doc.update((draft) => void draft.people.push('Siobhán'))
    vi.spyOn(atomic, 'writeFileAtomic').mockRejectedValue(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))
    const error = await doc.close().catch((caught: unknown) => caught as Error)
    expect(error).toBeInstanceOf(Error)
    const kept = /kept in (.+)\.$/.exec((error as Error).message)?.[1] ?? ''
    expect((error as Error).message).toMatch(/could not save .*notes\.json: the disk is full \(ENOSPC\)\. Free some space/)
    expect(JSON.parse(await readFile(kept, 'utf8')).people).toEqual(['Siobhán'])
    expect((await readdir(dir)).filter((name) => name.endsWith('.lock'))).toEqual([])
  })

  it('names a data file that is a folder, and what to do, instead of EISDIR', async () => {
    await mkdir(file())
    await expect(DurableDocument.open(dir, spec)).rejects.toThrow(/could not open .*notes\.json: it is a folder, not a file\. Rename that folder/)
  })

  it('names a data folder it cannot create, and what to do, instead of ENOTDIR', async () => {
    await writeFile(path.join(dir, 'blocked'), 'a file where the data folder should be')
    await expect(DurableDocument.open(path.join(dir, 'blocked', 'data'), spec)).rejects.toThrow(/part of that path is a file where a folder should be/)
  })

  it('says a read-only folder is read-only when a write fails', async () => {
    const doc = await DurableDocument.open(dir, spec, { debounceMs: 60_000 })
    vi.spyOn(atomic, 'writeFileAtomic').mockRejectedValue(Object.assign(new Error('read-only file system'), { code: 'EROFS' }))
    const change = doc.update((draft) => void draft.people.push('Tom'))
    await expect(doc.flush(change)).rejects.toThrow(/the folder is read-only or belongs to another user \(EROFS\)\. Allow this user to write there, or choose another data folder/)
    vi.restoreAllMocks()
    await doc.close()
  })
})
