import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CourseBundle } from '../core/course/bundle'
import { planAttempt } from '../core/quiz/attempt'
import { loadCourseFolder } from './course-loader'
import { LearnerStore } from './learner-store'

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
    store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    const tom = store.createProfile('Tom')
    store.switchProfile(tom.id)
    expect(store.progress(course).pages).toEqual({})
    store.record(course, [{ type: 'reflection.saved', at: '2026-11-21T10:05:00Z', blockId: 'where-residents-talk', text: 'Nextdoor' }])
    await store.close()

    const again = await open()
    expect(again.profiles().activeId).toBe(tom.id)
    expect(again.progress(course).reflections['where-residents-talk']?.text).toBe('Nextdoor')
    again.switchProfile(priya)
    expect(Object.keys(again.progress(course).pages)).toEqual(['quiz'])
    expect(again.progress(course).reflections).toEqual({})
    await again.close()
  })

  it('resumes an unfinished quiz with its answers after a restart', async () => {
    const store = await open()
    const quiz = course.content.en?.modules.flatMap((module) => module.pages).flatMap((page) => page.blocks).find((block) => block.type === 'quiz')
    if (quiz?.type !== 'quiz') throw new Error('fixture has no quiz')
    const [first] = planAttempt(quiz, 99).questionIds
    store.record(course, [
      { type: 'quiz.started', at: '2026-11-21T10:00:00Z', quizId: quiz.id, seed: 99 },
      { type: 'quiz.answered', quizId: quiz.id, questionId: first ?? '', response: 'a' },
      { type: 'location.changed', pageId: 'quiz', scroll: 0.5 },
    ])
    await store.close()
    const again = await open()
    const progress = again.progress(course)
    expect(progress.quizzes[quiz.id]?.current).toEqual({ seed: 99, startedAt: '2026-11-21T10:00:00Z', responses: { [first ?? '']: 'a' } })
    expect(progress.location).toEqual({ pageId: 'quiz', scroll: 0.5 })
    await again.close()
  })

  it('asks for the PIN of a profile that has one, and stores only a salted hash', async () => {
    const store = await open()
    const alys = store.createProfile('Alys')
    store.setPin(alys.id, '4321')
    expect(() => store.switchProfile(alys.id, '0000')).toThrow(/PIN is not right/)
    expect(() => store.switchProfile(alys.id)).toThrow(/PIN is not right/)
    expect(store.switchProfile(alys.id, '4321').name).toBe('Alys')
    await store.close()
    // Only a salt and a hash are kept: random base64 may by chance contain "4321", so look at the values, not the text.
    const saved = JSON.parse(await readFile(path.join(dir, 'learners.json'), 'utf8')) as { profiles: { id: string; pin?: Record<string, string> }[] }
    const record = saved.profiles.find((profile) => profile.id === alys.id)?.pin ?? {}
    expect(Object.keys(record).sort()).toEqual(['hash', 'salt'])
    expect(record.hash).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(JSON.stringify(saved, (_key, value: unknown) => (value === '4321' ? 'PIN FOUND' : value))).not.toContain('PIN FOUND')
    const again = await open()
    again.setPin(alys.id, null)
    expect(again.switchProfile(alys.id).hasPin).toBe(false)
    await again.close()
  })

  it('deletes a profile with its data, and renames', async () => {
    const store = await open()
    const euan = store.createProfile('Euan')
    store.switchProfile(euan.id)
    store.record(course, [{ type: 'page.viewed', at: '2026-11-21T10:00:00Z', pageId: 'quiz' }])
    expect(store.renameProfile(euan.id, '  Cllr Euan Reid ').name).toBe('Cllr Euan Reid')
    store.deleteProfile(euan.id)
    expect(store.profiles().profiles.map((profile) => profile.name)).toEqual(['Priya'])
    expect(store.profiles().activeId).toBe(store.profiles().profiles[0]?.id)
    expect(() => store.renameProfile(euan.id, 'x')).toThrow(/no such learner/)
    await store.close()
    expect(await readFile(path.join(dir, 'learners.json'), 'utf8')).not.toContain('Euan')
  })
})
