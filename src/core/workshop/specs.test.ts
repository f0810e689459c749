import { describe, expect, it } from 'vitest'
import type { Block } from '../course/blocks'
import type { CourseBundle, LocalizedCourse, Module } from '../course/bundle'
import type { Question } from '../questions/registry'
import { type Activity, type ActivitySpec, applyParticipant, applyTrainer, createSession, join, publicActivity, type Session, SessionError } from './session'
import { questionSpec, roomChoice, roomItems, stepSpec } from './specs'

const toText = (markdown: string) => markdown.replace(/[*_]/g, '')
const AT = '2026-03-01T10:00:00.000Z'
const EN = { language: 'en', moduleId: 'module' }
const CY = { language: 'cy', moduleId: 'module' }

const feedback = { correct: 'Yes.', incorrect: 'No.' }

function questions(lang: 'en' | 'cy'): Question[] {
  const w = lang === 'cy' ? 'CY ' : ''
  return [
    {
      type: 'single-choice',
      id: 'single',
      prompt: `${w}Which is **safe**?`,
      explanation: `${w}Only _this_ one.`,
      weight: 1,
      options: [
        { id: 'a', text: `${w}*Post* it`, correct: false },
        { id: 'b', text: `${w}Check first`, correct: true, feedback: 'Good.' },
        { id: 'c', text: `${w}Ignore it`, correct: false },
      ],
    },
    {
      type: 'multiple-response',
      id: 'multi',
      prompt: `${w}Which **two**?`,
      explanation: `${w}Both.`,
      weight: 1,
      options: [
        { id: 'a', text: 'One', correct: true },
        { id: 'b', text: 'Two', correct: false },
        { id: 'c', text: 'Three', correct: true },
        { id: 'd', text: 'Four', correct: false },
      ],
    },
    { type: 'true-false', id: 'tf', prompt: `${w}Councils are _elected_.`, explanation: `${w}They are.`, weight: 1, answer: true, feedback },
    {
      type: 'ordering',
      id: 'order',
      prompt: 'Put in order.',
      explanation: 'So.',
      weight: 1,
      items: [
        { id: 'a', text: 'First' },
        { id: 'b', text: 'Second' },
      ],
      feedback,
    },
    { type: 'fill-in', id: 'fill', prompt: 'Fill in.', explanation: 'So.', weight: 1, accepted: ['vote'], caseSensitive: false, feedback },
  ]
}

function scenario(lang: 'en' | 'cy'): Extract<Block, { type: 'scenario' }> {
  const w = lang === 'cy' ? 'CY ' : ''
  return {
    type: 'scenario',
    id: 'story',
    title: `${w}A story`,
    start: 'one',
    steps: [
      {
        id: 'one',
        text: `${w}A post *goes* viral.`,
        choices: [
          { id: 'a', text: `${w}Reply _now_`, feedback: `${w}It **spreads**.`, next: 'two' },
          { id: 'b', text: `${w}Wait`, feedback: `${w}It calms.`, next: 'end' },
          { id: 'c', text: `${w}Delete`, feedback: `${w}Nobody knows.` },
        ],
      },
      { id: 'two', text: 'Then?', choices: [{ id: 'a', text: 'Only way', feedback: 'Done.', next: 'end' }] },
      { id: 'end', text: 'The end.', choices: [] },
    ],
  }
}

function tf(lang: 'en' | 'cy', answer: boolean): Question {
  return { type: 'true-false', id: 'tf2', prompt: lang === 'cy' ? 'Anwir?' : 'False?', explanation: 'So.', weight: 1, answer, feedback }
}

function localized(lang: 'en' | 'cy'): LocalizedCourse {
  const main: Module = {
    id: 'module',
    title: 'Module',
    objectives: ['Learn.'],
    minutes: 10,
    jurisdiction: ['wales'],
    pages: [
      {
        id: 'first',
        title: 'First',
        blocks: [
          { type: 'text', markdown: 'Intro.' },
          { type: 'quiz', id: 'quiz', bank: 'bank', draw: 5, passMark: 60, shuffle: false, questions: questions(lang) },
        ],
      },
      {
        id: 'second',
        title: 'Second',
        blocks: [scenario(lang), { type: 'quiz', id: 'later', bank: 'bank', draw: 1, passMark: 60, shuffle: false, questions: [tf(lang, false)] }],
      },
    ],
  }
  const other: Module = {
    id: 'other',
    title: 'Other',
    objectives: ['More.'],
    minutes: 5,
    jurisdiction: ['wales'],
    pages: [{ id: 'only', title: 'Only', blocks: [{ type: 'quiz', id: 'elsewhere', bank: 'bank', draw: 1, passMark: 60, shuffle: false, questions: [tf(lang, true)] }] }],
  }
  return { title: 'Course', summary: 'A course.', credits: [], modules: [main, other] }
}

function bundle(languages: ('en' | 'cy')[] = ['en', 'cy']): CourseBundle {
  return {
    format: 1,
    id: 'course',
    version: '1.0.0',
    language: 'en',
    languages,
    minutes: 15,
    jurisdiction: 'wales',
    lastReviewed: '2026-01-01',
    passMark: 60,
    completion: ['all-pages-viewed'],
    licence: 'CC0-1.0',
    content: Object.fromEntries(languages.map((lang) => [lang, localized(lang)])),
  }
}

const course = bundle()

/** A session with three in it and the spec put to the room. */
function put(spec: ActivitySpec, ids = ['ann', 'bob', 'cat']): Session {
  const session = ids.reduce((state, id) => join(state, id, id, AT), createSession({ id: 'w', courseId: 'course', moduleId: 'module', anonymous: false, at: AT }))
  return applyTrainer(session, { type: 'put', spec }, AT)
}

function current(session: Session): Activity {
  const activity = session.activities.find((item) => item.id === session.current)
  if (!activity) throw new Error('nothing current')
  return activity
}

const choose = (session: Session, participantId: string, optionId: string) => applyParticipant(session, participantId, { type: 'choose', activityId: current(session).id, optionIds: [optionId] })

describe('questionSpec', () => {
  it('puts a single-choice question as one choice among its options, with its right answer and explanation as text', () => {
    expect(questionSpec(course, EN, 'quiz', 'single', toText)).toEqual({
      kind: 'choice',
      prompt: 'Which is safe?',
      options: [
        { id: 'a', text: 'Post it' },
        { id: 'b', text: 'Check first' },
        { id: 'c', text: 'Ignore it' },
      ],
      multiple: false,
      correct: ['b'],
      explanation: 'Only this one.',
      feedback: {},
      source: { type: 'quiz', quizId: 'quiz', questionId: 'single' },
    })
  })

  it('lets the room choose several options of a multiple-response question', () => {
    expect(questionSpec(course, EN, 'quiz', 'multi', toText)).toMatchObject({
      kind: 'choice',
      prompt: 'Which two?',
      options: [
        { id: 'a', text: 'One' },
        { id: 'b', text: 'Two' },
        { id: 'c', text: 'Three' },
        { id: 'd', text: 'Four' },
      ],
      multiple: true,
      correct: ['a', 'c'],
      explanation: 'Both.',
      source: { type: 'quiz', quizId: 'quiz', questionId: 'multi' },
    })
  })

  it('puts a true/false question as two options in the words of the language', () => {
    expect(questionSpec(course, EN, 'quiz', 'tf', toText)).toMatchObject({
      prompt: 'Councils are elected.',
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      multiple: false,
      correct: ['true'],
      explanation: 'They are.',
    })
    expect(questionSpec(course, CY, 'quiz', 'tf', toText)).toMatchObject({
      prompt: 'CY Councils are elected.',
      options: [
        { id: 'true', text: 'Gwir' },
        { id: 'false', text: 'Anwir' },
      ],
      correct: ['true'],
      explanation: 'CY They are.',
    })
    expect(questionSpec(course, EN, 'later', 'tf2', toText).correct).toEqual(['false'])
  })

  it('takes the text of the language asked for', () => {
    expect(questionSpec(course, CY, 'quiz', 'single', toText)).toMatchObject({ prompt: 'CY Which is safe?', explanation: 'CY Only this one.', options: [{ text: 'CY Post it' }, { text: 'CY Check first' }, { text: 'CY Ignore it' }] })
  })

  it('takes the course language\'s text for a language the course lacks, and English words for a language without its own', () => {
    expect(questionSpec(bundle(['en']), CY, 'quiz', 'tf', toText).prompt).toBe('Councils are elected.')
    expect(questionSpec(bundle(['en']), CY, 'quiz', 'tf', toText).options.map((option) => option.text)).toEqual(['Gwir', 'Anwir'])
    const french = questionSpec(course, { language: 'fr', moduleId: 'module' }, 'quiz', 'tf', toText)
    expect(french.prompt).toBe('Councils are elected.')
    expect(french.options.map((option) => option.text)).toEqual(['True', 'False'])
  })

  it('falls back the same way for a language named like an inherited property', () => {
    for (const language of ['constructor', 'toString', '__proto__']) {
      const spec = questionSpec(course, { language, moduleId: 'module' }, 'quiz', 'tf', toText)
      expect(spec.prompt).toBe('Councils are elected.')
      expect(spec.options.map((option) => option.text)).toEqual(['True', 'False'])
    }
  })

  it('refuses a question a room cannot answer by choosing', () => {
    expect(() => questionSpec(course, EN, 'quiz', 'order', toText)).toThrow(SessionError)
    expect(() => questionSpec(course, EN, 'quiz', 'fill', toText)).toThrow(/only choice and true-or-false/)
  })

  it('refuses a module, quiz or question the course does not have', () => {
    expect(() => questionSpec(course, { language: 'en', moduleId: 'missing' }, 'quiz', 'single', toText)).toThrow(SessionError)
    expect(() => questionSpec(course, EN, 'missing', 'single', toText)).toThrow(/no quiz "missing"/)
    expect(() => questionSpec(course, EN, 'quiz', 'missing', toText)).toThrow(/no question "missing"/)
    // A block of another type with that id is not a quiz.
    expect(() => questionSpec(course, EN, 'story', 'single', toText)).toThrow(SessionError)
    // Quizzes of another module are not this module's.
    expect(() => questionSpec(course, EN, 'elsewhere', 'tf2', toText)).toThrow(SessionError)
    expect(questionSpec(course, { language: 'en', moduleId: 'other' }, 'elsewhere', 'tf2', toText).correct).toEqual(['true'])
  })

  it('makes a spec a session takes', () => {
    for (const id of ['single', 'multi', 'tf']) {
      const session = put(questionSpec(course, EN, 'quiz', id, toText))
      expect(current(session)).toMatchObject({ phase: 'open', source: { type: 'quiz', quizId: 'quiz', questionId: id } })
    }
  })
})

describe('stepSpec', () => {
  it("puts a scenario step's choices to the room, each with its consequence", () => {
    expect(stepSpec(course, EN, 'story', 'one', toText)).toEqual({
      kind: 'choice',
      prompt: 'A post goes viral.',
      options: [
        { id: 'a', text: 'Reply now' },
        { id: 'b', text: 'Wait' },
        { id: 'c', text: 'Delete' },
      ],
      multiple: false,
      correct: [],
      explanation: '',
      feedback: { a: 'It spreads.', b: 'It calms.', c: 'Nobody knows.' },
      source: { type: 'scenario', scenarioId: 'story', stepId: 'one' },
    })
    expect(stepSpec(course, CY, 'story', 'one', toText)).toMatchObject({ prompt: 'CY A post goes viral.', feedback: { a: 'CY It spreads.' } })
  })

  it('refuses an ending or a step with a single way on: there is nothing to vote on', () => {
    expect(() => stepSpec(course, EN, 'story', 'end', toText)).toThrow(SessionError)
    expect(() => stepSpec(course, EN, 'story', 'end', toText)).toThrow(/ending/)
    expect(() => stepSpec(course, EN, 'story', 'two', toText)).toThrow(SessionError)
  })

  it('refuses a scenario or step the module does not have', () => {
    expect(() => stepSpec(course, EN, 'missing', 'one', toText)).toThrow(/no scenario "missing"/)
    expect(() => stepSpec(course, EN, 'story', 'missing', toText)).toThrow(/no step "missing"/)
    expect(() => stepSpec(course, EN, 'quiz', 'one', toText)).toThrow(SessionError)
    expect(() => stepSpec(course, { language: 'en', moduleId: 'other' }, 'story', 'one', toText)).toThrow(SessionError)
  })

  it("tells the consequence of the room's choice once explained", () => {
    let session = put(stepSpec(course, EN, 'story', 'one', toText))
    session = choose(session, 'ann', 'b')
    session = choose(session, 'bob', 'b')
    session = choose(session, 'cat', 'a')
    session = applyTrainer(session, { type: 'explain' }, AT)
    expect(publicActivity(current(session))).toMatchObject({ phase: 'explained', correct: null, explanation: 'It calms.' })
  })
})

describe('roomChoice', () => {
  it('takes the choice with most votes and the step it leads to', () => {
    let session = put(stepSpec(course, EN, 'story', 'one', toText))
    session = choose(session, 'ann', 'b')
    session = choose(session, 'bob', 'a')
    session = choose(session, 'cat', 'b')
    expect(roomChoice(course, EN, current(session))).toEqual({ choiceId: 'b', next: 'end' })
  })

  it('takes the first choice on a tie', () => {
    let session = put(stepSpec(course, EN, 'story', 'one', toText))
    session = choose(session, 'ann', 'b')
    session = choose(session, 'bob', 'a')
    expect(roomChoice(course, EN, current(session))).toEqual({ choiceId: 'a', next: 'two' })
  })

  it('has no next step for a choice that ends the scenario', () => {
    let session = put(stepSpec(course, EN, 'story', 'one', toText))
    session = choose(session, 'ann', 'c')
    expect(roomChoice(course, EN, current(session))).toEqual({ choiceId: 'c', next: null })
  })

  it('counts hands the trainer counted', () => {
    let session = put(stepSpec(course, EN, 'story', 'one', toText))
    session = choose(session, 'ann', 'a')
    session = applyTrainer(session, { type: 'count', optionId: 'c', count: 4 }, AT)
    expect(roomChoice(course, EN, current(session))).toEqual({ choiceId: 'c', next: null })
  })

  it('refuses before anyone voted, and for a question that is not a scenario step', () => {
    const session = put(stepSpec(course, EN, 'story', 'one', toText))
    expect(() => roomChoice(course, EN, current(session))).toThrow(/Nobody has voted/)
    const quiz = choose(put(questionSpec(course, EN, 'quiz', 'single', toText)), 'ann', 'b')
    expect(() => roomChoice(course, EN, current(quiz))).toThrow(SessionError)
    expect(() => roomChoice(course, EN, current(quiz))).toThrow(/not a scenario step/)
  })
})

describe('roomItems', () => {
  it("lists the module's questions a room can answer, in order, and its scenarios", () => {
    expect(roomItems(course, EN, toText)).toEqual({
      questions: [
        { quizId: 'quiz', questionId: 'single', prompt: 'Which is safe?' },
        { quizId: 'quiz', questionId: 'multi', prompt: 'Which two?' },
        { quizId: 'quiz', questionId: 'tf', prompt: 'Councils are elected.' },
        { quizId: 'later', questionId: 'tf2', prompt: 'False?' },
      ],
      scenarios: [{ scenarioId: 'story', title: 'A story', start: 'one' }],
    })
  })

  it('lists in the language asked for, and only the module asked for', () => {
    expect(roomItems(course, CY, toText).questions.map((item) => item.prompt)).toEqual(['CY Which is safe?', 'CY Which two?', 'CY Councils are elected.', 'Anwir?'])
    expect(roomItems(course, CY, toText).scenarios).toEqual([{ scenarioId: 'story', title: 'CY A story', start: 'one' }])
    expect(roomItems(course, { language: 'en', moduleId: 'other' }, toText)).toEqual({ questions: [{ quizId: 'elsewhere', questionId: 'tf2', prompt: 'False?' }], scenarios: [] })
  })

  it('refuses a module the course does not have', () => {
    expect(() => roomItems(course, { language: 'en', moduleId: 'missing' }, toText)).toThrow(SessionError)
  })

  it('lists only what questionSpec and stepSpec accept', () => {
    const items = roomItems(course, EN, toText)
    for (const item of items.questions) expect(questionSpec(course, EN, item.quizId, item.questionId, toText).source).toEqual({ type: 'quiz', quizId: item.quizId, questionId: item.questionId })
    for (const item of items.scenarios) expect(stepSpec(course, EN, item.scenarioId, item.start, toText).options.length).toBeGreaterThan(1)
  })
})
