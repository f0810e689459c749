import { describe, expect, it } from 'vitest'
import {
  type Activity,
  type ActivitySpec,
  applyParticipant,
  applyTrainer,
  cleanText,
  createSession,
  endSession,
  join,
  leadingOption,
  LIMITS,
  type ParticipantAction,
  participantView,
  presenterView,
  publicActivity,
  type Session,
  SessionError,
  setConnected,
  tally,
  type TrainerAction,
  wordCloud,
} from './session'

const AT = '2026-03-01T10:00:00.000Z'
const LATER = '2026-03-01T10:05:00.000Z'

const NAMES: Record<string, string> = { ann: 'Ann', bob: 'Bob', cat: 'Cat', dan: 'Dan' }

function spec(over: Partial<ActivitySpec> = {}): ActivitySpec {
  return {
    kind: 'choice',
    prompt: 'Which is right?',
    options: [
      { id: 'a', text: 'Alpha' },
      { id: 'b', text: 'Bravo' },
      { id: 'c', text: 'Charlie' },
    ],
    multiple: false,
    correct: ['b'],
    explanation: 'Bravo, because.',
    feedback: {},
    source: { type: 'quiz', quizId: 'quiz', questionId: 'q1' },
    ...over,
  }
}

const textSpec = (kind: 'words' | 'open'): ActivitySpec => spec({ kind, prompt: kind === 'words' ? 'One word?' : 'Tell us.', options: [], correct: [], explanation: '', source: { type: 'poll' } })

const scenarioSpec = (): ActivitySpec =>
  spec({
    prompt: 'What now?',
    correct: [],
    explanation: '',
    feedback: { a: 'Alpha happens.', b: 'Bravo happens.', c: 'Charlie happens.' },
    source: { type: 'scenario', scenarioId: 'sc', stepId: 'one' },
  })

function fresh(anonymous = false): Session {
  return createSession({ id: 'w1', courseId: 'course', moduleId: 'module', anonymous, at: AT })
}

/** A session with Ann, Bob and Cat in it. */
function room(anonymous = false, ids: string[] = ['ann', 'bob', 'cat']): Session {
  return ids.reduce((session, id) => join(session, id, NAMES[id] ?? id, AT), fresh(anonymous))
}

function trainer(session: Session, ...actions: TrainerAction[]): Session {
  return actions.reduce((state, action) => applyTrainer(state, action, LATER), session)
}

function current(session: Session): Activity {
  const activity = session.activities.find((item) => item.id === session.current)
  if (!activity) throw new Error('nothing current')
  return activity
}

const choose = (session: Session, participantId: string, ...optionIds: string[]) => applyParticipant(session, participantId, { type: 'choose', activityId: current(session).id, optionIds })
const write = (session: Session, participantId: string, text: string) => applyParticipant(session, participantId, { type: 'write', activityId: current(session).id, text })
const ask = (session: Session, participantId: string, text: string) => applyParticipant(session, participantId, { type: 'ask', text })
const lastQuestion = (session: Session) => {
  const question = session.questions.at(-1)
  if (!question) throw new Error('no question')
  return question
}
const textOf = (session: Session, participantId: string) => {
  const text = current(session).texts.find((item) => item.participantId === participantId)
  if (!text) throw new Error('no text')
  return text
}

describe('createSession', () => {
  it('starts an empty session at revision 0 with nothing on the screens', () => {
    const session = fresh(true)
    expect(session).toMatchObject({ id: 'w1', courseId: 'course', moduleId: 'module', anonymous: true, startedAt: AT, activities: [], current: null, questions: [], shownQuestion: null, ended: false, revision: 0 })
    expect(Object.keys(session.participants)).toEqual([])
    expect(presenterView(session)).toMatchObject({ participants: [], activity: null, questions: [], shownQuestion: null, asked: 0, anonymous: true, ended: false })
  })
})

describe('join', () => {
  it('adds a participant with the name made one trimmed line, connected, and counts a change', () => {
    const before = fresh()
    const session = join(before, 'ann', '  Ann \n\t Jones  ', AT)
    expect(session.participants.ann).toEqual({ name: 'Ann Jones', joinedAt: AT, connected: true, learnerId: null })
    expect(session.revision).toBe(before.revision + 1)
    expect(participantView(session, 'ann').name).toBe('Ann Jones')
    // Pure: the session it was given is untouched.
    expect(Object.keys(before.participants)).toEqual([])
  })

  it('refuses an empty or over-long name', () => {
    expect(() => join(fresh(), 'ann', ' \u200b\n ', AT)).toThrow(SessionError)
    expect(() => join(fresh(), 'ann', 'x'.repeat(LIMITS.nameLength + 1), AT)).toThrow(SessionError)
    expect(join(fresh(), 'ann', 'x'.repeat(LIMITS.nameLength), AT).participants.ann?.name).toHaveLength(LIMITS.nameLength)
  })

  it(`refuses a newcomer once ${LIMITS.participants} have joined, but lets one of them back in`, () => {
    let session = fresh()
    for (let index = 0; index < LIMITS.participants; index++) session = join(session, `p${index}`, `Person ${index}`, AT)
    expect(Object.keys(session.participants)).toHaveLength(LIMITS.participants)
    expect(() => join(session, 'newcomer', 'New', AT)).toThrow(SessionError)
    expect(() => join(session, 'newcomer', 'New', AT)).toThrow(/full/)
    session = setConnected(session, 'p7', false)
    const back = join(session, 'p7', 'Someone else', LATER)
    expect(back.participants.p7).toEqual({ name: 'Person 7', joinedAt: AT, connected: true, learnerId: null })
    expect(Object.keys(back.participants)).toHaveLength(LIMITS.participants)
  })

  it('lets a participant back in with the same id, keeping their name and first join time, connected again', () => {
    let session = setConnected(room(), 'bob', false)
    expect(session.participants.bob?.connected).toBe(false)
    session = join(session, 'bob', 'Robert', LATER)
    expect(session.participants.bob).toEqual({ name: 'Bob', joinedAt: AT, connected: true, learnerId: null })
    expect(Object.keys(session.participants)).toEqual(['ann', 'bob', 'cat'])
  })
})

describe('setConnected', () => {
  it('marks a participant away and back, each a change', () => {
    const session = room()
    const away = setConnected(session, 'ann', false)
    expect(away.participants.ann).toEqual({ name: 'Ann', joinedAt: AT, connected: false, learnerId: null })
    expect(away.revision).toBe(session.revision + 1)
    expect(presenterView(away).participants).toEqual([
      { id: 'ann', name: 'Ann', connected: false, learner: false },
      { id: 'bob', name: 'Bob', connected: true, learner: false },
      { id: 'cat', name: 'Cat', connected: true, learner: false },
    ])
    const back = setConnected(away, 'ann', true)
    expect(back.participants.ann?.connected).toBe(true)
    expect(back.revision).toBe(away.revision + 1)
    // The original is untouched.
    expect(session.participants.ann?.connected).toBe(true)
  })

  it('changes nothing for an unknown participant or one already in that state', () => {
    const session = room()
    expect(setConnected(session, 'ann', true)).toBe(session)
    expect(setConnected(session, 'nobody', false)).toBe(session)
    expect(setConnected(session, 'constructor', false)).toBe(session)
  })
})

describe('the activity lifecycle', () => {
  it('puts a question to the room open and current, with a fresh id', () => {
    const before = room()
    const session = trainer(before, { type: 'put', spec: spec() })
    const activity = current(session)
    expect(activity).toMatchObject({ id: `a${before.nextId}`, phase: 'open', openedAt: LATER, kind: 'choice', prompt: 'Which is right?', texts: [] })
    expect(session.revision).toBe(before.revision + 1)
    expect(session.nextId).toBe(before.nextId + 1)
    expect(presenterView(session).asked).toBe(1)
    expect(participantView(session, 'ann').activity).toMatchObject({ id: activity.id, phase: 'open', prompt: 'Which is right?', mine: null })
  })

  it('puts a second question in place of the first, keeping the first with its answers', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    session = choose(session, 'ann', 'a')
    const first = current(session).id
    session = trainer(session, { type: 'put', spec: spec({ prompt: 'Second?' }) })
    expect(session.current).not.toBe(first)
    expect(session.activities.map((item) => item.id)).toEqual([first, session.current])
    expect(session.activities[0]?.choices.ann).toEqual(['a'])
    expect(current(session).choices.ann).toBeUndefined()
    expect(presenterView(session).asked).toBe(2)
  })

  it('refuses a question that cannot be put to a room', () => {
    const session = room()
    const options = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `o${index}`, text: `Option ${index}` }))
    const bad: ActivitySpec[] = [
      spec({ prompt: '   ' }),
      spec({ options: options(1), correct: [] }),
      spec({ options: options(LIMITS.options + 1), correct: [] }),
      spec({ options: [{ id: 'a', text: 'One' }, { id: 'a', text: 'Two' }], correct: [] }),
      spec({ options: [{ id: 'a', text: 'One' }, { id: 'b', text: ' ' }], correct: [] }),
      spec({ correct: ['z'] }),
    ]
    for (const item of bad) expect(() => trainer(session, { type: 'put', spec: item })).toThrow(SessionError)
    expect(current(trainer(session, { type: 'put', spec: spec({ options: options(LIMITS.options), correct: [] }) })).options).toHaveLength(LIMITS.options)
    // Written answers need no options.
    expect(current(trainer(session, { type: 'put', spec: textSpec('words') })).kind).toBe('words')
  })

  it(`puts at most ${LIMITS.activities} questions in a session`, () => {
    let session = room()
    for (let index = 0; index < LIMITS.activities; index++) session = trainer(session, { type: 'put', spec: spec() })
    expect(session.activities).toHaveLength(LIMITS.activities)
    expect(() => trainer(session, { type: 'put', spec: spec() })).toThrow(SessionError)
  })

  it('goes open → closed → revealed → explained', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    session = trainer(session, { type: 'close' })
    expect(current(session).phase).toBe('closed')
    session = trainer(session, { type: 'reveal' })
    expect(current(session).phase).toBe('revealed')
    session = trainer(session, { type: 'explain' })
    expect(current(session).phase).toBe('explained')
  })

  it('never goes backwards: a step to an earlier or the same phase changes nothing', () => {
    const explained = trainer(room(), { type: 'put', spec: spec() }, { type: 'explain' })
    expect(current(explained).phase).toBe('explained')
    for (const type of ['close', 'reveal', 'explain', 'reopen'] as const) expect(trainer(explained, { type })).toBe(explained)
    const revealed = trainer(room(), { type: 'put', spec: spec() }, { type: 'reveal' })
    expect(trainer(revealed, { type: 'close' })).toBe(revealed)
    expect(trainer(revealed, { type: 'reveal' })).toBe(revealed)
    const closed = trainer(room(), { type: 'put', spec: spec() }, { type: 'close' })
    expect(trainer(closed, { type: 'close' })).toBe(closed)
  })

  it('closes an open question that is revealed, so it takes no more answers', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    session = choose(session, 'ann', 'a')
    session = trainer(session, { type: 'reveal' })
    expect(current(session).phase).toBe('revealed')
    expect(() => choose(session, 'bob', 'b')).toThrow(SessionError)
    expect(() => choose(session, 'ann', 'b')).toThrow(/closed/)
  })

  it('reopens a closed question only', () => {
    const open = trainer(room(), { type: 'put', spec: spec() })
    expect(trainer(open, { type: 'reopen' })).toBe(open)
    const closed = trainer(open, { type: 'close' })
    expect(() => choose(closed, 'ann', 'a')).toThrow(SessionError)
    const reopened = trainer(closed, { type: 'reopen' })
    expect(current(reopened).phase).toBe('open')
    expect(reopened.revision).toBe(closed.revision + 1)
    expect(current(choose(reopened, 'ann', 'a')).choices.ann).toEqual(['a'])
    const revealed = trainer(closed, { type: 'reveal' })
    expect(trainer(revealed, { type: 'reopen' })).toBe(revealed)
  })

  it('clears the screens, keeping the activity but taking no more answers to it', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    const id = current(session).id
    session = trainer(session, { type: 'clear' })
    expect(session.current).toBeNull()
    expect(session.activities.map((item) => [item.id, item.phase])).toEqual([[id, 'open']])
    expect(presenterView(session).activity).toBeNull()
    expect(participantView(session, 'ann').activity).toBeNull()
    expect(() => applyParticipant(session, 'ann', { type: 'choose', activityId: id, optionIds: ['a'] })).toThrow(/no longer/)
    expect(trainer(session, { type: 'clear' })).toBe(session)
  })

  it('refuses to move, reopen or count when nothing is being asked', () => {
    const session = room()
    for (const action of [{ type: 'close' }, { type: 'reveal' }, { type: 'explain' }, { type: 'reopen' }, { type: 'count', optionId: 'a', count: 1 }] as TrainerAction[]) {
      expect(() => trainer(session, action)).toThrow(SessionError)
    }
  })
})

describe('choosing', () => {
  it('takes one option on a single-choice question', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    session = choose(session, 'ann', 'b')
    expect(current(session).choices.ann).toEqual(['b'])
    expect(participantView(session, 'ann').activity?.mine).toEqual(['b'])
    expect(participantView(session, 'bob').activity?.mine).toBeNull()
    expect(() => choose(session, 'bob', 'a', 'b')).toThrow(SessionError)
    expect(() => choose(session, 'bob')).toThrow(SessionError)
    // The same option twice is still one option.
    expect(current(choose(session, 'bob', 'a', 'a')).choices.bob).toEqual(['a'])
  })

  it('takes several options on a multiple-response question, once each', () => {
    let session = trainer(room(), { type: 'put', spec: spec({ multiple: true, correct: ['a', 'c'] }) })
    session = choose(session, 'ann', 'a', 'c', 'a')
    expect(current(session).choices.ann).toEqual(['a', 'c'])
    expect(() => choose(session, 'bob')).toThrow(SessionError)
    expect(tally(current(session))).toEqual({ counts: { a: 1, b: 0, c: 1 }, answers: 1 })
  })

  it('refuses an option the question does not have', () => {
    const session = trainer(room(), { type: 'put', spec: spec({ multiple: true }) })
    expect(() => choose(session, 'ann', 'z')).toThrow(SessionError)
    expect(() => choose(session, 'ann', 'a', 'z')).toThrow(/not an option/)
  })

  it('refuses an answer to a question no longer asked, closed, of another kind, or from someone who has not joined', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    const first = current(session).id
    session = trainer(session, { type: 'put', spec: spec({ prompt: 'Next' }) })
    expect(() => applyParticipant(session, 'ann', { type: 'choose', activityId: first, optionIds: ['a'] })).toThrow(SessionError)
    expect(() => applyParticipant(session, 'ann', { type: 'choose', activityId: 'a999', optionIds: ['a'] })).toThrow(SessionError)
    expect(() => choose(session, 'stranger', 'a')).toThrow(/Join/)
    expect(() => choose(trainer(session, { type: 'close' }), 'ann', 'a')).toThrow(SessionError)
    const words = trainer(session, { type: 'put', spec: textSpec('words') })
    expect(() => choose(words, 'ann', 'a')).toThrow(SessionError)
  })

  it('replaces an answer a participant changes', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    session = choose(session, 'ann', 'a')
    session = choose(session, 'bob', 'a')
    expect(tally(current(session))).toEqual({ counts: { a: 2, b: 0, c: 0 }, answers: 2 })
    session = choose(session, 'ann', 'c')
    expect(current(session).choices.ann).toEqual(['c'])
    expect(tally(current(session))).toEqual({ counts: { a: 1, b: 0, c: 1 }, answers: 2 })
  })
})

describe('tally and hand counts', () => {
  it('adds the hands the trainer counted to the phones, and counts them as answers', () => {
    let session = trainer(room(), { type: 'put', spec: spec() })
    session = choose(session, 'ann', 'a')
    session = choose(session, 'bob', 'b')
    session = trainer(session, { type: 'count', optionId: 'a', count: 5 }, { type: 'count', optionId: 'c', count: 2 })
    expect(current(session).counted).toEqual({ a: 5, c: 2 })
    expect(tally(current(session))).toEqual({ counts: { a: 6, b: 1, c: 2 }, answers: 9 })
    // A new count for an option replaces the old one.
    session = trainer(session, { type: 'count', optionId: 'a', count: 1 })
    expect(tally(current(session))).toEqual({ counts: { a: 2, b: 1, c: 2 }, answers: 5 })
    expect(presenterView(session).activity?.liveResults).toEqual({ counts: { a: 2, b: 1, c: 2 }, answers: 5 })
    expect(presenterView(session).activity?.counted).toEqual({ a: 1, c: 2 })
  })

  it('counts at least the largest hand count as answers when several options may be chosen', () => {
    let session = trainer(room(), { type: 'put', spec: spec({ multiple: true, correct: [] }) })
    session = choose(session, 'ann', 'a', 'b')
    session = trainer(session, { type: 'count', optionId: 'a', count: 4 }, { type: 'count', optionId: 'b', count: 7 })
    expect(tally(current(session))).toEqual({ counts: { a: 5, b: 8, c: 0 }, answers: 8 })
  })

  it('takes whole counts from 0 to 10,000 for options of a choice question only', () => {
    const session = trainer(room(), { type: 'put', spec: spec() })
    for (const count of [-1, 1.5, 10_001, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => trainer(session, { type: 'count', optionId: 'a', count })).toThrow(SessionError)
    expect(tally(current(trainer(session, { type: 'count', optionId: 'a', count: 10_000 }))).counts.a).toBe(10_000)
    expect(tally(current(trainer(session, { type: 'count', optionId: 'a', count: 0 }))).answers).toBe(0)
    expect(() => trainer(session, { type: 'count', optionId: 'z', count: 1 })).toThrow(SessionError)
    const words = trainer(session, { type: 'put', spec: textSpec('words') })
    expect(() => trainer(words, { type: 'count', optionId: 'a', count: 1 })).toThrow(SessionError)
  })

  it('tells the trainer why an action was refused by a code, which their screen says in the language they read', () => {
    const refusalOf = (action: () => unknown) => {
      try {
        action()
      } catch (error) {
        return error instanceof SessionError ? error.refusal : error
      }
      return 'not refused'
    }
    let full = room()
    for (let index = 0; index < LIMITS.activities; index++) full = trainer(full, { type: 'put', spec: spec() })
    expect(refusalOf(() => trainer(full, { type: 'put', spec: spec() }))).toEqual({ code: 'too-many-activities', values: { max: LIMITS.activities } })
    const asked = trainer(room(), { type: 'put', spec: spec() })
    expect(refusalOf(() => trainer(asked, { type: 'count', optionId: 'a', count: 10_001 }))).toEqual({ code: 'count-out-of-range' })
    const words = trainer(room(), { type: 'put', spec: textSpec('words') })
    expect(refusalOf(() => trainer(words, { type: 'moderate', textId: 'nothing-sent', status: 'approved' }))).toEqual({ code: 'no-such-answer' })
    const pending = ask(room(), 'ann', 'On screen?')
    expect(refusalOf(() => trainer(pending, { type: 'showQuestion', questionId: lastQuestion(pending).id }))).toEqual({ code: 'not-approved' })
  })

  it('counts nobody before anyone answers', () => {
    const session = trainer(room(), { type: 'put', spec: spec() })
    expect(tally(current(session))).toEqual({ counts: { a: 0, b: 0, c: 0 }, answers: 0 })
    expect(leadingOption(current(session))).toBeNull()
  })
})

describe('publicActivity', () => {
  function answered(over: Partial<ActivitySpec> = {}) {
    let session = trainer(room(), { type: 'put', spec: spec(over) })
    session = choose(session, 'ann', 'a')
    session = choose(session, 'bob', 'a')
    session = choose(session, 'cat', 'b')
    return session
  }

  it('shows no results, right answer or explanation while the question is open or closed', () => {
    for (const session of [answered(), trainer(answered(), { type: 'close' })]) {
      const shown = publicActivity(current(session))
      expect(shown).toMatchObject({ kind: 'choice', prompt: 'Which is right?', multiple: false, results: null, correct: null, explanation: null })
      expect(shown.options.map((option) => option.id)).toEqual(['a', 'b', 'c'])
      // Nothing of the answers or the key leaks.
      expect(JSON.stringify(shown)).not.toContain('Bravo, because')
      expect(shown).not.toHaveProperty('choices')
      expect(shown).not.toHaveProperty('feedback')
      expect(participantView(session, 'cat').activity).toMatchObject({ results: null, correct: null, explanation: null, mine: ['b'] })
    }
  })

  it('shows the distribution once revealed, and the right answer and explanation only once explained', () => {
    const revealed = trainer(answered(), { type: 'reveal' })
    expect(publicActivity(current(revealed))).toMatchObject({ phase: 'revealed', results: { counts: { a: 2, b: 1, c: 0 }, answers: 3, words: [], texts: [] }, correct: null, explanation: null })
    const explained = trainer(revealed, { type: 'explain' })
    expect(publicActivity(current(explained))).toMatchObject({ phase: 'explained', results: { counts: { a: 2, b: 1, c: 0 }, answers: 3 }, correct: ['b'], explanation: 'Bravo, because.' })
    expect(participantView(explained, 'ann').activity).toMatchObject({ correct: ['b'], explanation: 'Bravo, because.', mine: ['a'] })
  })

  it('gives no right answer for a question without one, even explained', () => {
    const explained = trainer(answered({ correct: [], explanation: 'Just a poll.', source: { type: 'poll' } }), { type: 'explain' })
    expect(publicActivity(current(explained))).toMatchObject({ correct: null, explanation: 'Just a poll.' })
  })

  it('tells the consequence of the option most of the room chose for a scenario step', () => {
    let session = trainer(room(), { type: 'put', spec: scenarioSpec() })
    session = choose(session, 'ann', 'c')
    session = choose(session, 'bob', 'b')
    session = choose(session, 'cat', 'c')
    expect(publicActivity(current(trainer(session, { type: 'reveal' }))).explanation).toBeNull()
    session = trainer(session, { type: 'explain' })
    expect(publicActivity(current(session))).toMatchObject({ correct: null, explanation: 'Charlie happens.' })
    expect(leadingOption(current(session))?.id).toBe('c')
  })

  it('takes the first option on a tie, counts hands too, and tells nothing before anyone chose', () => {
    let session = trainer(room(), { type: 'put', spec: scenarioSpec() })
    expect(publicActivity(current(trainer(session, { type: 'explain' }))).explanation).toBeNull()
    session = choose(session, 'ann', 'c')
    session = choose(session, 'bob', 'b')
    expect(leadingOption(current(session))?.id).toBe('b')
    expect(publicActivity(current(trainer(session, { type: 'explain' }))).explanation).toBe('Bravo happens.')
    session = trainer(session, { type: 'count', optionId: 'a', count: 3 })
    expect(leadingOption(current(session))?.id).toBe('a')
    expect(publicActivity(current(trainer(session, { type: 'explain' }))).explanation).toBe('Alpha happens.')
  })

  it('tells nothing when the leading option has no consequence', () => {
    let session = trainer(room(), { type: 'put', spec: spec({ correct: [], explanation: '', feedback: { b: 'Bravo happens.' } }) })
    session = choose(session, 'ann', 'a')
    expect(publicActivity(current(trainer(session, { type: 'explain' }))).explanation).toBeNull()
  })
})

describe('written answers', () => {
  it('takes a word as a pending answer that only its writer and the trainer see', () => {
    let session = trainer(room(), { type: 'put', spec: textSpec('words') })
    const before = session
    session = write(session, 'ann', '  Secretword  ')
    expect(current(session).texts).toEqual([{ id: `t${before.nextId}`, participantId: 'ann', text: 'Secretword', status: 'pending' }])
    expect(session.nextId).toBe(before.nextId + 1)
    expect(session.revision).toBe(before.revision + 1)
    expect(participantView(session, 'ann').activity?.mine).toBe('Secretword')
    expect(participantView(session, 'bob').activity?.mine).toBeNull()
    expect(JSON.stringify(participantView(session, 'bob'))).not.toContain('Secretword')
    expect(presenterView(session).activity?.pending).toEqual([{ id: `t${before.nextId}`, text: 'Secretword', by: 'Ann' }])
    // Even revealed, a pending word is nobody else's to see.
    const revealed = trainer(session, { type: 'reveal' })
    expect(JSON.stringify(participantView(revealed, 'bob'))).not.toContain('Secretword')
    expect(publicActivity(current(revealed)).results?.words).toEqual([])
  })

  it('shows approved words, not rejected ones, and only once revealed', () => {
    let session = trainer(room(), { type: 'put', spec: textSpec('words') })
    session = write(session, 'ann', 'Trust')
    session = write(session, 'bob', 'Rude')
    session = trainer(session, { type: 'moderate', textId: textOf(session, 'ann').id, status: 'approved' }, { type: 'moderate', textId: textOf(session, 'bob').id, status: 'rejected' })
    expect(presenterView(session).activity?.pending).toEqual([])
    expect(participantView(session, 'cat').activity?.results).toBeNull()
    expect(JSON.stringify(participantView(session, 'cat'))).not.toContain('Trust')
    session = trainer(session, { type: 'reveal' })
    expect(participantView(session, 'cat').activity?.results).toMatchObject({ words: [{ text: 'Trust', count: 1 }], texts: [] })
    expect(JSON.stringify(participantView(session, 'cat'))).not.toContain('Rude')
  })

  it('merges words whatever their case and puts the most given first', () => {
    let session = trainer(room(false, ['ann', 'bob', 'cat', 'dan']), { type: 'put', spec: textSpec('words') })
    session = write(session, 'ann', 'Zeal')
    session = write(session, 'bob', 'trust')
    session = write(session, 'cat', 'TRUST')
    session = write(session, 'dan', 'apathy')
    for (const text of current(session).texts) session = trainer(session, { type: 'moderate', textId: text.id, status: 'approved' })
    expect(wordCloud(current(session))).toEqual([
      { text: 'trust', count: 2 },
      { text: 'apathy', count: 1 },
      { text: 'Zeal', count: 1 },
    ])
  })

  it('replaces a second answer from the same participant, which waits for approval again', () => {
    let session = trainer(room(), { type: 'put', spec: textSpec('words') })
    session = write(session, 'ann', 'First')
    const first = textOf(session, 'ann').id
    session = trainer(session, { type: 'moderate', textId: first, status: 'approved' })
    session = write(session, 'ann', 'Second')
    expect(current(session).texts).toHaveLength(1)
    expect(textOf(session, 'ann')).toMatchObject({ text: 'Second', status: 'pending' })
    expect(textOf(session, 'ann').id).not.toBe(first)
    expect(wordCloud(current(session))).toEqual([])
    expect(participantView(session, 'ann').activity?.mine).toBe('Second')
    expect(() => trainer(session, { type: 'moderate', textId: first, status: 'approved' })).toThrow(SessionError)
  })

  it('shows approved answers to an open question as texts once revealed', () => {
    let session = trainer(room(), { type: 'put', spec: textSpec('open') })
    session = write(session, 'ann', 'We should ask first.')
    session = write(session, 'bob', 'Pending thought.')
    session = trainer(session, { type: 'moderate', textId: textOf(session, 'ann').id, status: 'approved' }, { type: 'reveal' })
    expect(publicActivity(current(session)).results).toEqual({ counts: {}, answers: 0, words: [], texts: ['We should ask first.'] })
  })

  it('takes words and open answers up to their limits', () => {
    const words = trainer(room(), { type: 'put', spec: textSpec('words') })
    expect(textOf(write(words, 'ann', 'w'.repeat(LIMITS.wordLength)), 'ann').text).toHaveLength(LIMITS.wordLength)
    expect(() => write(words, 'ann', 'w'.repeat(LIMITS.wordLength + 1))).toThrow(SessionError)
    expect(() => write(words, 'ann', ' \n ')).toThrow(SessionError)
    const open = trainer(room(), { type: 'put', spec: textSpec('open') })
    expect(textOf(write(open, 'ann', 'o'.repeat(LIMITS.openLength)), 'ann').text).toHaveLength(LIMITS.openLength)
    expect(() => write(open, 'ann', 'o'.repeat(LIMITS.openLength + 1))).toThrow(SessionError)
  })

  it('refuses written answers to a choice question, to one no longer asked, or once closed', () => {
    const choice = trainer(room(), { type: 'put', spec: spec() })
    expect(() => write(choice, 'ann', 'Words')).toThrow(SessionError)
    const words = trainer(choice, { type: 'put', spec: textSpec('words') })
    const id = current(words).id
    expect(() => write(trainer(words, { type: 'close' }), 'ann', 'Late')).toThrow(SessionError)
    const next = trainer(words, { type: 'put', spec: textSpec('open') })
    expect(() => applyParticipant(next, 'ann', { type: 'write', activityId: id, text: 'Late' })).toThrow(SessionError)
    expect(() => applyParticipant(next, 'ann', { type: 'write', activityId: 'a999', text: 'Lost' })).toThrow(SessionError)
    expect(() => trainer(words, { type: 'moderate', textId: 't999', status: 'approved' })).toThrow(SessionError)
  })
})

describe('cleanText', () => {
  it('makes text one trimmed line without control characters, invisible marks or bidi overrides', () => {
    expect(cleanText('\t a\u0000b\u0007c\u001bd\u007fe\r\nf\u2028g ', 100, 'answer')).toBe('a b c d e f g')
    expect(cleanText('evil\u202Etxt.exe', 100, 'answer')).toBe('evil txt.exe')
    expect(cleanText('x\u202Ay\u202Bz\u202Cw\u202Dv\u2066u\u2067t\u2068s\u2069r', 100, 'answer')).toBe('x y z w v u t s r')
    expect(cleanText('zero\u200Bwidth\u200Ejoin\u200F', 100, 'answer')).toBe('zero width join')
    expect(cleanText('Café naïve 👍', 100, 'answer')).toBe('Café naïve 👍')
  })

  it('refuses empty text and text over its limit, counting characters not code units', () => {
    expect(() => cleanText('\u202E\u200B \n', 10, 'name')).toThrow(SessionError)
    expect(() => cleanText('', 10, 'name')).toThrow('The name is empty.')
    expect(() => cleanText('abcdefghijk', 10, 'name')).toThrow('The name is longer than 10 characters.')
    expect(cleanText('👍'.repeat(10), 10, 'name')).toBe('👍'.repeat(10))
    // Spaces collapse before the length is checked.
    expect(cleanText('a          b', 3, 'name')).toBe('a b')
  })

  it('removes the C1 control characters too, such as NEL (a line break)', () => {
    expect(cleanText('one\u0085two\u009bthree', 100, 'answer')).toBe('one two three')
  })

  it('removes the Arabic letter mark like the other bidi marks', () => {
    expect(cleanText('a\u061Cb', 100, 'answer')).toBe('a b')
  })
})

describe("the room's questions", () => {
  it('takes a question as pending: the trainer sees it, the room does not', () => {
    const before = room()
    const session = ask(before, 'ann', '  Why   now? ')
    expect(session.questions).toEqual([{ id: `q${before.nextId}`, participantId: 'ann', text: 'Why now?', status: 'pending', votes: [], answered: false }])
    expect(session.nextId).toBe(before.nextId + 1)
    expect(participantView(session, 'ann')).toMatchObject({ questions: [], waiting: 1 })
    expect(participantView(session, 'bob')).toMatchObject({ questions: [], waiting: 0 })
    expect(JSON.stringify(participantView(session, 'bob'))).not.toContain('Why now?')
    expect(presenterView(session).questions).toEqual([{ id: `q${before.nextId}`, text: 'Why now?', votes: 0, answered: false, by: 'Ann', status: 'pending' }])
  })

  it(`takes up to ${LIMITS.questionsEach} questions from each participant, each up to ${LIMITS.questionLength} characters`, () => {
    let session = room()
    for (let index = 0; index < LIMITS.questionsEach; index++) session = ask(session, 'ann', `Question ${index}?`)
    expect(() => ask(session, 'ann', 'One more?')).toThrow(SessionError)
    expect(ask(session, 'bob', 'Mine?').questions).toHaveLength(LIMITS.questionsEach + 1)
    expect(lastQuestion(ask(session, 'bob', 'q'.repeat(LIMITS.questionLength))).text).toHaveLength(LIMITS.questionLength)
    expect(() => ask(session, 'bob', 'q'.repeat(LIMITS.questionLength + 1))).toThrow(SessionError)
    expect(() => ask(session, 'bob', '   ')).toThrow(SessionError)
    expect(() => ask(session, 'stranger', 'Hello?')).toThrow(SessionError)
  })

  it('shows only approved questions to the room, and takes votes on those only', () => {
    let session = ask(room(), 'ann', 'Approved?')
    const approved = lastQuestion(session).id
    session = ask(session, 'bob', 'Rejected?')
    const rejected = lastQuestion(session).id
    session = ask(session, 'bob', 'Pending?')
    const pending = lastQuestion(session).id
    session = trainer(session, { type: 'moderateQuestion', questionId: approved, status: 'approved' }, { type: 'moderateQuestion', questionId: rejected, status: 'rejected' })
    expect(participantView(session, 'cat').questions.map((item) => item.text)).toEqual(['Approved?'])
    expect(participantView(session, 'bob').waiting).toBe(1)
    expect(() => applyParticipant(session, 'cat', { type: 'vote', questionId: pending })).toThrow(SessionError)
    expect(() => applyParticipant(session, 'cat', { type: 'vote', questionId: rejected })).toThrow(SessionError)
    expect(() => applyParticipant(session, 'cat', { type: 'vote', questionId: 'q999' })).toThrow(SessionError)
    session = applyParticipant(session, 'cat', { type: 'vote', questionId: approved })
    expect(participantView(session, 'cat').questions).toEqual([{ id: approved, text: 'Approved?', votes: 1, answered: false, by: 'Ann', voted: true, mine: false }])
    expect(participantView(session, 'ann').questions).toEqual([{ id: approved, text: 'Approved?', votes: 1, answered: false, by: 'Ann', voted: false, mine: true }])
    // The trainer sees waiting ones first, then approved, then rejected.
    expect(presenterView(session).questions.map((item) => [item.text, item.status])).toEqual([
      ['Pending?', 'pending'],
      ['Approved?', 'approved'],
      ['Rejected?', 'rejected'],
    ])
  })

  it('counts one vote per participant, and none for their own question', () => {
    let session = ask(room(), 'ann', 'Vote?')
    const id = lastQuestion(session).id
    session = trainer(session, { type: 'moderateQuestion', questionId: id, status: 'approved' })
    const vote = (state: Session, participantId: string) => applyParticipant(state, participantId, { type: 'vote', questionId: id })
    session = vote(session, 'bob')
    expect(vote(session, 'bob')).toBe(session)
    expect(vote(session, 'ann')).toBe(session)
    session = vote(session, 'cat')
    expect(lastQuestion(session).votes).toEqual(['bob', 'cat'])
    expect(participantView(session, 'ann').questions[0]?.votes).toBe(2)
  })

  it('orders approved questions by votes, answered ones last', () => {
    let session = room(false, ['ann', 'bob', 'cat', 'dan'])
    for (const text of ['Few?', 'Many?', 'Done?']) {
      session = ask(session, 'ann', text)
      session = trainer(session, { type: 'moderateQuestion', questionId: lastQuestion(session).id, status: 'approved' })
    }
    const [few, many, done] = session.questions.map((item) => item.id) as [string, string, string]
    for (const participantId of ['bob', 'cat']) session = applyParticipant(session, participantId, { type: 'vote', questionId: many })
    for (const participantId of ['bob', 'cat', 'dan']) session = applyParticipant(session, participantId, { type: 'vote', questionId: done })
    session = applyParticipant(session, 'dan', { type: 'vote', questionId: few })
    session = trainer(session, { type: 'answered', questionId: done })
    expect(participantView(session, 'dan').questions.map((item) => [item.text, item.votes, item.answered])).toEqual([
      ['Many?', 2, false],
      ['Few?', 1, false],
      ['Done?', 3, true],
    ])
  })

  it('puts only an approved question on the screen, and takes it off when rejected or answered', () => {
    let session = ask(room(), 'ann', 'On screen?')
    const id = lastQuestion(session).id
    expect(() => trainer(session, { type: 'showQuestion', questionId: id })).toThrow(SessionError)
    expect(() => trainer(session, { type: 'showQuestion', questionId: 'q999' })).toThrow(SessionError)
    session = trainer(session, { type: 'moderateQuestion', questionId: id, status: 'approved' }, { type: 'showQuestion', questionId: id })
    expect(session.shownQuestion).toBe(id)
    expect(participantView(session, 'bob').shownQuestion).toEqual({ id, text: 'On screen?', votes: 0, answered: false, by: 'Ann' })
    expect(presenterView(session).shownQuestion).toMatchObject({ id, text: 'On screen?' })
    // Approving it again leaves it up; rejecting it takes it down.
    expect(trainer(session, { type: 'moderateQuestion', questionId: id, status: 'approved' }).shownQuestion).toBe(id)
    const rejected = trainer(session, { type: 'moderateQuestion', questionId: id, status: 'rejected' })
    expect(rejected.shownQuestion).toBeNull()
    expect(participantView(rejected, 'bob').shownQuestion).toBeNull()
    expect(participantView(rejected, 'bob').questions).toEqual([])
    expect(() => trainer(rejected, { type: 'showQuestion', questionId: id })).toThrow(SessionError)
    // Answered: marked, and off the screen.
    const answered = trainer(session, { type: 'answered', questionId: id })
    expect(answered.shownQuestion).toBeNull()
    expect(answered.questions[0]?.answered).toBe(true)
    expect(participantView(answered, 'bob').questions[0]?.answered).toBe(true)
    // Taken down by hand.
    expect(trainer(session, { type: 'showQuestion', questionId: null }).shownQuestion).toBeNull()
  })

  it('leaves another question on screen when one not shown is rejected or answered', () => {
    let session = ask(ask(room(), 'ann', 'Shown?'), 'bob', 'Other?')
    const [shown, other] = session.questions.map((item) => item.id) as [string, string]
    session = trainer(session, { type: 'moderateQuestion', questionId: shown, status: 'approved' }, { type: 'moderateQuestion', questionId: other, status: 'approved' }, { type: 'showQuestion', questionId: shown })
    expect(trainer(session, { type: 'moderateQuestion', questionId: other, status: 'rejected' }).shownQuestion).toBe(shown)
    expect(trainer(session, { type: 'answered', questionId: other }).shownQuestion).toBe(shown)
  })

  it('refuses to moderate or mark answered a question that does not exist', () => {
    const session = room()
    expect(() => trainer(session, { type: 'moderateQuestion', questionId: 'q1', status: 'approved' })).toThrow(SessionError)
    expect(() => trainer(session, { type: 'answered', questionId: 'q1' })).toThrow(SessionError)
  })
})

describe('anonymity', () => {
  function busy(anonymous: boolean): Session {
    let session = room(anonymous)
    session = ask(session, 'ann', 'Who asked?')
    const id = lastQuestion(session).id
    session = trainer(session, { type: 'moderateQuestion', questionId: id, status: 'approved' }, { type: 'showQuestion', questionId: id })
    session = ask(session, 'bob', 'Still waiting?')
    session = trainer(session, { type: 'put', spec: spec() })
    session = choose(session, 'ann', 'a')
    session = choose(session, 'cat', 'b')
    return session
  }

  it('keeps every name out of the presenter view of an anonymous session', () => {
    const session = busy(true)
    const view = presenterView(session)
    expect(view.anonymous).toBe(true)
    expect(view.participants).toEqual([
      { id: 'ann', name: null, connected: true, learner: false },
      { id: 'bob', name: null, connected: true, learner: false },
      { id: 'cat', name: null, connected: true, learner: false },
    ])
    expect(view.activity?.named).toEqual([])
    expect(view.questions.map((item) => item.by)).toEqual([null, null])
    expect(view.shownQuestion?.by).toBeNull()
    // The answers are still counted.
    expect(view.activity?.liveResults).toEqual({ counts: { a: 1, b: 1, c: 0 }, answers: 2 })
    const words = write(trainer(session, { type: 'put', spec: textSpec('words') }), 'bob', 'Hidden')
    expect(presenterView(words).activity?.pending).toEqual([{ id: textOf(words, 'bob').id, text: 'Hidden', by: null }])
    for (const shown of [view, presenterView(words), participantView(session, 'cat')]) {
      for (const name of ['Ann', 'Bob']) expect(JSON.stringify(shown)).not.toContain(`"${name}"`)
    }
    // A participant still sees their own name.
    expect(participantView(session, 'ann').name).toBe('Ann')
    expect(participantView(session, 'cat').questions[0]?.by).toBeNull()
  })

  it('names participants, their answers and their questions in a named session', () => {
    const session = busy(false)
    const view = presenterView(session)
    expect(view.participants.map((item) => item.name)).toEqual(['Ann', 'Bob', 'Cat'])
    expect(view.activity?.named).toEqual([
      { name: 'Ann', chosen: ['a'] },
      { name: 'Cat', chosen: ['b'] },
    ])
    expect(view.questions.map((item) => [item.text, item.by])).toEqual([
      ['Still waiting?', 'Bob'],
      ['Who asked?', 'Ann'],
    ])
    expect(view.shownQuestion?.by).toBe('Ann')
    expect(participantView(session, 'cat').questions[0]?.by).toBe('Ann')
    const words = write(trainer(session, { type: 'put', spec: textSpec('words') }), 'bob', 'Named')
    expect(presenterView(words).activity?.pending).toEqual([{ id: textOf(words, 'bob').id, text: 'Named', by: 'Bob' }])
  })
})

describe('an ended session', () => {
  it('ends once, taking everything off the screens', () => {
    let session = ask(room(), 'ann', 'Up?')
    const id = lastQuestion(session).id
    session = trainer(session, { type: 'put', spec: spec() }, { type: 'moderateQuestion', questionId: id, status: 'approved' }, { type: 'showQuestion', questionId: id })
    const ended = endSession(session)
    expect(ended).toMatchObject({ ended: true, current: null, shownQuestion: null, revision: session.revision + 1 })
    expect(ended.activities).toHaveLength(1)
    expect(endSession(ended)).toBe(ended)
    expect(participantView(ended, 'ann')).toMatchObject({ ended: true, activity: null, shownQuestion: null })
    expect(presenterView(ended)).toMatchObject({ ended: true, activity: null, asked: 1 })
  })

  it('refuses every action', () => {
    let session = ask(room(), 'ann', 'Q?')
    const questionId = lastQuestion(session).id
    session = trainer(session, { type: 'moderateQuestion', questionId, status: 'approved' }, { type: 'put', spec: textSpec('words') })
    session = write(session, 'bob', 'Word')
    const activityId = current(session).id
    const textId = textOf(session, 'bob').id
    const ended = endSession(session)
    const trainerActions: TrainerAction[] = [
      { type: 'put', spec: spec() },
      { type: 'close' },
      { type: 'reopen' },
      { type: 'reveal' },
      { type: 'explain' },
      { type: 'clear' },
      { type: 'count', optionId: 'a', count: 1 },
      { type: 'moderate', textId, status: 'approved' },
      { type: 'moderateQuestion', questionId, status: 'rejected' },
      { type: 'showQuestion', questionId },
      { type: 'showQuestion', questionId: null },
      { type: 'answered', questionId },
    ]
    for (const action of trainerActions) expect(() => applyTrainer(ended, action, LATER), action.type).toThrow(SessionError)
    const participantActions: ParticipantAction[] = [
      { type: 'choose', activityId, optionIds: ['a'] },
      { type: 'write', activityId, text: 'Late' },
      { type: 'ask', text: 'Late?' },
      { type: 'vote', questionId },
    ]
    for (const action of participantActions) expect(() => applyParticipant(ended, 'cat', action), action.type).toThrow(SessionError)
    expect(() => join(ended, 'dan', 'Dan', LATER)).toThrow(SessionError)
    expect(() => join(ended, 'ann', 'Ann', LATER)).toThrow(SessionError)
  })
})

describe('revision', () => {
  it('counts up by one with every change', () => {
    let session = fresh()
    const revisions = [session.revision]
    const step = (next: Session) => {
      session = next
      revisions.push(session.revision)
    }
    step(join(session, 'ann', 'Ann', AT))
    step(join(session, 'bob', 'Bob', AT))
    step(trainer(session, { type: 'put', spec: spec() }))
    step(choose(session, 'ann', 'a'))
    step(choose(session, 'ann', 'b'))
    step(trainer(session, { type: 'count', optionId: 'c', count: 2 }))
    step(trainer(session, { type: 'close' }))
    step(trainer(session, { type: 'reopen' }))
    step(trainer(session, { type: 'reveal' }))
    step(trainer(session, { type: 'explain' }))
    step(trainer(session, { type: 'put', spec: textSpec('words') }))
    step(write(session, 'bob', 'Word'))
    step(trainer(session, { type: 'moderate', textId: textOf(session, 'bob').id, status: 'approved' }))
    step(trainer(session, { type: 'clear' }))
    step(ask(session, 'ann', 'Q?'))
    step(trainer(session, { type: 'moderateQuestion', questionId: lastQuestion(session).id, status: 'approved' }))
    step(applyParticipant(session, 'bob', { type: 'vote', questionId: lastQuestion(session).id }))
    step(trainer(session, { type: 'showQuestion', questionId: lastQuestion(session).id }))
    step(trainer(session, { type: 'answered', questionId: lastQuestion(session).id }))
    step(setConnected(session, 'bob', false))
    step(endSession(session))
    expect(revisions).toEqual(revisions.map((_, index) => index))
  })

  it('stays the same, with the same session, when nothing changes', () => {
    let session = ask(room(), 'ann', 'Q?')
    const questionId = lastQuestion(session).id
    session = trainer(session, { type: 'moderateQuestion', questionId, status: 'approved' }, { type: 'put', spec: spec() }, { type: 'explain' })
    expect(trainer(session, { type: 'close' })).toBe(session)
    expect(trainer(session, { type: 'reveal' })).toBe(session)
    expect(trainer(session, { type: 'explain' })).toBe(session)
    expect(trainer(session, { type: 'reopen' })).toBe(session)
    const cleared = trainer(session, { type: 'clear' })
    expect(trainer(cleared, { type: 'clear' })).toBe(cleared)
    expect(setConnected(session, 'ann', true)).toBe(session)
    const voted = applyParticipant(session, 'bob', { type: 'vote', questionId })
    expect(applyParticipant(voted, 'bob', { type: 'vote', questionId })).toBe(voted)
    const ended = endSession(session)
    expect(endSession(ended)).toBe(ended)
  })

  it('stays the same when the trainer takes down a question while none is shown', () => {
    const session = room()
    expect(session.shownQuestion).toBeNull()
    const after = trainer(session, { type: 'showQuestion', questionId: null })
    expect(after.revision).toBe(session.revision)
  })
})

describe('hostile ids', () => {
  const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']

  it('treats them as participant ids like any other', () => {
    let session = fresh()
    // Not a participant before joining.
    expect(() => ask(session, 'constructor', 'Hello?')).toThrow(/Join/)
    expect(() => ask(session, '__proto__', 'Hello?')).toThrow(/Join/)
    expect(setConnected(session, 'toString', false)).toBe(session)
    expect(participantView(session, 'constructor').name).toBe('')
    for (const id of HOSTILE) session = join(session, id, `Name ${id}`, AT)
    expect(Object.keys(session.participants)).toEqual(HOSTILE)
    expect(presenterView(session).participants).toEqual(HOSTILE.map((id) => ({ id, name: `Name ${id}`, connected: true, learner: false })))
    for (const id of HOSTILE) expect(participantView(session, id).name).toBe(`Name ${id}`)
    // Rejoining keeps the name, as for anyone.
    expect(join(setConnected(session, '__proto__', false), '__proto__', 'Other', LATER).participants.__proto__).toEqual({ name: 'Name __proto__', joinedAt: AT, connected: true, learnerId: null })
    expect(Object.getPrototypeOf(session.participants)).toBeNull()

    session = trainer(session, { type: 'put', spec: spec({ multiple: true, correct: [] }) })
    for (const id of HOSTILE) session = choose(session, id, 'a', 'c')
    expect(tally(current(session))).toEqual({ counts: { a: HOSTILE.length, b: 0, c: HOSTILE.length }, answers: HOSTILE.length })
    for (const id of HOSTILE) expect(participantView(session, id).activity?.mine).toEqual(['a', 'c'])
    expect(presenterView(session).activity?.named).toEqual(HOSTILE.map((id) => ({ name: `Name ${id}`, chosen: ['a', 'c'] })))

    session = ask(session, '__proto__', 'Proto?')
    const questionId = lastQuestion(session).id
    session = trainer(session, { type: 'moderateQuestion', questionId, status: 'approved' })
    session = applyParticipant(session, 'constructor', { type: 'vote', questionId })
    expect(applyParticipant(session, '__proto__', { type: 'vote', questionId })).toBe(session)
    expect(participantView(session, 'constructor').questions).toEqual([{ id: questionId, text: 'Proto?', votes: 1, answered: false, by: 'Name __proto__', voted: true, mine: false }])
    expect(participantView(session, '__proto__').questions[0]).toMatchObject({ mine: true, voted: false })

    session = trainer(session, { type: 'put', spec: textSpec('words') })
    session = write(session, 'constructor', 'One')
    session = write(session, '__proto__', 'Two')
    expect(participantView(session, 'constructor').activity?.mine).toBe('One')
    expect(participantView(session, '__proto__').activity?.mine).toBe('Two')
    expect(participantView(session, 'toString').activity?.mine).toBeNull()
  })

  it('treats them as option ids like any other', () => {
    const options = HOSTILE.map((id) => ({ id, text: `Option ${id}` }))
    const feedback = Object.fromEntries([['__proto__', 'Proto happens.'], ['toString', 'String happens.']]) as Record<string, string>
    let session = trainer(room(false, ['ann', 'bob', 'cat', 'dan']), { type: 'put', spec: spec({ options, correct: ['__proto__'], explanation: '', feedback, source: { type: 'poll' } }) })
    expect(tally(current(session)).counts).toEqual(Object.fromEntries(HOSTILE.map((id) => [id, 0])))
    expect(Object.keys(tally(current(session)).counts)).toEqual(HOSTILE)
    session = choose(session, 'ann', 'constructor')
    session = choose(session, 'bob', '__proto__')
    session = choose(session, 'cat', '__proto__')
    expect(() => choose(session, 'dan', 'isPrototypeOf')).toThrow(SessionError)
    expect(() => trainer(session, { type: 'count', optionId: 'isPrototypeOf', count: 1 })).toThrow(SessionError)
    session = trainer(session, { type: 'count', optionId: 'toString', count: 1 }, { type: 'count', optionId: '__proto__', count: 1 })
    expect(Object.keys(current(session).counted).sort()).toEqual(['__proto__', 'toString'])
    // (Written with fromEntries: a __proto__ key in an object literal would set its prototype.)
    expect(tally(current(session))).toEqual({ counts: Object.fromEntries([['constructor', 1], ['__proto__', 3], ['toString', 1], ['hasOwnProperty', 0], ['valueOf', 0]]), answers: 5 })
    expect(Object.keys(presenterView(session).activity?.counted ?? {}).sort()).toEqual(['__proto__', 'toString'])
    expect(leadingOption(current(session))?.id).toBe('__proto__')
    session = trainer(session, { type: 'explain' })
    expect(publicActivity(current(session))).toMatchObject({ correct: ['__proto__'], explanation: 'Proto happens.' })
  })

  it('gives no consequence for an option named like an inherited property', () => {
    const options = [
      { id: 'constructor', text: 'Build' },
      { id: 'b', text: 'Other' },
    ]
    let session = trainer(room(), { type: 'put', spec: spec({ options, correct: [], explanation: '', feedback: { b: 'B happens.' } }) })
    session = choose(session, 'ann', 'constructor')
    session = trainer(session, { type: 'explain' })
    expect(publicActivity(current(session)).explanation).toBeNull()
  })

  it('counts words like "constructor" and "__proto__" in a word cloud', () => {
    let session = trainer(room(), { type: 'put', spec: textSpec('words') })
    session = write(session, 'ann', 'constructor')
    session = write(session, 'bob', '__proto__')
    session = write(session, 'cat', 'Constructor')
    for (const text of current(session).texts) session = trainer(session, { type: 'moderate', textId: text.id, status: 'approved' })
    expect(wordCloud(current(session))).toEqual([
      { text: 'constructor', count: 2 },
      { text: '__proto__', count: 1 },
    ])
  })
})
