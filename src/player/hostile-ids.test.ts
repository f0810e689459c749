import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundleOf, moduleOf, pageOf } from '../../test/support/course-bundle'
import { quizBlock } from '../../test/support/scorm-courses'
import type { Block } from '../core/course/blocks'
import type { CourseBundle } from '../core/course/bundle'
import { IdSchema } from '../core/course/ids'
import { courseStatus, moduleStatus, quizStanding } from '../core/progress/completion'
import { emptyProgress } from '../core/progress/empty-progress'
import { applyEvent, applyEvents } from '../core/progress/reducer'
import type { CourseProgress, TrackingEvent } from '../core/progress/schema'
import type { Question } from '../core/questions/registry'
import { planAttempt } from '../core/quiz/attempt'
import { decodeSuspendData, encodeSuspendData } from '../core/scorm/suspend-codec'
import { createPlayerApi } from './player-api'
import { ProgressTracker } from './progress-tracker'

/**
 * Names Object.prototype already answers to. Only "constructor" passes IdSchema, but events and
 * stored progress reach the reducer, the codec and the player unchecked, so all of them are tried.
 */
const HOSTILE = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']
const NORMAL = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 10, minute)).toISOString()

interface Ids {
  modules: [string, string]
  pages: [string, string, string]
  quiz: string
  questions: [string, string]
  scenario: string
  reflection: string
  video: string
  steps: [string, string]
}

const tf = (id: string): Question => ({ type: 'true-false', id, prompt: id, explanation: 'x', weight: 1, answer: true, feedback: { correct: 'y', incorrect: 'n' } })

function courseWith(ids: Ids): CourseBundle {
  const [first, second] = ids.steps
  const scenario: Block = {
    type: 'scenario',
    id: ids.scenario,
    title: 'S',
    start: first,
    steps: [
      { id: first, text: 'A', choices: [{ id: 'a', text: 'Go', feedback: 'Went', next: second }] },
      { id: second, text: 'B', choices: [] },
    ],
  }
  const [p0, p1, p2] = ids.pages
  return bundleOf(
    [
      moduleOf(ids.modules[0], [pageOf(p0, [scenario, { type: 'reflection', id: ids.reflection, prompt: 'Think' }])]),
      moduleOf(ids.modules[1], [
        pageOf(p1, [{ type: 'video', id: ids.video, transcript: 'T' }]),
        pageOf(p2, [quizBlock(ids.quiz, ids.questions.map(tf), { passMark: 50 })]),
      ]),
    ],
    { completion: ['all-pages-viewed', 'all-quizzes-passed'] },
  )
}

/** Eleven distinct ids for the course's single namespace, and two for the scenario's own steps. */
const idsArbitrary: fc.Arbitrary<Ids> = fc
  .tuple(fc.shuffledSubarray([...HOSTILE, ...NORMAL], { minLength: 11, maxLength: 11 }), fc.shuffledSubarray([...HOSTILE, ...NORMAL], { minLength: 2, maxLength: 2 }))
  .map(([ids, steps]) => {
    const [m0, m1, p0, p1, p2, quiz, q0, q1, scenario, reflection, video] = ids as [string, string, string, string, string, string, string, string, string, string, string]
    return { modules: [m0, m1], pages: [p0, p1, p2], quiz, questions: [q0, q1], scenario, reflection, video, steps: steps as [string, string] }
  })

/** Events naming each hostile name the course does not use, in every place an id goes: all to be ignored. */
function strangerEvents(ids: Ids): TrackingEvent[] {
  const used = new Set([...ids.modules, ...ids.pages, ids.quiz, ...ids.questions, ids.scenario, ids.reflection, ids.video])
  return HOSTILE.filter((name) => !used.has(name)).flatMap((name): TrackingEvent[] => [
    { type: 'page.viewed', at: at(40), pageId: name },
    { type: 'page.time', pageId: name, seconds: 5 },
    { type: 'bookmark.toggled', pageId: name },
    { type: 'location.changed', pageId: name, scroll: 0.5 },
    { type: 'quiz.started', at: at(40), quizId: name, seed: 1 },
    { type: 'quiz.answered', quizId: name, questionId: ids.questions[0], response: true },
    { type: 'quiz.answered', quizId: ids.quiz, questionId: name, response: true },
    { type: 'quiz.checked', quizId: ids.quiz, questionId: name },
    { type: 'quiz.checked', quizId: name, questionId: ids.questions[0] },
    { type: 'quiz.submitted', at: at(40), quizId: name },
    { type: 'video.watched', blockId: name, from: 0, to: 10, duration: 60 },
    { type: 'scenario.chose', blockId: name, stepId: ids.steps[0], choiceId: 'a' },
    { type: 'scenario.restarted', blockId: name },
    { type: 'reflection.saved', at: at(40), blockId: name, text: 'x' },
  ])
}

/** A learner who views the given pages, spends ten seconds on each, and does everything else once. */
function walkthrough(course: CourseBundle, ids: Ids, viewed: readonly string[]): TrackingEvent[] {
  const quiz = course.content.en?.modules[1]?.pages[1]?.blocks[0]
  if (quiz?.type !== 'quiz') throw new Error('fixture')
  const drawn = planAttempt(quiz, 7).questionIds
  return [
    ...viewed.flatMap((pageId, index): TrackingEvent[] => [
      { type: 'page.viewed', at: at(index), pageId },
      { type: 'page.time', pageId, seconds: 10 },
    ]),
    { type: 'quiz.started', at: at(10), quizId: ids.quiz, seed: 7 },
    ...drawn.map((questionId): TrackingEvent => ({ type: 'quiz.answered', quizId: ids.quiz, questionId, response: true })),
    { type: 'quiz.checked', quizId: ids.quiz, questionId: ids.questions[0] },
    { type: 'quiz.submitted', at: at(11), quizId: ids.quiz },
    { type: 'scenario.chose', blockId: ids.scenario, stepId: ids.steps[0], choiceId: 'a' },
    { type: 'reflection.saved', at: at(12), blockId: ids.reflection, text: 'Listen first.' },
    { type: 'video.watched', blockId: ids.video, from: 0, to: 30, duration: 60 },
    { type: 'bookmark.toggled', pageId: ids.pages[1] },
    { type: 'location.changed', pageId: ids.pages[2], scroll: 0.25 },
  ]
}

const own = (record: object) => Object.keys(record).sort()

function expectLearnerProgress(course: CourseBundle, ids: Ids, viewed: readonly string[], state: CourseProgress, options: { seconds: boolean; video: boolean }) {
  expect(own(state.pages)).toEqual([...viewed].sort())
  for (const id of ids.pages) expect(Object.hasOwn(state.pages, id), id).toBe(viewed.includes(id))
  if (options.seconds) for (const id of viewed) expect(Object.getOwnPropertyDescriptor(state.pages, id)?.value).toEqual({ viewedAt: expect.any(String), seconds: 10 })
  expect(own(state.quizzes)).toEqual([ids.quiz])
  expect(quizStanding(state, ids.quiz)).toEqual({ attempts: 1, best: 100, passed: true })
  expect(own(state.scenarios)).toEqual([ids.scenario])
  expect(Object.getOwnPropertyDescriptor(state.scenarios, ids.scenario)?.value).toEqual([{ stepId: ids.steps[0], choiceId: 'a' }])
  expect(own(state.reflections)).toEqual([ids.reflection])
  expect(Object.getOwnPropertyDescriptor(state.reflections, ids.reflection)?.value).toMatchObject({ text: 'Listen first.' })
  if (options.video) expect(own(state.videos)).toEqual([ids.video])
  expect(state.bookmarks).toEqual([ids.pages[1]])
  expect(state.location).toEqual({ pageId: ids.pages[2], scroll: 0.25 })
  const status = courseStatus(course, state)
  expect(status).toMatchObject({ pagesSeen: viewed.length, pagesTotal: 3, complete: viewed.length === 3, progress: (viewed.length + 1) / 4 })
  if (options.seconds) expect(status.secondsSpent).toBe(10 * viewed.length)
}

const scenarioArbitrary = idsArbitrary.chain((ids) => fc.tuple(fc.constant(ids), fc.subarray(ids.pages)))

describe('ids that Object.prototype also answers to', () => {
  it('only "constructor" of them is a valid course id, so the others only arrive unchecked', () => {
    expect(HOSTILE.filter((name) => IdSchema.safeParse(name).success)).toEqual(['constructor'])
  })

  it('a learner who has done nothing has seen nothing, whatever the ids', () => {
    fc.assert(
      fc.property(idsArbitrary, (ids) => {
        const course = courseWith(ids)
        const state = emptyProgress(course.id, course.version)
        expect(courseStatus(course, state)).toMatchObject({ pagesSeen: 0, progress: 0, complete: false, secondsSpent: 0 })
        for (const module of course.content.en?.modules ?? []) expect(moduleStatus(course, state, module)).toBe('not-started')
        expect(quizStanding(state, ids.quiz)).toEqual({ attempts: 0, best: null, passed: false })
        for (const event of strangerEvents(ids)) expect(applyEvent(course, state, event), JSON.stringify(event)).toBe(state)
      }),
    )
  })

  it('the reducer, the completion rules and the suspend codec keep progress right', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ([ids, viewed]) => {
        const course = courseWith(ids)
        const state = applyEvents(course, emptyProgress(course.id, course.version), walkthrough(course, ids, viewed))
        expectLearnerProgress(course, ids, viewed, state, { seconds: true, video: true })
        for (const event of strangerEvents(ids)) expect(applyEvent(course, state, event), JSON.stringify(event)).toBe(state)

        const data = encodeSuspendData(course, state).data
        const decoded = decodeSuspendData(course, data)
        if (!decoded) throw new Error('the suspend data did not decode')
        expectLearnerProgress(course, ids, viewed, decoded, { seconds: false, video: false })
        expect(encodeSuspendData(course, decoded).data).toBe(data)
        // Progress read back goes on taking events as the original does.
        const more = walkthrough(course, ids, ids.pages)
        expect(courseStatus(course, applyEvents(course, decoded, more))).toEqual({ ...courseStatus(course, applyEvents(course, state, more)), secondsSpent: expect.any(Number) })
      }),
    )
  })

  it('the package’s API records and reports progress, and resumes it from storage', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ([ids, viewed]) => {
        const course = courseWith(ids)
        const saved = new Map<string, string>()
        const storage = { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => void saved.set(key, value) }
        const tracker = new ProgressTracker({ course, session: null, storage })
        tracker.load()
        const data = { format: 2 as const, scorm: 'scorm12' as const, reporting: 'passed-incomplete' as const, interactions: 'all' as const, appVersion: '1.0.0', course, markdown: { html: [], inline: [] }, translations: {} }
        const api = createPlayerApi({ data, tracker, learnerName: null, storage })
        await api['progress.record']({ courseId: course.id, events: [...strangerEvents(ids), ...walkthrough(course, ids, viewed), ...strangerEvents(ids)] })
        const progress = await api['progress.get']({ courseId: course.id })
        expectLearnerProgress(course, ids, viewed, progress, { seconds: true, video: true })
        const [overview] = await api['progress.overview']({})
        expect(overview).toMatchObject({ courseId: course.id, complete: viewed.length === 3, progress: (viewed.length + 1) / 4, secondsSpent: 10 * viewed.length })

        const resumed = new ProgressTracker({ course, session: null, storage })
        expectLearnerProgress(course, ids, viewed, resumed.load(), { seconds: false, video: false })
      }),
    )
  })
})
