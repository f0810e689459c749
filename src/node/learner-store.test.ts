import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CourseBundle } from '../core/course/bundle'
import { planAttempt } from '../core/quiz/attempt'
import { loadCourseFolder } from './course-loader'
import * as atomic from './atomic-write'
import { LearnerStore } from './learner-store'
import { JournalFile } from './store/journal'

let course: CourseBundle
let dir: string

beforeAll(async () => {
  const result = await loadCourseFolder(path.resolve(__dirname, '../../e2e/fixtures/courses/every-block'))
  if (!result.bundle) throw new Error(`fixture does not load: ${JSON.stringify(result.problems)}`)
  course = result.bundle
})

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'civic-learners-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

const open = () => LearnerStore.open(dir, { defaultName: 'Priya', debounceMs: 5 })

describe('LearnerStore', () => {
  it('starts a personal machine with one profile, chosen, without asking', async () => {
    const store = await open()
    const { activeId, profiles } = store.profiles()
    expect(profiles).toHaveLength(1)
    expect(profiles[0]).toMatchObject({ name: 'Priya', hasPin: false })
    expect(activeId).toBe(profiles[0]?.id)
    await store.close()
  })

  it('keeps each learner’s progress apart and across a restart', async () => {
    const store = await open()
    const priya = store.profiles().activeId ?? ''
    await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    const tom = await store.createProfile('Tom')
    await store.switchProfile(tom.id)
    expect((await store.progress(course)).pages).toEqual({})
    await store.record(course, [{ type: 'reflection.saved', at: '2026-11-21T10:05:00Z', blockId: 'where-residents-talk', text: 'Nextdoor' }])
    await store.close()

    const again = await open()
    expect(again.profiles().activeId).toBe(tom.id)
    expect((await again.progress(course)).reflections['where-residents-talk']?.text).toBe('Nextdoor')
    await again.switchProfile(priya)
    expect(Object.keys((await again.progress(course)).pages)).toEqual(['quiz'])
    expect((await again.progress(course)).reflections).toEqual({})
    await again.close()
  })

  it('resumes an unfinished quiz with its answers after a restart', async () => {
    const store = await open()
    const quiz = course.content.en?.modules.flatMap((module) => module.pages).flatMap((page) => page.blocks).find((block) => block.type === 'quiz')
    if (quiz?.type !== 'quiz') throw new Error('fixture has no quiz')
    const [first] = planAttempt(quiz, 99).questionIds
    await store.record(course, [
      { type: 'quiz.started', at: '2026-11-21T10:00:00Z', quizId: quiz.id, seed: 99 },
      { type: 'quiz.answered', quizId: quiz.id, questionId: first ?? '', response: 'a' },
      { type: 'location.changed', pageId: 'quiz', scroll: 0.5 },
    ])
    await store.close()
    const again = await open()
    const progress = await again.progress(course)
    expect(progress.quizzes[quiz.id]?.current).toEqual({ seed: 99, startedAt: '2026-11-21T10:00:00Z', responses: { [first ?? '']: 'a' } })
    expect(progress.location).toEqual({ pageId: 'quiz', scroll: 0.5 })
    await again.close()
  })

  it('asks for the PIN of a profile that has one, and stores only a salted hash', async () => {
    const store = await open()
    const alys = await store.createProfile('Alys')
    await store.setPin(alys.id, '4321')
    await expect(store.switchProfile(alys.id, '0000')).rejects.toThrow(/PIN is not right/)
    await expect(store.switchProfile(alys.id)).rejects.toThrow(/PIN is not right/)
    expect((await store.switchProfile(alys.id, '4321')).name).toBe('Alys')
    await store.close()
    // Only a salt and a hash are kept: random base64 may by chance contain "4321", so look at the values, not the text.
    const saved = JSON.parse(await readFile(path.join(dir, 'learners', 'index.json'), 'utf8')) as { profiles: { id: string; pin?: Record<string, string> }[] }
    const record = saved.profiles.find((profile) => profile.id === alys.id)?.pin ?? {}
    expect(Object.keys(record).sort()).toEqual(['hash', 'salt'])
    expect(record.hash).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(JSON.stringify(saved, (_key, value: unknown) => (value === '4321' ? 'PIN FOUND' : value))).not.toContain('PIN FOUND')
    const again = await open()
    await again.setPin(alys.id, null)
    expect((await again.switchProfile(alys.id)).hasPin).toBe(false)
    await again.close()
  })

  it('deletes a profile with its data, and renames', async () => {
    const store = await open()
    const euan = await store.createProfile('Euan')
    await store.switchProfile(euan.id)
    await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    await store.flush()
    expect(await readdir(path.join(dir, 'learners'))).toContain(`${euan.id}.json`)
    expect((await store.renameProfile(euan.id, '  Cllr Euan Reid ')).name).toBe('Cllr Euan Reid')
    await store.deleteProfile(euan.id)
    expect(store.profiles().profiles.map((profile) => profile.name)).toEqual(['Priya'])
    expect(store.profiles().activeId).toBe(store.profiles().profiles[0]?.id)
    await expect(store.renameProfile(euan.id, 'x')).rejects.toThrow(/no such learner/)
    await store.close()
    expect(await readFile(path.join(dir, 'learners', 'index.json'), 'utf8')).not.toContain('Euan')
    const left = [...(await readdir(path.join(dir, 'learners'))), ...(await readdir(path.join(dir, 'learners', 'backups')))]
    expect(left.filter((name) => name.includes(euan.id))).toEqual([])
  })

  it('writes only the learner whose progress changed, however many learners there are', async () => {
    const store = await open()
    const ids: string[] = []
    for (let n = 0; n < 30; n++) ids.push((await store.createProfile(`Learner ${n}`)).id)
    for (const id of ids) {
      await store.switchProfile(id)
      await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    }
    await store.flush()
    const writes = vi.spyOn(atomic, 'writeFileAtomic')
    const appends = vi.spyOn(JournalFile.prototype, 'append')
    await store.record(course, [{ type: 'location.changed', pageId: 'quiz', scroll: 0.25 }])
    await store.flush()
    // A progress event is one append to that learner's journal, not a write of any file.
    expect(writes).not.toHaveBeenCalled()
    expect(appends.mock.contexts.map((journal) => path.basename((journal as JournalFile).file))).toEqual([`${ids.at(-1)}.json.journal`])
    await store.close()
    // Closing folds each journal into its learner's file.
    expect(writes.mock.calls.map(([file]) => path.basename(file))).toEqual([`${ids.at(-1)}.json`])
  })

  it('keeps every acknowledged event when the process stops without closing, folding the journal in on the next start', async () => {
    const store = await LearnerStore.open(dir, { defaultName: 'Priya', debounceMs: 60_000 })
    await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    await store.record(course, [{ type: 'bookmark.toggled', pageId: 'quiz' }])
    await store.record(course, [{ type: 'location.changed', pageId: 'quiz', scroll: 0.5 }])
    const expected = await store.progress(course)
    // No flush, no close: what a crash leaves. A second store reads the same folder.
    const learners = path.join(dir, 'learners')
    expect((await readdir(learners)).filter((name) => name.endsWith('.journal'))).toHaveLength(1)
    const again = await LearnerStore.open(dir, { defaultName: 'Priya' })
    expect(await again.progress(course)).toEqual(expected)
    // Opening the learner folded the journal into their file, and removed it.
    expect((await readdir(learners)).filter((name) => name.endsWith('.journal'))).toEqual([])
    const file = JSON.parse(await readFile(path.join(learners, `${again.profiles().activeId}.json`), 'utf8'))
    expect(file.progress[course.id].bookmarks).toEqual(['quiz'])
    await again.close()
    await store.close()
  })

  it('answers a progress event only once it is on disk', async () => {
    const store = await LearnerStore.open(dir, { defaultName: 'Priya', debounceMs: 60_000 })
    const id = store.profiles().activeId ?? ''
    await store.record(course, [{ type: 'bookmark.toggled', pageId: 'quiz' }])
    // No flush, no close: the file as a crash would leave it.
    const stored = JSON.parse(await readFile(path.join(dir, 'learners', `${id}.json`), 'utf8'))
    expect(stored.progress[course.id].bookmarks).toEqual(['quiz'])
    await store.close()
  })

  it('refuses progress it cannot save, undoing it, so the client’s retry is applied once', async () => {
    const store = await open()
    await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const spy = vi.spyOn(atomic, 'writeFileAtomic').mockRejectedValue(full)
    const appendSpy = vi.spyOn(JournalFile.prototype, 'append').mockRejectedValue(full)
    const toggle = [{ type: 'bookmark.toggled', pageId: 'quiz' } as const]
    await expect(store.record(course, toggle)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/could not be saved/) })
    expect(appendSpy).toHaveBeenCalled()
    expect((await store.progress(course)).bookmarks).toEqual([])
    spy.mockRestore()
    appendSpy.mockRestore()
    // The client sends the same event again: a toggle applied twice would undo itself.
    await store.record(course, toggle)
    await store.close()
    const again = await open()
    expect((await again.progress(course)).bookmarks).toEqual(['quiz'])
    await again.close()
  })

  it('sets a damaged learner file aside and restores that learner from their backup, leaving the others alone', async () => {
    const store = await open()
    const priya = store.profiles().activeId ?? ''
    await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    const tom = await store.createProfile('Tom')
    await store.switchProfile(tom.id)
    await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    await store.close()
    // Each was backed up when first written in this run; now one learner's file is cut short.
    await writeFile(path.join(dir, 'learners', `${priya}.json`), '{"schemaVersion": 1, "progr')

    const again = await open()
    await again.switchProfile(priya)
    expect(Object.keys((await again.progress(course)).pages)).toEqual(['quiz'])
    expect(again.notices).toEqual([expect.objectContaining({ kind: 'recovered', restoredFrom: path.join(dir, 'learners', 'backups', `${priya}.1.json`) })])
    await again.switchProfile(tom.id)
    expect(Object.keys((await again.progress(course)).pages)).toEqual(['quiz'])
    expect(again.notices).toHaveLength(1)
    await again.close()
  })
})

describe('LearnerStore: an index from an earlier version', () => {
  it.each([1, 2, 3])('reads a version %i index as version 4, with its learners and their PINs, keeping a copy first', async (version) => {
    await mkdir(path.join(dir, 'learners'), { recursive: true })
    const pin = { salt: 'c2FsdA==', hash: 'aGFzaA==' }
    const older = { schemaVersion: version, activeProfileId: 'a1', profiles: [{ id: 'a1', name: 'Priya', createdAt: '2026-11-01T09:00:00.000Z', pin }] }
    await writeFile(path.join(dir, 'learners', 'index.json'), JSON.stringify(older))
    const store = await open()
    expect(store.notices).toEqual([expect.objectContaining({ kind: 'migrated', from: version, to: 4 })])
    expect(store.profiles().profiles).toEqual([expect.objectContaining({ id: 'a1', name: 'Priya', hasPin: true })])
    expect(store.hasTrainerPin).toBe(false)
    await store.close()
    expect(JSON.parse(await readFile(path.join(dir, 'learners', 'index.json'), 'utf8'))).toEqual({ ...older, schemaVersion: 4 })
  })
})

describe('LearnerStore: a hostile index', () => {
  it('is set aside when a learner id could name a file outside the folder, and nothing is written there', async () => {
    await mkdir(path.join(dir, 'learners'), { recursive: true })
    const hostile = { schemaVersion: 1, activeProfileId: '../../evil', profiles: [{ id: '../../evil', name: 'Evil', createdAt: '2026-11-01T09:00:00.000Z' }] }
    await writeFile(path.join(dir, 'learners', 'index.json'), JSON.stringify(hostile))
    const store = await open()
    expect(store.notices).toEqual([expect.objectContaining({ kind: 'recovered', restoredFrom: null })])
    expect(store.profiles().profiles.map((profile) => profile.name)).toEqual(['Priya'])
    await store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    await store.close()
    expect((await readdir(path.dirname(dir))).filter((name) => name.startsWith('evil'))).toEqual([])
    expect((await readdir(dir)).sort()).toEqual(['learners'])
  })
})

describe('LearnerStore: learners kept in one file by earlier versions', () => {
  const progressOf = (pageId: string) => ({
    courseId: course.id,
    courseVersion: course.version,
    pages: { [pageId]: { viewedAt: '2026-11-21T10:00:00.000Z', seconds: 12 } },
    videos: {},
    quizzes: {},
    scenarios: {},
    reflections: { 'where-residents-talk': { text: 'Nextdoor', savedAt: '2026-11-21T10:05:00.000Z' } },
    bookmarks: [],
  })
  const version1 = {
    schemaVersion: 1,
    activeProfileId: 'b2',
    profiles: [
      { id: 'a1', name: 'Priya', createdAt: '2026-11-01T09:00:00.000Z' },
      { id: 'b2', name: 'Tom', createdAt: '2026-11-02T09:00:00.000Z', pin: { salt: 'c2FsdA==', hash: 'aGFzaA==' } },
      { id: '../../escape', name: 'Odd', createdAt: '2026-11-03T09:00:00.000Z' },
    ],
    progress: {},
  }
  const writeVersion1 = async () => {
    const text = JSON.stringify({ ...version1, progress: { a1: { [course.id]: progressOf('quiz') }, b2: {}, '../../escape': { [course.id]: progressOf('quiz') } } })
    await writeFile(path.join(dir, 'learners.json'), text)
    return text
  }

  it('moves each learner into a file of their own, keeping a copy of the old file first, and says so', async () => {
    const original = await writeVersion1()
    const store = await open()
    expect(store.profiles().profiles.map((profile) => [profile.name, profile.hasPin])).toEqual([
      ['Priya', false],
      ['Tom', true],
      ['Odd', false],
    ])
    expect(store.profiles().activeId).toBe('b2')
    expect((await store.progress(course)).pages).toEqual({})
    await store.switchProfile('a1')
    // Progress from before practice feeds and comments gains their empty slice and list.
    expect(await store.progress(course)).toEqual({ ...progressOf('quiz'), feeds: {}, comments: [] })
    // An id that would not be safe as a file name gets a new one; the learner's progress goes with it.
    const odd = store.profiles().profiles[2]?.id ?? ''
    expect(odd).toMatch(/^[0-9a-f-]{36}$/)
    await store.switchProfile(odd)
    expect(await store.progress(course)).toEqual({ ...progressOf('quiz'), feeds: {}, comments: [] })
    const [notice] = store.notices
    expect(notice).toMatchObject({ kind: 'migrated', from: 1, to: 2 })
    expect(notice?.kind === 'migrated' && (await readFile(notice.backup, 'utf8'))).toBe(original)
    await store.close()

    expect((await readdir(dir)).filter((name) => name.startsWith('learners.json'))).toEqual([path.basename(notice?.kind === 'migrated' ? notice.backup : '')])
    expect((await readdir(path.join(dir, 'learners'))).sort()).toEqual(['a1.json', 'b2.json', 'backups', 'index.json', `${odd}.json`].sort())
    const again = await open()
    expect(again.notices).toEqual([])
    expect(again.profiles().profiles).toHaveLength(3)
    await again.close()
  })

  it('tells the learner when the old file was damaged and its backup was moved instead', async () => {
    await mkdir(path.join(dir, 'backups'), { recursive: true })
    await writeFile(path.join(dir, 'backups', 'learners.1.json'), JSON.stringify({ ...version1, progress: {} }))
    await writeFile(path.join(dir, 'learners.json'), '{"schemaVersion": 1, "profi')
    const store = await open()
    expect(store.notices.map((notice) => notice.kind)).toEqual(['recovered', 'migrated'])
    expect(store.profiles().profiles.map((profile) => profile.name)).toEqual(['Priya', 'Tom', 'Odd'])
    await store.close()
  })

  it('finishes a move a crash interrupted after the new files were written, without moving twice', async () => {
    await writeVersion1()
    await (await open()).close()
    await writeVersion1()
    const store = await open()
    expect(store.notices).toEqual([])
    expect(store.profiles().profiles).toHaveLength(3)
    expect((await readdir(dir)).some((name) => name.startsWith('learners.json.moved-'))).toBe(true)
    expect(await readdir(dir)).not.toContain('learners.json')
    await store.close()
  })

  it('deletes the old file, its backups and the copy kept when "delete all my data" is chosen', async () => {
    await writeVersion1()
    await mkdir(path.join(dir, 'backups'), { recursive: true })
    await writeFile(path.join(dir, 'backups', 'learners.1.json'), JSON.stringify(version1))
    const store = await open()
    await store.destroyAll('Priya')
    expect((await readdir(dir)).filter((name) => name.startsWith('learners.json'))).toEqual([])
    expect(await readdir(path.join(dir, 'backups'))).toEqual([])
    expect((await readdir(path.join(dir, 'learners'))).filter((name) => name !== 'index.json' && name !== 'backups')).toEqual([])
    expect(store.profiles().profiles.map((profile) => profile.name)).toEqual(['Priya'])
    await store.close()
  })
})
