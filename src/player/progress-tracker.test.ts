import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import { courseOf, questionsOfEveryType, quizBlock } from '../../test/support/scorm-courses'
import type { TrackingEvent } from '../core/progress/schema'
import { ProgressTracker, storageKey } from './progress-tracker'
import { ScormSession, type Scorm12Api, type Scorm2004Api } from './scorm-runtime'

const questions = questionsOfEveryType('q', 3)
const course = courseOf([
  {
    id: 'm',
    title: 'M',
    objectives: [],
    minutes: 5,
    jurisdiction: [],
    pages: [
      { id: 'intro', title: 'Intro', blocks: [] },
      { id: 'check', title: 'Check', blocks: [quizBlock('check-quiz', questions, { passMark: 50 })] },
    ],
  },
])
const settings = { lmsCommitUrl: false as const, mastery_override: false, autocommit: false, logLevel: 5 as const }
const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString()
const answers: TrackingEvent[] = [
  { type: 'page.viewed', at: at(0), pageId: 'intro' },
  { type: 'page.viewed', at: at(1), pageId: 'check' },
  { type: 'quiz.started', at: at(2), quizId: 'check-quiz', seed: 9 },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-single', response: 'a' },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-multiple', response: ['a', 'c'] },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-true-false', response: false },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-matching', response: { a: 'a', b: 'b', c: 'd' } },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-ordering', response: ['a', 'b', 'c'] },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-fill-in', response: 'Localism' },
  { type: 'quiz.submitted', at: at(3), quizId: 'check-quiz' },
]

/** Every value the SCO set, in order: 1.2's write-only elements cannot be read back from the LMS. */
function recordSets(lms: Scorm12API | Scorm2004API, event: string): [string, string][] {
  const sets: [string, string][] = []
  lms.on(event, (element: string, value: string) => void sets.push([element, value]))
  return sets
}

function launch12(stored?: Record<string, unknown>) {
  const lms = new Scorm12API(settings)
  if (stored) lms.loadFromJSON({ ...stored, core: { ...(stored.core as object), entry: 'resume' } })
  const sets = recordSets(lms, 'LMSSetValue.cmi.*')
  const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
  session.start()
  const tracker = new ProgressTracker({ course, session, storage: null })
  return { lms, sets, tracker, progress: tracker.load() }
}

function launch2004(stored?: Record<string, unknown>) {
  const lms = new Scorm2004API(settings)
  if (stored) lms.loadFromJSON({ ...stored, entry: 'resume' })
  const session = new ScormSession({ version: 'scorm2004', api: lms as unknown as Scorm2004Api })
  session.start()
  const tracker = new ProgressTracker({ course, session, storage: null })
  return { lms, tracker, progress: tracker.load() }
}

/** What the LMS keeps between launches: the data model as JSON, without what a new session resets. */
function stored(lms: Scorm12API | Scorm2004API): Record<string, unknown> {
  const cmi = JSON.parse(JSON.stringify(lms.cmi)) as Record<string, unknown>
  delete cmi.interactions
  delete cmi.objectives
  return cmi
}

describe('SCORM 1.2 through scorm-again', () => {
  it('marks a first launch incomplete and sets exit to suspend from the start', () => {
    const { lms, sets } = launch12()
    expect(lms.cmi.core.lesson_status).toBe('incomplete')
    expect(sets).toContainEqual(['cmi.core.exit', 'suspend'])
  })

  it('reports status, score and one interaction per question, and resumes where the learner was', () => {
    const { lms, sets, tracker } = launch12()
    tracker.record(answers.slice(0, 8))
    expect(lms.cmi.interactions.childArray).toHaveLength(0)
    tracker.record(answers.slice(8))
    expect(lms.cmi.core.lesson_status).toBe('passed')
    // The matching answer earns two thirds: (5 + 2/3) / 6.
    expect(lms.cmi.core.score.raw).toBe('94')
    expect(lms.cmi.core.lesson_location).toBe('check')
    expect(lms.cmi.interactions.childArray).toHaveLength(questions.length)
    const ids = sets.filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element)).map(([, value]) => value)
    expect(ids).toEqual(questions.map((question) => `check_quiz.${question.id.replace(/-/g, '_')}.a1`))
    const results = sets.filter(([element]) => element.endsWith('.result')).map(([, value]) => value)
    expect(results).toEqual(['correct', 'correct', 'correct', 'wrong', 'correct', 'correct'])
    expect(lms.cmi.suspend_data.length).toBeLessThanOrEqual(4096)
    tracker.close()

    const again = launch12(stored(lms))
    expect(again.progress.location?.pageId).toBe('check')
    expect(again.progress.quizzes['check-quiz']?.attempts[0]?.responses['q-matching']).toEqual({ a: 'a', b: 'b', c: 'd' })
    // A resumed learner is not reset to incomplete.
    expect(again.lms.cmi.core.lesson_status).toBe('passed')
  })

  it('journals only newly submitted attempts', () => {
    const { lms, sets, tracker } = launch12()
    tracker.record(answers)
    tracker.record([{ type: 'page.viewed', at: at(9), pageId: 'intro' }])
    expect(lms.cmi.interactions.childArray).toHaveLength(questions.length)
    tracker.record([{ type: 'quiz.started', at: at(10), quizId: 'check-quiz', seed: 3 }, { type: 'quiz.submitted', at: at(11), quizId: 'check-quiz' }])
    expect(lms.cmi.interactions.childArray).toHaveLength(questions.length * 2)
    const last = sets.filter(([element]) => element === `cmi.interactions.${questions.length * 2 - 1}.id`)
    expect(last).toEqual([[`cmi.interactions.${questions.length * 2 - 1}.id`, 'check_quiz.q_fill_in.a2']])
  })
})

describe('SCORM 2004 through scorm-again', () => {
  it('sets completion and success separately, scaled score, and resumes', () => {
    const first = launch2004()
    expect(first.lms.cmi.completion_status).toBe('incomplete')
    first.tracker.record(answers)
    expect(first.lms.cmi.completion_status).toBe('completed')
    expect(first.lms.cmi.success_status).toBe('passed')
    expect(first.lms.cmi.score.scaled).toBe('0.94')
    const interactions = first.lms.cmi.interactions.childArray as unknown as { result: string; timestamp: string }[]
    expect(interactions).toHaveLength(questions.length)
    expect(interactions.map((entry) => entry.result)).toContain('incorrect')
    expect(interactions.every((entry) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(entry.timestamp))).toBe(true)
    first.tracker.close()
    const again = launch2004(stored(first.lms))
    expect(again.progress.quizzes['check-quiz']?.attempts).toHaveLength(1)
    expect(again.progress.location?.pageId).toBe('check')
  })
})

describe('without an LMS', () => {
  it('keeps progress in local storage and resumes from it', () => {
    const storage = new Map<string, string>()
    const store = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) }
    const tracker = new ProgressTracker({ course, session: null, storage: store })
    tracker.load()
    tracker.record(answers)
    expect(storage.get(storageKey(course.id))).toMatch(/^[\w-]+$/)
    const next = new ProgressTracker({ course, session: null, storage: store })
    expect(next.load().quizzes['check-quiz']?.attempts).toHaveLength(1)
  })

  it('still runs when the browser refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('denied', 'QuotaExceededError')
      },
    }
    const tracker = new ProgressTracker({ course, session: null, storage: refusing })
    expect(tracker.load().pages).toEqual({})
    expect(tracker.record(answers)).toBe(answers.length)
    expect(tracker.progress.quizzes['check-quiz']?.attempts).toHaveLength(1)
  })
})
