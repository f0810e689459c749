import { describe, expect, it } from 'vitest'
import { moduleOf, pageOf } from '../../../test/support/course-bundle'
import { courseOf, questionsOfEveryType, quizBlock } from '../../../test/support/scorm-courses'
import type { Question } from '../questions/registry'
import { applyEvents } from '../progress/reducer'
import { emptyProgress, type CourseProgress, type TrackingEvent } from '../progress/schema'
import type { Response } from '../questions/registry'
import { courseStatus, earnsCertificate } from '../progress/completion'
import type { ReportingMode } from './reporting'
import { correctPatterns, decidingAttempt, interactionWrites, keepRecord, learnerResponse, lessonStatus12, lowersRecord, standing, trackingWrites } from './data-model'

const questions = questionsOfEveryType('q', 3)
const byType = (type: Question['type']) => questions.find((question) => question.type === type) as Question

describe.each([
  // type, response, 1.2 learner response, 2004 learner response, 1.2 correct, 2004 correct
  ['single-choice', 'b', 'b', 'b', ['a'], ['a']],
  ['multiple-response', ['c', 'a'], 'c,a', 'c[,]a', ['a,c'], ['a[,]c']],
  ['true-false', true, 't', 'true', ['f'], ['false']],
  ['matching', { a: 'b', b: 'a', c: 'd' }, 'a.b,b.a,c.d', 'a[.]b[,]b[.]a[,]c[.]d', ['a.a,b.b,c.c'], ['a[.]a[,]b[.]b[,]c[.]c']],
  ['ordering', ['c', 'a', 'b'], 'c,a,b', 'c[,]a[,]b', ['a,b,c'], ['a[,]b[,]c']],
  ['sort', { a: 'b', b: 'a', c: 'c' }, 'a.b,b.a,c.c', 'a[.]b[,]b[.]a[,]c[.]c', ['a.a,b.b,c.c'], ['a[.]a[,]b[.]b[,]c[.]c']],
  [
    'fill-in',
    '  The  Localism\nAct ',
    'The Localism Act',
    'The Localism Act',
    ['Localism', 'Localism Act'],
    ['{case_matters=false}Localism', '{case_matters=false}Localism Act'],
  ],
] as const)('%s', (type, response, v12, v2004, correct12, correct2004) => {
  const question = byType(type)

  it('writes the learner response in each version’s format', () => {
    expect(learnerResponse('scorm12', question, response as Response)).toBe(v12)
    expect(learnerResponse('scorm2004', question, response as Response)).toBe(v2004)
  })

  it('writes the correct responses in each version’s format', () => {
    expect(correctPatterns('scorm12', question)).toEqual(correct12)
    expect(correctPatterns('scorm2004', question)).toEqual(correct2004)
  })

  it('writes nothing for no answer', () => {
    expect(learnerResponse('scorm12', question, undefined)).toBeUndefined()
    expect(learnerResponse('scorm2004', question, undefined)).toBeUndefined()
  })
})

describe('learner responses that would break an LMS', () => {
  it('drops ids the question does not have instead of writing them', () => {
    expect(learnerResponse('scorm12', byType('multiple-response'), ['a', 'zz', 'a'])).toBe('a')
    expect(learnerResponse('scorm12', byType('single-choice'), 'nope')).toBeUndefined()
    expect(learnerResponse('scorm2004', byType('matching'), { a: 'nope' })).toBeUndefined()
    expect(learnerResponse('scorm12', byType('sort'), { a: 'nope', zz: 'a', b: 'a' })).toBe('b.a')
  })

  it('keeps fill-in text within each version’s limits and free of 2004 separators', () => {
    const long = 'x'.repeat(400)
    expect(learnerResponse('scorm12', byType('fill-in'), long)).toHaveLength(255)
    expect(learnerResponse('scorm2004', byType('fill-in'), long)).toHaveLength(250)
    expect(learnerResponse('scorm2004', byType('fill-in'), '{lang=en} a[,]b')).toBe('lang=en} a,b')
  })

  it('writes 2004 case sensitivity on fill-in patterns', () => {
    const strict = { ...byType('fill-in'), caseSensitive: true } as Question
    expect(correctPatterns('scorm2004', strict)[0]).toBe('{case_matters=true}Localism')
  })
})

const quiz = quizBlock('final-check', questions, { passMark: 50 })
const course = courseOf([moduleOf('m', [pageOf('p1'), pageOf('p2', [quiz])])])
const at = (minute: number) => new Date(2026, 10, 21, 10, minute, 30, 250).toISOString()
const answerAll = (correct: boolean): TrackingEvent[] => [
  { type: 'quiz.started', at: at(1), quizId: 'final-check', seed: 1 },
  ...questions.map((question): TrackingEvent => {
    const right: Record<Question['type'], Response> = {
      'single-choice': 'a',
      'multiple-response': ['a', 'c'],
      'true-false': false,
      matching: { a: 'a', b: 'b', c: 'c' },
      ordering: ['a', 'b', 'c'],
      sort: { a: 'a', b: 'b', c: 'c' },
      'fill-in': 'localism',
    }
    const wrong: Record<Question['type'], Response> = { ...right, 'single-choice': 'b', 'true-false': true, 'fill-in': 'no idea', ordering: ['c', 'b', 'a'], sort: { a: 'a' } }
    return { type: 'quiz.answered', quizId: 'final-check', questionId: question.id, response: (correct ? right : wrong)[question.type] }
  }),
  { type: 'quiz.submitted', at: at(2), quizId: 'final-check' },
]
const seen: TrackingEvent[] = [
  { type: 'page.viewed', at: at(0), pageId: 'p1' },
  { type: 'page.viewed', at: at(0), pageId: 'p2' },
]
const progressAfter = (events: TrackingEvent[]) => applyEvents(course, emptyProgress(course.id, course.version), events)
const values = (writes: { element: string; value: string }[]) => Object.fromEntries(writes.map((write) => [write.element, write.value]))

describe('status and score', () => {
  it('starts incomplete with no score', () => {
    const progress = progressAfter([seen[0] as TrackingEvent])
    expect(values(trackingWrites('scorm12', course, progress, 'passed-failed'))).toEqual({ 'cmi.core.lesson_location': 'p1', 'cmi.core.lesson_status': 'incomplete' })
    expect(values(trackingWrites('scorm2004', course, progress, 'passed-failed'))).toEqual({
      'cmi.location': 'p1',
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'unknown',
      'cmi.progress_measure': '0.3333',
    })
  })

  it('reports failed with the score once the assessment is failed, for both versions', () => {
    const progress = progressAfter([...seen, ...answerAll(false)])
    expect(values(trackingWrites('scorm12', course, progress, 'passed-failed'))).toMatchObject({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '33', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' })
    expect(values(trackingWrites('scorm2004', course, progress, 'passed-failed'))).toMatchObject({
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'failed',
      'cmi.score.scaled': '0.33',
      'cmi.score.raw': '33',
    })
  })

  it('reports passed and completed when everything is done and passed', () => {
    const progress = progressAfter([...seen, ...answerAll(false), ...answerAll(true)])
    expect(values(trackingWrites('scorm12', course, progress, 'passed-failed'))).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' })
    expect(values(trackingWrites('scorm2004', course, progress, 'passed-failed'))).toMatchObject({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.progress_measure': '1',
      'cmi.score.scaled': '1',
    })
  })

  it('1.2 says completed, never passed or failed, for a course without quizzes', () => {
    const reading = courseOf([moduleOf('m', [pageOf('p1', [], 'P')], { minutes: 1 })])
    const progress = applyEvents(reading, emptyProgress(reading.id, reading.version), [seen[0] as TrackingEvent])
    expect(lessonStatus12(standing(reading, progress), 'passed-failed')).toBe('completed')
    expect(lessonStatus12(standing(reading, progress), 'passed-incomplete')).toBe('completed')
    expect(values(trackingWrites('scorm2004', reading, progress, 'passed-failed'))).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown' })
  })
})

describe('the reporting a council chooses', () => {
  const failed = () => progressAfter([...seen, ...answerAll(false)])
  const passed = () => progressAfter([...seen, ...answerAll(false), ...answerAll(true)])
  const under12 = (mode: ReportingMode, progress: CourseProgress) => values(trackingWrites('scorm12', course, progress, mode))
  const under2004 = (mode: ReportingMode, progress: CourseProgress) => values(trackingWrites('scorm2004', course, progress, mode))

  it.each([
    ['passed-incomplete', 'passed', 'incomplete'],
    ['passed-failed', 'passed', 'failed'],
    ['completed-incomplete', 'completed', 'incomplete'],
    ['completed-failed', 'completed', 'failed'],
  ] as const)('1.2 in %s mode: a pass is %s, a fail %s, and a score goes only with a verdict', (mode, pass, fail) => {
    expect(under12(mode, passed())).toMatchObject({ 'cmi.core.lesson_status': pass, 'cmi.core.score.raw': '100' })
    const afterFail = under12(mode, failed())
    expect(afterFail['cmi.core.lesson_status']).toBe(fail)
    // A fail reported as incomplete carries no score: an LMS with the mastery score would read "failed" into it.
    expect('cmi.core.score.raw' in afterFail).toBe(fail === 'failed')
  })

  it.each([
    ['passed-incomplete', { completion: 'completed', success: 'passed' }, { completion: 'incomplete', success: 'unknown' }],
    ['passed-failed', { completion: 'completed', success: 'passed' }, { completion: 'incomplete', success: 'failed' }],
    ['completed-incomplete', { completion: 'completed', success: 'unknown' }, { completion: 'incomplete', success: 'unknown' }],
    ['completed-failed', { completion: 'completed', success: 'unknown' }, { completion: 'incomplete', success: 'failed' }],
  ] as const)('2004 in %s mode: pass %o, fail %o', (mode, pass, fail) => {
    expect(under2004(mode, passed())).toMatchObject({ 'cmi.completion_status': pass.completion, 'cmi.success_status': pass.success, 'cmi.score.raw': '100' })
    const afterFail = under2004(mode, failed())
    expect(afterFail).toMatchObject({ 'cmi.completion_status': fail.completion, 'cmi.success_status': fail.success })
    expect('cmi.score.raw' in afterFail).toBe(fail.success === 'failed')
  })

  it('lets a learner who failed under a mode that reports incomplete pass later, never moving their record down', () => {
    for (const version of ['scorm12', 'scorm2004'] as const) {
      const before = values(trackingWrites(version, course, failed(), 'passed-incomplete'))
      const after = values(trackingWrites(version, course, passed(), 'passed-incomplete'))
      for (const [element, value] of Object.entries(after)) expect(lowersRecord(element, value, before[element])).toBe(false)
    }
  })
})

describe('one verdict for the course, the app and an LMS', () => {
  const twoQuizzes = courseOf([
    moduleOf('a', [pageOf('p1', [quizBlock('final-check', questions, { passMark: 50 })])]),
    moduleOf('b', [pageOf('p2', [quizBlock('other', questions, { passMark: 50 })])]),
  ])
  const run = (events: TrackingEvent[]) => applyEvents(twoQuizzes, emptyProgress(twoQuizzes.id, twoQuizzes.version), events)
  const other = (correct: boolean) => answerAll(correct).map((event) => ('quizId' in event ? { ...event, quizId: 'other' } : event))

  it('has no verdict and sends no score until every quiz has been attempted', () => {
    const progress = run(answerAll(true))
    expect(courseStatus(twoQuizzes, progress)).toMatchObject({ passed: false, attemptedAll: false, score: 50 })
    expect(standing(twoQuizzes, progress)).toMatchObject({ passed: false, failed: false, score: null })
    expect(values(trackingWrites('scorm2004', twoQuizzes, progress, 'passed-failed'))).not.toHaveProperty('cmi.score.raw')
  })

  it('judges the mean of the best scores against the course pass mark, not each quiz against its own', () => {
    // 100 and 33: each quiz's own pass mark is 50, so one is passed, but the mean of 67 is below the course's 80.
    const progress = run([...answerAll(true), ...other(false)])
    expect(courseStatus(twoQuizzes, progress)).toMatchObject({ passed: false, attemptedAll: true, score: 67 })
    expect(values(trackingWrites('scorm2004', twoQuizzes, progress, 'passed-failed'))).toMatchObject({ 'cmi.success_status': 'failed', 'cmi.score.raw': '67' })
    expect(courseStatus(twoQuizzes, run([...answerAll(true), ...other(true)]))).toMatchObject({ passed: true, score: 100 })
  })

  it('gives no certificate for a course complete by its quizzes’ own pass marks but failed on the mean', () => {
    const fiveSevenths = (events: TrackingEvent[]) =>
      events.map((event) => (event.type === 'quiz.answered' && /single|true-false/.test(event.questionId) ? { ...event, response: event.questionId.endsWith('single') ? 'b' : true } : event))
    const progress = run([
      { type: 'page.viewed', at: at(0), pageId: 'p1' },
      { type: 'page.viewed', at: at(0), pageId: 'p2' },
      ...fiveSevenths(answerAll(true)),
      ...fiveSevenths(other(true)),
    ])
    const status = courseStatus(twoQuizzes, progress)
    expect(status).toMatchObject({ complete: true, passed: false, score: 71 })
    expect(earnsCertificate(status)).toBe(false)
    expect(earnsCertificate({ ...status, passed: true })).toBe(true)
    expect(earnsCertificate({ complete: true, passed: null })).toBe(true)
  })

  it('1.2 sends a passing score only with the pass, once the course is complete too', () => {
    const passedUnread = progressAfter(answerAll(true))
    expect(values(trackingWrites('scorm12', course, passedUnread, 'passed-failed'))).toEqual({ 'cmi.core.lesson_status': 'incomplete' })
    expect(values(trackingWrites('scorm2004', course, passedUnread, 'passed-failed'))).toMatchObject({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'passed', 'cmi.score.raw': '100' })
  })
})

describe('keeping the learner’s record', () => {
  it('ranks statuses and compares numbers, and lets anything through where the LMS holds nothing', () => {
    expect(lowersRecord('cmi.core.lesson_status', 'incomplete', 'passed')).toBe(true)
    expect(lowersRecord('cmi.core.lesson_status', 'incomplete', 'not attempted')).toBe(false)
    expect(lowersRecord('cmi.core.lesson_status', 'passed', 'failed')).toBe(false)
    expect(lowersRecord('cmi.success_status', 'unknown', 'failed')).toBe(true)
    expect(lowersRecord('cmi.success_status', 'failed', 'unknown')).toBe(false)
    expect(lowersRecord('cmi.completion_status', 'incomplete', 'completed')).toBe(true)
    expect(lowersRecord('cmi.score.scaled', '0.5', '0.94')).toBe(true)
    expect(lowersRecord('cmi.progress_measure', '1', '0.5')).toBe(false)
    expect(lowersRecord('cmi.core.score.raw', '10', undefined)).toBe(false)
    expect(lowersRecord('cmi.core.lesson_location', 'p1', 'p9')).toBe(false)
  })

  it('drops the score with a verdict it keeps, so an LMS applying the mastery score cannot turn a held pass into a fail', () => {
    const writes = [
      { element: 'cmi.core.lesson_status', value: 'failed' },
      { element: 'cmi.core.score.raw', value: '17' },
      { element: 'cmi.core.score.max', value: '100' },
      { element: 'cmi.suspend_data', value: 'x' },
    ]
    const held = new Map([['cmi.core.lesson_status', 'passed']])
    expect(keepRecord('scorm12', writes, (write) => lowersRecord(write.element, write.value, held.get(write.element)))).toEqual([{ element: 'cmi.suspend_data', value: 'x' }])
    expect(keepRecord('scorm12', writes, () => false)).toEqual(writes)
  })
})

describe('interactions', () => {
  const attemptOf = (correct: boolean) => progressAfter(answerAll(correct)).quizzes['final-check']?.attempts[0]
  const attempt = attemptOf(false)
  if (!attempt) throw new Error('no attempt')

  it.each(['scorm12', 'scorm2004'] as const)('%s: one entry per question, id first then type, Moodle-safe ids', (version) => {
    const entries = interactionWrites(version, 4, quiz, attempt, 2)
    expect(entries).toHaveLength(questions.length)
    entries.forEach((writes, offset) => {
      expect(writes[0]?.element).toBe(`cmi.interactions.${4 + offset}.id`)
      expect(writes[1]?.element).toBe(`cmi.interactions.${4 + offset}.type`)
      expect(writes[0]?.value).toMatch(/^[\w.]{1,250}$/)
      expect(writes[0]?.value).toMatch(/^final_check\.q_[a-z_]+\.a2$/)
      for (const write of writes) expect(write.element.startsWith(`cmi.interactions.${4 + offset}.`)).toBe(true)
    })
  })

  it('1.2 says wrong and 2004 incorrect; both say correct', () => {
    const results = (version: 'scorm12' | 'scorm2004', correct: boolean) =>
      interactionWrites(version, 0, quiz, attemptOf(correct) ?? attempt, 1).map((writes) => values(writes)).map((entry, index) => entry[`cmi.interactions.${index}.result`])
    expect(results('scorm12', false)).toEqual(['wrong', 'correct', 'wrong', 'correct', 'wrong', 'wrong', 'wrong'])
    expect(results('scorm2004', false)).toEqual(['incorrect', 'correct', 'incorrect', 'correct', 'incorrect', 'incorrect', 'incorrect'])
    expect(new Set(results('scorm12', true))).toEqual(new Set(['correct']))
  })

  it('keeps each entry lean: no description, weighting or time, which Moodle would send again with every commit', () => {
    const v2004 = values(interactionWrites('scorm2004', 0, quiz, attempt, 1)[0] ?? [])
    expect(Object.keys(v2004).map((element) => element.replace('cmi.interactions.0.', ''))).toEqual(['id', 'type', 'correct_responses.0.pattern', 'learner_response', 'result'])
    expect(v2004['cmi.interactions.0.type']).toBe('choice')
    expect(v2004['cmi.interactions.0.learner_response']).toBe('b')
    const v12 = values(interactionWrites('scorm12', 0, quiz, attempt, 1)[4] ?? [])
    expect(v12['cmi.interactions.4.time']).toBeUndefined()
    expect(v12['cmi.interactions.4.type']).toBe('sequencing')
    expect(v12['cmi.interactions.4.student_response']).toBe('c,b,a')
    expect(v12['cmi.interactions.4.correct_responses.0.pattern']).toBe('a,b,c')
  })

  it('keeps the attempt that decides a quiz: the first passed, else the last allowed once used', () => {
    const passed = { passed: true }
    const failed = { passed: false }
    expect(decidingAttempt({ attempts: undefined }, [failed, passed, passed])).toBe(1)
    expect(decidingAttempt({ attempts: undefined }, [failed, failed])).toBeNull()
    expect(decidingAttempt({ attempts: 2 }, [failed])).toBeNull()
    expect(decidingAttempt({ attempts: 2 }, [failed, failed])).toBe(1)
  })

  it('leaves out the response of a question left unanswered', () => {
    const entry = values(interactionWrites('scorm2004', 0, quiz, { ...attempt, responses: {} }, 1)[0] ?? [])
    expect(entry['cmi.interactions.0.learner_response']).toBeUndefined()
    expect(entry['cmi.interactions.0.result']).toBe('incorrect')
  })
})
