import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moduleOf, pageOf } from '../../test/support/course-bundle'
import { launchInStrictLms, relaunchData } from '../../test/support/strict-launch'
import { courseOf, questionsOfEveryType, quizBlock } from '../../test/support/scorm-courses'
import type { QuestionBase, QuestionType } from '../core/questions/contract'
import { type Question, QUESTION_TYPES } from '../core/questions/registry'
import { applyEvents } from '../core/progress/reducer'
import { emptyProgress, type TrackingEvent, TrackingEventSchema } from '../core/progress/schema'
import { interactionWrites } from '../core/scorm/data-model'
import { decodeSuspendData, encodeSuspendData } from '../core/scorm/suspend-codec'

/**
 * A question type the engine has never heard of, registered only here: a number within a
 * tolerance. If any part of the engine switched on the type instead of asking the registry, this
 * type's answer (or the answers after it) would be lost on the way through.
 */
interface Numeric extends QuestionBase {
  type: 'numeric'
  answer: number
  tolerance: number
}

const numeric: QuestionType<Numeric, number> = {
  type: 'numeric',
  parseResponse: (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined),
  score(question, response) {
    const correct = Math.abs(response - question.answer) <= question.tolerance
    return { score: correct ? 1 : 0, correct }
  },
  correctResponse: (question) => question.answer,
  scorm: {
    interactionType: 'numeric',
    learnerResponse: (_version, _question, response) => String(response),
    correctPatterns: (version, question) =>
      version === 'scorm2004' ? [`${question.answer - question.tolerance}[:]${question.answer + question.tolerance}`] : [String(question.answer)],
  },
  codec: {
    shape: (question) => `${question.answer}±${question.tolerance}`,
    write(writer, _question, response) {
      writer.bool(response !== undefined)
      if (response !== undefined) writer.text(String(response))
    },
    read: (reader) => (reader.bool() ? Number(reader.text(40)) : undefined),
    longest: (question) => -(question.answer + question.tolerance) - 0.001,
  },
}

const registry = QUESTION_TYPES as Record<string, unknown>
beforeAll(() => {
  registry.numeric = numeric
})
afterAll(() => {
  delete registry.numeric
})

const everyType = questionsOfEveryType('q', 3)
const [single, multiple, matching, ordering, fillIn] = (['single-choice', 'multiple-response', 'matching', 'ordering', 'fill-in'] as const).map((type) => everyType.find((question) => question.type === type)) as Question[]
const asked: Numeric = { type: 'numeric', id: 'q-numeric', prompt: 'How many days may a councillor take to declare a new interest?', explanation: 'The code gives 28.', weight: 1, answer: 28, tolerance: 0 }
/** The new type second, so most answers come after it. */
const questions = [single, asked as unknown as Question, multiple, matching, ordering, fillIn] as Question[]
const course = courseOf([moduleOf('m', [pageOf('check', [quizBlock('check-quiz', questions, { passMark: 50 })], 'Check')])])
const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString()
const answersGiven: Record<string, unknown> = {
  'q-single': 'a',
  'q-numeric': 28,
  'q-multiple': ['a', 'c'],
  'q-matching': { a: 'a', b: 'c', c: 'b' },
  'q-ordering': ['a', 'b', 'c'],
  'q-fill-in': 'localism act',
}
const answering = (seed: number): TrackingEvent[] => [
  { type: 'page.viewed', at: at(0), pageId: 'check' },
  { type: 'quiz.started', at: at(1), quizId: 'check-quiz', seed },
  ...Object.entries(answersGiven).map(([questionId, response]) => TrackingEventSchema.parse({ type: 'quiz.answered', quizId: 'check-quiz', questionId, response })),
]
const submitted: TrackingEvent = { type: 'quiz.submitted', at: at(2), quizId: 'check-quiz' }

describe('a question type added in one module and one registry line', () => {
  it('is accepted by the progress API, and the reducer scores it with the others', () => {
    const progress = applyEvents(course, emptyProgress(course.id, course.version), [...answering(7), submitted])
    const attempt = progress.quizzes['check-quiz']?.attempts[0]
    expect(attempt?.responses).toEqual(answersGiven)
    // Only the matching question is partly wrong (one of three): (5 + 1/3) / 6.
    expect(attempt?.score).toBe(89)
    const wrongNumber = applyEvents(course, emptyProgress(course.id, course.version), [...answering(7), { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-numeric', response: 27 }, submitted])
    expect(wrongNumber.quizzes['check-quiz']?.attempts[0]?.score).toBe(72)
  })

  it('round-trips through suspend data with every answer after it intact, submitted and in progress', () => {
    const progress = applyEvents(course, emptyProgress(course.id, course.version), [...answering(7), submitted, ...answering(8).slice(1)])
    const decoded = decodeSuspendData(course, encodeSuspendData(course, progress).data)
    expect(decoded?.quizzes['check-quiz']?.attempts.at(-1)?.responses).toEqual(answersGiven)
    expect(decoded?.quizzes['check-quiz']?.current?.responses).toEqual(answersGiven)
  })

  it.each(['scorm12', 'scorm2004'] as const)('%s: journals it as a numeric interaction, and the interactions after it keep their answers', (version) => {
    const progress = applyEvents(course, emptyProgress(course.id, course.version), [...answering(7), submitted])
    const attempt = progress.quizzes['check-quiz']?.attempts[0]
    if (!attempt) throw new Error('no attempt')
    const entries = interactionWrites(version, 0, quizBlock('check-quiz', questions, { passMark: 50 }), attempt, 1).map((writes) => new Map(writes.map((write) => [write.element.replace(/^cmi\.interactions\.\d+\./, ''), write.value])))
    const response = version === 'scorm12' ? 'student_response' : 'learner_response'
    expect(entries.map((entry) => entry.get('type'))).toEqual(['choice', 'numeric', 'choice', 'matching', 'sequencing', 'fill-in'])
    expect(entries[1]?.get(response)).toBe('28')
    expect(entries.map((entry) => entry.get(response) !== undefined)).toEqual([true, true, true, true, true, true])
    expect(entries.map((entry) => entry.get('result'))).toEqual(['correct', 'correct', 'correct', version === 'scorm12' ? 'wrong' : 'incorrect', 'correct', 'correct'])
  })

  it.each(['scorm12', 'scorm2004'] as const)('%s: a strict LMS accepts every value, and a relaunch resumes with every answer', (version) => {
    const first = launchInStrictLms(version, course)
    first.tracker.record([...answering(7), submitted, ...answering(8).slice(1)])
    first.tracker.close()
    expect(first.strict.log.violations).toEqual([])
    const types = first.strict.log.sets.filter(([element]) => /^cmi\.interactions\.\d+\.type$/.test(element)).map(([, value]) => value)
    expect(types).toContain('numeric')

    const again = launchInStrictLms(version, course, relaunchData(first))
    expect(again.progress.quizzes['check-quiz']?.attempts[0]?.responses).toEqual(answersGiven)
    expect(again.progress.quizzes['check-quiz']?.current?.responses).toEqual(answersGiven)
    again.tracker.close()
  })
})
