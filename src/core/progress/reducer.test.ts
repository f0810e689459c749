import { describe, expect, it } from 'vitest'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { Question } from '../questions/registry'
import { planAttempt } from '../quiz/attempt'
import { courseStatus, moduleStatus } from './completion'
import { MAX_EVENT_SECONDS, MAX_PAGE_SECONDS, MAX_VIDEO_RANGES } from './bounds'
import { applyEvent, applyEvents, mergeRange } from './reducer'
import { walkScenario } from '../course/blocks/scenario/walk'
import { emptyProgress, type TrackingEvent } from './schema'

const tf = (id: string, answer: boolean): Question => ({
  type: 'true-false',
  id,
  prompt: id,
  explanation: 'x',
  weight: 1,
  answer,
  feedback: { correct: 'y', incorrect: 'n' },
})

const course = bundleOf(
  [
    moduleOf(
      'm1',
      [
        pageOf('p1', [
          { type: 'reflection', id: 'r1', prompt: 'Think' },
          { type: 'video', id: 'v', transcript: 'T' },
        ]),
        pageOf('p2', [
          {
            type: 'scenario',
            id: 's1',
            title: 'S',
            start: 'a',
            steps: [
              { id: 'a', text: 'A', choices: [{ id: 'a', text: 'Go', feedback: 'Went', next: 'b' }] },
              { id: 'b', text: 'B', choices: [] },
            ],
          },
        ]),
      ],
      { title: 'One' },
    ),
    moduleOf('m2', [pageOf('p3', [{ type: 'quiz', id: 'q', bank: 'b', draw: 2, passMark: 80, attempts: 2, shuffle: false, questions: [tf('t1', true), tf('t2', false), tf('t3', true)] }])], { title: 'Two' }),
  ],
  { minutes: 10, completion: ['all-pages-viewed', 'all-quizzes-passed'], summary: 'Demo course' },
)

const at = (minute: number) => `2026-11-21T10:${String(minute).padStart(2, '0')}:00.000Z`
const fresh = () => emptyProgress('demo', '1.0.0')
const [m1, m2] = course.content.en?.modules ?? []

function answerAll(seed: number, right: boolean): TrackingEvent[] {
  const quiz = course.content.en?.modules[1]?.pages[0]?.blocks[0]
  if (quiz?.type !== 'quiz') throw new Error('fixture')
  const ids = planAttempt(quiz, seed).questionIds
  const truth: Record<string, boolean> = { t1: true, t2: false, t3: true }
  return [
    { type: 'quiz.started', at: at(5), quizId: 'q', seed },
    ...ids.map((id): TrackingEvent => ({ type: 'quiz.answered', quizId: 'q', questionId: id, response: right ? truth[id] ?? false : !truth[id] })),
    { type: 'quiz.submitted', at: at(6), quizId: 'q' },
  ]
}

describe('progress reducer', () => {
  it('is pure: it never changes the state it is given', () => {
    const state = fresh()
    const copy = structuredClone(state)
    applyEvent(course, state, { type: 'page.viewed', at: at(1), pageId: 'p1' })
    expect(state).toEqual(copy)
  })

  it('records pages viewed once, visible time, location and start/update times', () => {
    const state = applyEvents(course, fresh(), [
      { type: 'page.viewed', at: at(1), pageId: 'p1' },
      { type: 'page.time', pageId: 'p1', seconds: 30 },
      { type: 'page.viewed', at: at(2), pageId: 'p1' },
      { type: 'page.time', pageId: 'p1', seconds: 12.5 },
      { type: 'location.changed', pageId: 'p1', scroll: 0.4 },
    ])
    expect(state.pages).toEqual({ p1: { viewedAt: at(1), seconds: 42.5 } })
    expect(state.location).toEqual({ pageId: 'p1', scroll: 0.4 })
    expect(state.startedAt).toBe(at(1))
    expect(state.updatedAt).toBe(at(2))
  })

  it('ignores events about things the course does not have', () => {
    const state = fresh()
    for (const event of [
      { type: 'page.viewed', at: at(1), pageId: 'nope' },
      { type: 'page.time', pageId: 'p1', seconds: 5 },
      { type: 'quiz.started', at: at(1), quizId: 'nope', seed: 1 },
      { type: 'quiz.answered', quizId: 'q', questionId: 't1', response: true },
      { type: 'quiz.submitted', at: at(1), quizId: 'q' },
      { type: 'scenario.chose', blockId: 's1', stepId: 'a', choiceId: 'zz' },
      { type: 'reflection.saved', at: at(1), blockId: 'nope', text: 'x' },
      { type: 'bookmark.toggled', pageId: 'nope' },
    ] satisfies TrackingEvent[]) {
      expect(applyEvent(course, state, event), event.type).toBe(state)
    }
  })

  it('merges watched video ranges', () => {
    expect(mergeRange([[0, 10]], 5, 20)).toEqual([[0, 20]])
    expect(mergeRange([[0, 10]], 30, 40)).toEqual([[0, 10], [30, 40]])
    const state = applyEvents(course, fresh(), [
      { type: 'video.watched', blockId: 'v', from: 0, to: 10, duration: 60 },
      { type: 'video.watched', blockId: 'v', from: 50, to: 90, duration: 60 },
      { type: 'video.watched', blockId: 'v', from: 9, to: 30, duration: 60 },
    ])
    expect(state.videos.v).toEqual({ ranges: [[0, 30], [50, 60]], duration: 60 })
  })

  it('ignores watched ranges of videos the course does not have, as it does every other unknown id', () => {
    const state = fresh()
    expect(applyEvent(course, state, { type: 'video.watched', blockId: 'r1', from: 0, to: 10, duration: 60 })).toBe(state)
    expect(applyEvent(course, state, { type: 'video.watched', blockId: 'not-in-the-course', from: 0, to: 10, duration: 60 })).toBe(state)
  })

  it('keeps a video’s ranges within its length and its plausible bounds, and their number bounded', () => {
    const state = fresh()
    // Events from the SCORM player reach the reducer without the schema's checks.
    for (const [from, to, duration] of [
      [Number.NaN, 10, 60],
      [0, Number.NaN, 60],
      [0, 10, Number.NaN],
      [0, 10, 0],
      [0, 10, -5],
      [0, 10, Number.POSITIVE_INFINITY],
      [0, 10, 1e308],
    ]) {
      expect(applyEvent(course, state, { type: 'video.watched', blockId: 'v', from: from as number, to: to as number, duration: duration as number }), `${from} ${to} ${duration}`).toBe(state)
    }
    const clamped = applyEvent(course, state, { type: 'video.watched', blockId: 'v', from: -5, to: 1e308, duration: 60 })
    expect(clamped.videos.v).toEqual({ ranges: [[0, 60]], duration: 60 })
    // A sender skipping about can leave gaps everywhere; past the bound a new range is not kept.
    const scattered = Array.from({ length: MAX_VIDEO_RANGES + 10 }, (_, index): TrackingEvent => ({ type: 'video.watched', blockId: 'v', from: index * 3, to: index * 3 + 1, duration: 80_000 }))
    const watched = applyEvents(course, state, scattered)
    expect(watched.videos.v?.ranges).toHaveLength(MAX_VIDEO_RANGES)
    // Watching what joins ranges already kept still counts.
    expect(applyEvent(course, watched, { type: 'video.watched', blockId: 'v', from: 0, to: 30, duration: 80_000 }).videos.v?.ranges).toHaveLength(MAX_VIDEO_RANGES - 10)
  })

  it('caps the seconds one event and one page can add, so totals stay finite', () => {
    const viewed = applyEvent(course, fresh(), { type: 'page.viewed', at: at(1), pageId: 'p1' })
    for (const seconds of [Number.NaN, -5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(applyEvent(course, viewed, { type: 'page.time', pageId: 'p1', seconds }), String(seconds)).toBe(viewed)
    }
    expect(applyEvent(course, viewed, { type: 'page.time', pageId: 'p1', seconds: 1e308 }).pages.p1?.seconds).toBe(MAX_EVENT_SECONDS)
    const days = applyEvents(course, viewed, [
      { type: 'page.viewed', at: at(2), pageId: 'p2' },
      ...Array.from({ length: 100 }, (): TrackingEvent => ({ type: 'page.time', pageId: 'p1', seconds: 1e308 })),
      ...Array.from({ length: 100 }, (): TrackingEvent => ({ type: 'page.time', pageId: 'p2', seconds: 3600 })),
    ])
    expect(days.pages.p1?.seconds).toBe(MAX_PAGE_SECONDS)
    expect(courseStatus(course, days).secondsSpent).toBe(2 * MAX_PAGE_SECONDS)
  })

  it('ignores quiz seeds and scroll positions no client could send', () => {
    const state = fresh()
    for (const seed of [Number.NaN, -1, 1.5, 2 ** 32, Number.POSITIVE_INFINITY]) {
      expect(applyEvent(course, state, { type: 'quiz.started', at: at(1), quizId: 'q', seed }), String(seed)).toBe(state)
    }
    for (const scroll of [Number.NaN, -0.5, 2, Number.POSITIVE_INFINITY]) {
      expect(applyEvent(course, state, { type: 'location.changed', pageId: 'p1', scroll }), String(scroll)).toBe(state)
    }
  })

  it('keeps an unfinished quiz with its answers, then scores it on submit', () => {
    const events = answerAll(7, true)
    const midway = applyEvents(course, fresh(), events.slice(0, -1))
    expect(midway.quizzes.q?.current?.seed).toBe(7)
    expect(Object.keys(midway.quizzes.q?.current?.responses ?? {})).toHaveLength(2)
    const done = applyEvent(course, midway, events.at(-1) as TrackingEvent)
    expect(done.quizzes.q?.current).toBeUndefined()
    expect(done.quizzes.q?.attempts).toEqual([expect.objectContaining({ seed: 7, score: 100, passed: true, submittedAt: at(6) })])
  })

  it('refuses answers to questions the attempt did not draw, and attempts beyond the limit', () => {
    const started = applyEvent(course, fresh(), { type: 'quiz.started', at: at(1), quizId: 'q', seed: 3 })
    const quiz = course.content.en?.modules[1]?.pages[0]?.blocks[0]
    if (quiz?.type !== 'quiz') throw new Error('fixture')
    const notDrawn = ['t1', 't2', 't3'].find((id) => !planAttempt(quiz, 3).questionIds.includes(id)) ?? ''
    expect(applyEvent(course, started, { type: 'quiz.answered', quizId: 'q', questionId: notDrawn, response: true })).toBe(started)
    const twice = applyEvents(course, fresh(), [...answerAll(1, false), ...answerAll(2, false)])
    expect(twice.quizzes.q?.attempts).toHaveLength(2)
    expect(applyEvent(course, twice, { type: 'quiz.started', at: at(9), quizId: 'q', seed: 3 })).toBe(twice)
  })

  it('locks a checked answer for the rest of the attempt, even after a restart', () => {
    const quiz = course.content.en?.modules[1]?.pages[0]?.blocks[0]
    if (quiz?.type !== 'quiz') throw new Error('fixture')
    const [first = ''] = planAttempt(quiz, 5).questionIds
    let state = applyEvents(course, fresh(), [
      { type: 'quiz.started', at: at(1), quizId: 'q', seed: 5 },
      { type: 'quiz.checked', quizId: 'q', questionId: first },
    ])
    expect(state.quizzes.q?.current?.checked).toBeUndefined()
    state = applyEvents(course, state, [
      { type: 'quiz.answered', quizId: 'q', questionId: first, response: true },
      { type: 'quiz.checked', quizId: 'q', questionId: first },
      { type: 'quiz.answered', quizId: 'q', questionId: first, response: false },
    ])
    expect(state.quizzes.q?.current).toMatchObject({ responses: { [first]: true }, checked: [first] })
  })

  it('records scenario paths, reflections and bookmarks', () => {
    const state = applyEvents(course, fresh(), [
      { type: 'scenario.chose', blockId: 's1', stepId: 'a', choiceId: 'a' },
      { type: 'reflection.saved', at: at(3), blockId: 'r1', text: 'I will listen first.' },
      { type: 'bookmark.toggled', pageId: 'p2' },
      { type: 'bookmark.toggled', pageId: 'p1' },
      { type: 'bookmark.toggled', pageId: 'p2' },
    ])
    expect(state.scenarios.s1).toEqual([{ stepId: 'a', choiceId: 'a' }])
    expect(state.reflections.r1).toEqual({ text: 'I will listen first.', savedAt: at(3) })
    expect(state.bookmarks).toEqual(['p1'])
    expect(applyEvent(course, state, { type: 'scenario.restarted', blockId: 's1' }).scenarios.s1).toEqual([])
  })
})

describe('completion rules', () => {
  it('moves modules from not started to passed', () => {
    if (!m1 || !m2) throw new Error('fixture')
    let state = fresh()
    expect(moduleStatus(course, state, m1)).toBe('not-started')
    state = applyEvent(course, state, { type: 'page.viewed', at: at(1), pageId: 'p1' })
    expect(moduleStatus(course, state, m1)).toBe('in-progress')
    state = applyEvent(course, state, { type: 'page.viewed', at: at(2), pageId: 'p2' })
    expect(moduleStatus(course, state, m1)).toBe('completed')
    state = applyEvents(course, state, [{ type: 'page.viewed', at: at(3), pageId: 'p3' }, ...answerAll(1, false)])
    expect(moduleStatus(course, state, m2)).toBe('completed')
    state = applyEvents(course, state, answerAll(2, true))
    expect(moduleStatus(course, state, m2)).toBe('passed')
  })

  it('completes the course when its rules are met, and stamps the moment once', () => {
    let state = applyEvents(course, fresh(), ['p1', 'p2', 'p3'].map((pageId, i): TrackingEvent => ({ type: 'page.viewed', at: at(i), pageId })))
    expect(courseStatus(course, state)).toMatchObject({ complete: false, passed: false, score: 0, pagesSeen: 3, pagesTotal: 3 })
    state = applyEvents(course, state, answerAll(4, true))
    expect(courseStatus(course, state)).toMatchObject({ complete: true, passed: true, score: 100, progress: 1 })
    expect(state.completedAt).toBe(at(6))
    const later = applyEvent(course, state, { type: 'page.viewed', at: at(30), pageId: 'p1' })
    expect(later.completedAt).toBe(at(6))
  })

  it('keeps the time spent when the course was completed, however long the learner stays after', () => {
    let state = applyEvents(course, fresh(), ['p1', 'p2', 'p3'].flatMap((pageId, i): TrackingEvent[] => [{ type: 'page.viewed', at: at(i), pageId }, { type: 'page.time', pageId, seconds: 60 }]))
    expect(state.secondsAtCompletion).toBeUndefined()
    state = applyEvents(course, state, answerAll(4, true))
    expect(state.secondsAtCompletion).toBe(180)
    const later = applyEvent(course, state, { type: 'page.time', pageId: 'p1', seconds: 600 })
    expect(courseStatus(course, later).secondsSpent).toBe(780)
    expect(later.secondsAtCompletion).toBe(180)
  })
})

describe('scenario endings', () => {
  it('ends a scenario when the choice made leads to a step without choices', () => {
    const scenario = course.content.en?.modules.flatMap((module) => module.pages).flatMap((page) => page.blocks).find((block) => block.type === 'scenario')
    if (scenario?.type !== 'scenario') throw new Error('no scenario')
    expect(walkScenario(scenario, fresh().scenarios.s1 ?? []).current).not.toBeNull()
    const state = applyEvents(course, fresh(), [{ type: 'scenario.chose', blockId: 's1', stepId: 'a', choiceId: 'a' }])
    expect(walkScenario(scenario, state.scenarios.s1 ?? []).current).toBeNull()
  })
})

describe('comments', () => {
  const at = '2026-12-06T10:00:00.000Z'
  const comment = { id: 'c1', pageId: 'p1', blockId: 'r1', quote: { text: 'Think', language: 'en' }, kind: 'experience' as const, text: 'We tried this in our ward.', language: 'en' as const }

  it('keeps a comment on a page of the course, edits it, and deletes it', () => {
    const saved = applyEvent(course, emptyProgress('c', '1'), { type: 'comment.saved', at, comment })
    expect(saved.comments).toEqual([{ ...comment, createdAt: at }])
    expect(saved.startedAt).toBe(at)
    const later = '2026-12-06T11:00:00.000Z'
    const edited = applyEvent(course, saved, { type: 'comment.saved', at: later, comment: { ...comment, text: 'It worked.' } })
    expect(edited.comments).toEqual([{ ...comment, text: 'It worked.', createdAt: at, updatedAt: later }])
    expect(applyEvent(course, edited, { type: 'comment.deleted', at: later, id: 'c1' }).comments).toEqual([])
  })

  it('changes nothing for a page the course does not have, or a comment it does not hold', () => {
    const state = emptyProgress('c', '1')
    expect(applyEvent(course, state, { type: 'comment.saved', at, comment: { ...comment, pageId: 'nowhere' } })).toBe(state)
    expect(applyEvent(course, state, { type: 'comment.deleted', at, id: 'c1' })).toBe(state)
  })
})

