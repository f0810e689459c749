import { Scorm12API, Scorm2004API } from 'scorm-again'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { moduleOf, pageOf } from '../../test/support/course-bundle'
import { courseOf, questionsOfEveryType, quizBlock, quizzesCourse, rightResponse } from '../../test/support/scorm-courses'
import type { TrackingEvent } from '../core/progress/schema'
import type { ReportingMode } from '../core/scorm/reporting'
import { decodeSuspendData } from '../core/scorm/suspend-codec'
import { ProgressTracker, storageKey } from './progress-tracker'
import { ScormSession, type Scorm12Api, type Scorm2004Api } from './scorm-runtime'

const questions = questionsOfEveryType('q', 3)
const course = courseOf([moduleOf('m', [pageOf('intro', [], 'Intro'), pageOf('check', [quizBlock('check-quiz', questions, { passMark: 50 })], 'Check')])])
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
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-sort', response: { a: 'a', b: 'b', c: 'c' } },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-fill-in', response: 'Localism' },
  { type: 'quiz.submitted', at: at(3), quizId: 'check-quiz' },
]

// The tracker commits after a minute without one and reports the session's length: a stopped
// clock keeps both out of the verdicts, however slowly a loaded machine runs these tests.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-21T10:00:00Z') }))
afterEach(() => vi.useRealTimers())

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
  const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
  return { lms, sets, tracker, progress: tracker.load() }
}

function launch2004(stored?: Record<string, unknown>) {
  const lms = new Scorm2004API(settings)
  if (stored) lms.loadFromJSON({ ...stored, entry: 'resume' })
  const session = new ScormSession({ version: 'scorm2004', api: lms as unknown as Scorm2004Api })
  session.start()
  const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
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
    // The matching answer earns two thirds: (6 + 2/3) / 7.
    expect(lms.cmi.core.score.raw).toBe('95')
    expect(lms.cmi.core.lesson_location).toBe('check')
    expect(lms.cmi.interactions.childArray).toHaveLength(questions.length)
    const ids = sets.filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element)).map(([, value]) => value)
    expect(ids).toEqual(questions.map((question) => `check_quiz.${question.id.replace(/-/g, '_')}.a1`))
    const results = sets.filter(([element]) => element.endsWith('.result')).map(([, value]) => value)
    expect(results).toEqual(['correct', 'correct', 'correct', 'wrong', 'correct', 'correct', 'correct'])
    expect(lms.cmi.suspend_data.length).toBeLessThanOrEqual(4096)
    tracker.close()

    const again = launch12(stored(lms))
    expect(again.progress.location?.pageId).toBe('check')
    expect(again.progress.quizzes['check-quiz']?.attempts[0]?.responses['q-matching']).toEqual({ a: 'a', b: 'b', c: 'd' })
    // A resumed learner is not reset to incomplete.
    expect(again.lms.cmi.core.lesson_status).toBe('passed')
  })

  it('journals the attempt that decides a quiz, once: the first passed, not a retake after it', () => {
    const { lms, sets, tracker } = launch12()
    tracker.record(answers)
    tracker.record([{ type: 'page.viewed', at: at(9), pageId: 'intro' }])
    expect(lms.cmi.interactions.childArray).toHaveLength(questions.length)
    tracker.record([{ type: 'quiz.started', at: at(10), quizId: 'check-quiz', seed: 3 }, { type: 'quiz.submitted', at: at(11), quizId: 'check-quiz' }])
    expect(lms.cmi.interactions.childArray).toHaveLength(questions.length)
    expect(sets.filter(([element]) => element.endsWith('.id')).map(([, value]) => value)).toEqual(questions.map((question) => `check_quiz.${question.id.replaceAll('-', '_')}.a1`))
  })

  it('journals a quiz with a limit on attempts once they are used up, when none passed', () => {
    const limited = courseOf([moduleOf('m', [pageOf('check', [quizBlock('check-quiz', questions, { passMark: 50, attempts: 2 })], 'Check')])])
    const lms = new Scorm12API(settings)
    const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
    session.start()
    const tracker = new ProgressTracker({ course: limited, session, storage: null, interactions: 'all' })
    tracker.load()
    const emptyAttempt = (seed: number): TrackingEvent[] => [{ type: 'quiz.started', at: at(seed), quizId: 'check-quiz', seed }, { type: 'quiz.submitted', at: at(seed + 1), quizId: 'check-quiz' }]
    tracker.record(emptyAttempt(10))
    expect(lms.cmi.interactions.childArray).toHaveLength(0)
    tracker.record(emptyAttempt(20))
    expect(lms.cmi.interactions.childArray).toHaveLength(questions.length)
  })
})

describe('SCORM 2004 through scorm-again', () => {
  it('sets completion and success separately, scaled score, and resumes', () => {
    const first = launch2004()
    expect(first.lms.cmi.completion_status).toBe('incomplete')
    first.tracker.record(answers)
    expect(first.lms.cmi.completion_status).toBe('completed')
    expect(first.lms.cmi.success_status).toBe('passed')
    expect(first.lms.cmi.score.scaled).toBe('0.95')
    const interactions = first.lms.cmi.interactions.childArray as unknown as { result: string }[]
    expect(interactions).toHaveLength(questions.length)
    expect(interactions.map((entry) => entry.result)).toContain('incorrect')
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

describe('what the LMS holds for the learner', () => {
  /** Four of six right: 67%, above the quiz's own pass mark of 50 and below the course's 80. */
  const fourRight: TrackingEvent[] = answers.map((event) =>
    event.type === 'quiz.answered' && (event.questionId === 'q-single' || event.questionId === 'q-true-false') ? { ...event, response: event.questionId === 'q-single' ? 'b' : true } : event,
  )

  /** scorm-again applying the pass mark of 80 as Moodle does, the tracker reporting as asked; returns the LMS once the learner has closed the course. */
  function judgedBy12(events: TrackingEvent[], reporting?: ReportingMode) {
    const lms = new Scorm12API({ ...settings, mastery_override: true })
    lms.loadFromJSON({ student_data: { mastery_score: '80' } })
    const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null, ...(reporting ? { reporting } : {}) })
    tracker.load()
    tracker.record(events)
    const reported = lms.cmi.core.lesson_status
    tracker.close()
    return { lms, reported }
  }

  function judgedBy2004(events: TrackingEvent[], reporting?: ReportingMode) {
    const lms = new Scorm2004API({ ...settings, mastery_override: true })
    lms.loadFromJSON({ scaled_passing_score: '0.8' })
    const session = new ScormSession({ version: 'scorm2004', api: lms as unknown as Scorm2004Api })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null, ...(reporting ? { reporting } : {}) })
    tracker.load()
    tracker.record(events)
    tracker.close()
    return lms
  }

  it('reaches the verdict an LMS applying the mastery score reaches, in both versions', () => {
    for (const [events, verdict] of [
      [fourRight, 'failed'],
      [answers, 'passed'],
    ] as const) {
      const { lms, reported } = judgedBy12(events, 'passed-failed')
      expect([reported, lms.cmi.core.lesson_status]).toEqual([verdict, verdict])
      expect(judgedBy2004(events, 'passed-failed').cmi.success_status).toBe(verdict)
    }
  })

  it('by default reports a fail as incomplete, with no score an LMS applying the mastery score could turn into failed', () => {
    const { lms } = judgedBy12(fourRight)
    expect([lms.cmi.core.lesson_status, lms.cmi.core.score.raw]).toEqual(['incomplete', ''])
    const lms2004 = judgedBy2004(fourRight)
    expect([lms2004.cmi.success_status, lms2004.cmi.completion_status]).toEqual(['unknown', 'incomplete'])
  })

  it('reports no score until every quiz has been taken, so no LMS marks a learner failed halfway', () => {
    const twoQuizzes = courseOf([
      moduleOf('a', [pageOf('check', [quizBlock('check-quiz', questions, { passMark: 50 })], 'Check')]),
      moduleOf('b', [pageOf('final', [quizBlock('final-quiz', questionsOfEveryType('f', 3))], 'Final')]),
    ])
    const lms = new Scorm12API({ ...settings, mastery_override: true })
    lms.loadFromJSON({ student_data: { mastery_score: '80' } })
    const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
    session.start()
    const tracker = new ProgressTracker({ course: twoQuizzes, session, storage: null })
    tracker.load()
    tracker.record(answers.filter((event) => event.type !== 'page.viewed' || event.pageId === 'check'))
    tracker.close()
    expect(lms.cmi.core.score.raw).toBe('')
    expect(lms.cmi.core.lesson_status).toBe('incomplete')
  })

  it('keeps a returning learner’s pass and score when their saved progress cannot be used (an updated package)', () => {
    const first = launch12()
    first.tracker.record(answers)
    first.tracker.close()
    const kept = stored(first.lms)
    const again = launch12({ ...kept, suspend_data: 'not-this-course' })
    expect(again.progress.quizzes).toEqual({})
    again.tracker.record([{ type: 'page.viewed', at: at(20), pageId: 'intro' }])
    again.tracker.record([{ type: 'quiz.started', at: at(21), quizId: 'check-quiz', seed: 2 }, { type: 'quiz.submitted', at: at(22), quizId: 'check-quiz' }])
    again.tracker.close()
    expect(again.lms.cmi.core.lesson_status).toBe('passed')
    expect(again.lms.cmi.core.score.raw).toBe('95')

    const first2004 = launch2004()
    first2004.tracker.record(answers)
    first2004.tracker.close()
    const again2004 = launch2004({ ...stored(first2004.lms), suspend_data: '' })
    again2004.tracker.record([{ type: 'page.viewed', at: at(20), pageId: 'intro' }])
    again2004.tracker.close()
    expect([again2004.lms.cmi.completion_status, again2004.lms.cmi.success_status, again2004.lms.cmi.score.scaled]).toEqual(['completed', 'passed', '0.95'])
  })

  it('leaves saved progress it could not read alone, and warns the learner', () => {
    const lms = new Scorm12API(settings)
    lms.loadFromJSON({ core: { lesson_status: 'incomplete', entry: 'resume' }, suspend_data: 'saved-elsewhere' })
    let failRead = false
    const api = new Proxy(lms as unknown as Scorm12Api, {
      get(target, key) {
        if (key === 'LMSGetValue') {
          return (element: string) => {
            failRead = element === 'cmi.suspend_data'
            return failRead ? '' : target.LMSGetValue(element)
          }
        }
        if (key === 'LMSGetLastError') return () => (failRead ? '101' : target.LMSGetLastError())
        const value = Reflect.get(target, key) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      },
    })
    const onTrouble = vi.fn()
    const session = new ScormSession({ version: 'scorm12', api }, { onTrouble })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
    tracker.load()
    expect(onTrouble).toHaveBeenCalledTimes(1)
    tracker.record(answers)
    tracker.close()
    expect(lms.cmi.suspend_data).toBe('saved-elsewhere')
    expect(lms.cmi.core.lesson_status).toBe('passed')
  })

  it('leaves a status it could not read alone until the LMS can say what it holds, and then never lowers it', () => {
    const lms = new Scorm12API(settings)
    lms.loadFromJSON({ core: { lesson_status: 'passed', score: { raw: '95' }, entry: 'resume' }, suspend_data: 'from-an-older-package' })
    let statusReadable = false
    let failed = false
    const api = new Proxy(lms as unknown as Scorm12Api, {
      get(target, key) {
        if (key === 'LMSGetValue') {
          return (element: string) => {
            failed = !statusReadable && element === 'cmi.core.lesson_status'
            return failed ? '' : target.LMSGetValue(element)
          }
        }
        if (key === 'LMSGetLastError') return () => (failed ? '101' : target.LMSGetLastError())
        const value = Reflect.get(target, key) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      },
    })
    const session = new ScormSession({ version: 'scorm12', api })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
    tracker.load()
    tracker.record([{ type: 'page.viewed', at: at(1), pageId: 'intro' }])
    expect(lms.cmi.core.lesson_status).toBe('passed')
    statusReadable = true
    tracker.record([{ type: 'page.viewed', at: at(2), pageId: 'check' }])
    tracker.close()
    expect(lms.cmi.core.lesson_status).toBe('passed')
    expect(lms.cmi.core.score.raw).toBe('95')
  })

  it('keeps the last suspend data that fitted SCORM 1.2’s limit, and warns the learner once, when a course outgrows it', () => {
    const many = quizzesCourse(120)
    const lms = new Scorm12API(settings)
    const onTrouble = vi.fn()
    const log = vi.fn()
    const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api }, { onTrouble })
    session.start()
    const tracker = new ProgressTracker({ course: many, session, storage: null, log })
    tracker.load()
    for (let index = 0; index < 120; index++) {
      const quizId = `quiz-${index}`
      const bank = questionsOfEveryType(`x${index}`, 6)
      tracker.record([
        { type: 'page.viewed', at: at(index % 60), pageId: `p${index}` },
        { type: 'quiz.started', at: at(index % 60), quizId, seed: index },
        ...bank.map((question): TrackingEvent => ({ type: 'quiz.answered', quizId, questionId: question.id, response: rightResponse(question) })),
        { type: 'quiz.submitted', at: at(index % 60), quizId },
        // A second attempt under way as well: the answers of both must be kept.
        { type: 'quiz.started', at: at(index % 60), quizId, seed: index + 1 },
        ...bank.map((question): TrackingEvent => ({ type: 'quiz.answered', quizId, questionId: question.id, response: rightResponse(question) })),
      ])
    }
    expect(onTrouble).toHaveBeenCalledOnce()
    expect(log.mock.calls.filter(([message]) => String(message).includes('over the limit'))).toHaveLength(1)
    expect(lms.cmi.suspend_data.length).toBeGreaterThan(3000)
    expect(lms.cmi.suspend_data.length).toBeLessThanOrEqual(4096)
  })

  it('commits when a module is finished, and not again for later events in a module already finished', () => {
    const lms = new Scorm12API(settings)
    const commit = vi.spyOn(lms, 'LMSCommit')
    const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
    session.start()
    const course = courseOf([moduleOf('m1', [pageOf('a'), pageOf('b')]), moduleOf('m2', [pageOf('c')])])
    const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
    tracker.load()
    const commits = () => commit.mock.calls.length
    const start = commits()
    tracker.record([{ type: 'page.viewed', at: at(1), pageId: 'a' }])
    expect(commits()).toBe(start)
    tracker.record([{ type: 'page.viewed', at: at(2), pageId: 'b' }])
    expect(commits()).toBe(start + 1)
    tracker.record([{ type: 'bookmark.toggled', pageId: 'b' }])
    expect(commits()).toBe(start + 1)
  })

  it('packs suspend data at checkpoints, not at every event, and brings it up to date when the session ends', () => {
    const lms = new Scorm12API(settings)
    const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
    session.start()
    const course = quizzesCourse(3)
    const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
    tracker.load()
    const written = () => lms.cmi.suspend_data
    tracker.record([{ type: 'page.viewed', at: at(1), pageId: 'p0' }])
    const afterOne = written()
    tracker.record([{ type: 'bookmark.toggled', pageId: 'p0' }])
    // Not a checkpoint: the data is not packed again yet.
    expect(written()).toBe(afterOne)
    tracker.close()
    expect(decodeSuspendData(course, written())?.bookmarks).toEqual(['p0'])
  })
})

describe('the interactions journal', () => {
  it('is left out, with everything else still reported, where the LMS has no interactions', () => {
    const lms = new Scorm12API(settings)
    const sets: string[] = []
    let unimplemented = false
    // An LMS without interactions: their count is not implemented (401), and their fields are refused.
    const api: Scorm12Api = {
      LMSInitialize: () => lms.lmsInitialize(),
      LMSFinish: () => lms.lmsFinish(),
      LMSCommit: () => lms.lmsCommit(),
      LMSGetValue: (element) => {
        unimplemented = element.startsWith('cmi.interactions')
        return unimplemented ? '' : lms.lmsGetValue(element)
      },
      LMSSetValue: (element, value) => {
        sets.push(element)
        unimplemented = element.startsWith('cmi.interactions')
        return unimplemented ? 'false' : lms.lmsSetValue(element, value)
      },
      LMSGetLastError: () => (unimplemented ? '401' : lms.lmsGetLastError()),
      LMSGetErrorString: (code) => lms.lmsGetErrorString(code),
      LMSGetDiagnostic: (code) => lms.lmsGetDiagnostic(code),
    }
    const onTrouble = vi.fn()
    const session = new ScormSession({ version: 'scorm12', api }, { onTrouble })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
    tracker.load()
    tracker.record(answers)
    tracker.close()
    expect(sets.filter((element) => element.startsWith('cmi.interactions.'))).toEqual([])
    expect(lms.cmi.core.lesson_status).toBe('passed')
    expect(onTrouble).not.toHaveBeenCalled()
  })

  it('goes on after the entries an LMS kept from earlier sessions', () => {
    const twoQuizzes = courseOf([
      moduleOf('m', [pageOf('check', [quizBlock('check-quiz', questions, { passMark: 50 })], 'Check'), pageOf('more', [quizBlock('more-quiz', questions, { passMark: 50 })], 'More')]),
    ])
    const launchWith = (stored?: Record<string, unknown>) => {
      const lms = new Scorm12API(settings)
      if (stored) lms.loadFromJSON({ ...stored, core: { ...(stored.core as object), entry: 'resume' } })
      const sets = recordSets(lms, 'LMSSetValue.cmi.*')
      const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
      session.start()
      const tracker = new ProgressTracker({ course: twoQuizzes, session, storage: null, interactions: 'all' })
      tracker.load()
      return { lms, sets, tracker }
    }
    const first = launchWith()
    first.tracker.record(answers)
    first.tracker.close()
    const again = launchWith(JSON.parse(JSON.stringify(first.lms.cmi)) as Record<string, unknown>)
    expect(Number(again.lms.LMSGetValue('cmi.interactions._count'))).toBe(questions.length)
    again.tracker.record(answers.map((event) => ('quizId' in event ? { ...event, quizId: 'more-quiz' } : event)))
    const ids = again.sets.filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element))
    expect(ids[0]).toEqual([`cmi.interactions.${questions.length}.id`, 'more_quiz.q_single.a1'])
    expect(again.lms.cmi.interactions.childArray).toHaveLength(questions.length * 2)
  })
})
