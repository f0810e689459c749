/**
 * A live workshop session: what the trainer puts to the room, what the room answers, and the
 * room's questions. Pure: the web host holds one session and applies actions to it; the
 * presenter, the projector and each phone are shown views of it (`presenterView`,
 * `participantView`), never the session itself.
 *
 * An activity goes open → closed → revealed → explained: answers are taken while it is open (a
 * participant may change theirs), the distribution reaches the projector when revealed, and the
 * right answer and explanation after that. Free text (word clouds, open questions, the room's
 * questions) waits for the trainer's approval before anyone else sees it.
 */
import { translator } from '../i18n/translate'
import { REFUSALS } from './refusals'

export const LIMITS = {
  participants: 300,
  nameLength: 40,
  /** A word-cloud answer: a word or a few. */
  wordLength: 40,
  openLength: 500,
  questionLength: 300,
  /** The room's questions one participant may ask in a session. */
  questionsEach: 10,
  options: 10,
  activities: 200,
  /** The most hands a trainer may count for one option (the refusal's words say 10,000 too). */
  handCount: 10_000,
} as const

/** Whether a trainer may count this many hands for an option. */
export function isHandCount(count: number): boolean {
  return Number.isInteger(count) && count >= 0 && count <= LIMITS.handCount
}

export type ActivityKind = 'choice' | 'words' | 'open'
export type ActivityPhase = 'open' | 'closed' | 'revealed' | 'explained'
export type ModerationStatus = 'pending' | 'approved' | 'rejected'

export type ActivitySource =
  | { type: 'quiz'; quizId: string; questionId: string }
  | { type: 'scenario'; scenarioId: string; stepId: string }
  | { type: 'poll' }

export interface ActivityOption {
  id: string
  text: string
}

/** What the trainer puts to the room. */
export interface ActivitySpec {
  kind: ActivityKind
  prompt: string
  /** Choice only. */
  options: ActivityOption[]
  multiple: boolean
  /** The right options of a quiz question; empty when there is no right answer (polls, scenarios). */
  correct: string[]
  explanation: string
  /** Scenario steps: each choice's consequence, told for the room's choice once explained. */
  feedback: Record<string, string>
  source: ActivitySource
}

export interface FreeText {
  id: string
  participantId: string
  text: string
  status: ModerationStatus
}

export interface Activity extends ActivitySpec {
  id: string
  phase: ActivityPhase
  openedAt: string
  /** Choice: the options each participant chose, by participant id. */
  choices: Record<string, string[]>
  /** Choice: counts the trainer entered by hand, by option id, added to the phones' answers. */
  counted: Record<string, number>
  /** Words and open questions. */
  texts: FreeText[]
}

export interface RoomQuestion {
  id: string
  participantId: string
  text: string
  status: ModerationStatus
  votes: string[]
  answered: boolean
}

/** The page the projector shows, as phones follow it: its title and its text. */
export interface SharedPage {
  id: string
  title: string
  text: string[]
}

export interface Participant {
  name: string
  joinedAt: string
  connected: boolean
  /** A learner of this device who joined as themselves (from the laptop), or null. */
  learnerId: string | null
}

export interface Session {
  id: string
  courseId: string
  moduleId: string
  startedAt: string
  /** Names stay out of every view and record but the participant's own. */
  anonymous: boolean
  participants: Record<string, Participant>
  activities: Activity[]
  /** The activity on the screens, or null. */
  current: string | null
  questions: RoomQuestion[]
  /** The room question on the projector, or null. */
  shownQuestion: string | null
  /** The page on the projector, for phones to follow; null when the screen is black. */
  page: SharedPage | null
  ended: boolean
  /** Counts up with every change, so a view names the state it shows. */
  revision: number
  /** The next id handed out for an activity, a text or a question. */
  nextId: number
}

export type TrainerAction =
  | { type: 'put'; spec: ActivitySpec }
  | { type: 'close' }
  | { type: 'reopen' }
  | { type: 'reveal' }
  | { type: 'explain' }
  | { type: 'clear' }
  | { type: 'count'; optionId: string; count: number }
  | { type: 'moderate'; textId: string; status: 'approved' | 'rejected' }
  | { type: 'moderateQuestion'; questionId: string; status: 'approved' | 'rejected' }
  | { type: 'showQuestion'; questionId: string | null }
  | { type: 'answered'; questionId: string }
  | { type: 'page'; page: SharedPage | null }

export type ParticipantAction =
  | { type: 'choose'; activityId: string; optionIds: string[] }
  | { type: 'write'; activityId: string; text: string }
  | { type: 'ask'; text: string }
  | { type: 'vote'; questionId: string }

/** What a phone's refused action was refused for, so the participant page can say it in the phone's language (src/participant/messages.ts). */
export type RefusalCode =
  | 'ended'
  | 'join-first'
  | 'full'
  | 'no-session'
  | 'nothing-asked'
  | 'choose-one'
  | 'choose-some'
  | 'not-an-option'
  | 'no-written-answers'
  | 'too-many-questions'
  | 'no-such-question'
  | 'no-longer-asked'
  | 'does-not-fit'
  | 'closed'
  | 'too-many-activities'
  | 'count-out-of-range'
  | 'no-such-answer'
  | 'not-approved'
  | `${TextKind}-empty`
  | `${TextKind}-too-long`

/** What a participant writes: their name, an answer, a question to the trainer. */
export type TextKind = 'name' | 'answer' | 'question'

export interface Refusal {
  code: RefusalCode
  values?: Readonly<Record<string, number>>
}

/**
 * Why an action was not taken, in words a participant or trainer can act on; with a code where
 * the one told may read another language (a phone, or the trainer's screen). Those without a code
 * are what the app's own forms check first (a poll's text and options).
 */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly refusal?: Refusal,
  ) {
    super(message)
  }
}

/** A refusal a phone or the trainer may meet: the host's English words from the refusal catalogue (refusals.ts), with the code each says it by in their own language. */
export function refused(code: RefusalCode, values?: Readonly<Record<string, number>>): SessionError {
  return new SessionError(inEnglish(code, values), values ? { code, values } : { code })
}
const inEnglish = translator(REFUSALS.en)

const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>
const own = <T>(from: Record<string, T>, key: string): T | undefined => (Object.hasOwn(from, key) ? from[key] : undefined)

export function createSession(input: { id: string; courseId: string; moduleId: string; anonymous: boolean; at: string }): Session {
  return { ...input, startedAt: input.at, participants: record(), activities: [], current: null, questions: [], shownQuestion: null, page: null, ended: false, revision: 0, nextId: 1 }
}

/** Text as a participant sent it, made one line, trimmed, and checked against its limit. */
export function cleanText(text: string, limit: number, what: TextKind): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim()
  if (clean === '') throw refused(`${what}-empty`)
  if ([...clean].length > limit) throw refused(`${what}-too-long`, { max: limit })
  return clean
}

function currentActivity(session: Session): Activity | undefined {
  return session.activities.find((activity) => activity.id === session.current)
}

function requireCurrent(session: Session): Activity {
  const activity = currentActivity(session)
  if (!activity) throw refused('nothing-asked')
  return activity
}

function changed(session: Session, patch: Partial<Session>): Session {
  return { ...session, ...patch, revision: session.revision + 1 }
}

function withActivity(session: Session, activity: Activity): Session {
  return changed(session, { activities: session.activities.map((item) => (item.id === activity.id ? activity : item)) })
}

const PHASES: readonly ActivityPhase[] = ['open', 'closed', 'revealed', 'explained']

function checkSpec(spec: ActivitySpec): void {
  if (spec.prompt.trim() === '') throw new SessionError('The question to the room has no text.')
  if (spec.kind !== 'choice') return
  if (spec.options.length < 2 || spec.options.length > LIMITS.options) throw new SessionError(`A question to the room needs 2 to ${LIMITS.options} options.`)
  const ids = new Set(spec.options.map((option) => option.id))
  if (ids.size !== spec.options.length) throw new SessionError('Two options of the question have the same id.')
  if (spec.options.some((option) => option.text.trim() === '')) throw new SessionError('An option of the question has no text.')
  if (spec.correct.some((id) => !ids.has(id))) throw new SessionError('A right answer is not one of the options.')
}

/** The trainer's actions; `at` is when (ISO). Ids of new activities come from the session's own counter. */
export function applyTrainer(session: Session, action: TrainerAction, at: string): Session {
  if (session.ended) throw refused('ended')
  switch (action.type) {
    case 'put': {
      checkSpec(action.spec)
      if (session.activities.length >= LIMITS.activities) throw refused('too-many-activities', { max: LIMITS.activities })
      const activity: Activity = { ...action.spec, id: `a${session.nextId}`, phase: 'open', openedAt: at, choices: record(), counted: record(), texts: [] }
      return changed(session, { activities: [...session.activities, activity], current: activity.id, nextId: session.nextId + 1 })
    }
    case 'close':
    case 'reveal':
    case 'explain': {
      const activity = requireCurrent(session)
      const phase = action.type === 'close' ? 'closed' : action.type === 'reveal' ? 'revealed' : 'explained'
      // Never backwards: revealing an open question closes it too.
      if (PHASES.indexOf(phase) <= PHASES.indexOf(activity.phase)) return session
      return withActivity(session, { ...activity, phase })
    }
    case 'reopen': {
      const activity = requireCurrent(session)
      return activity.phase === 'closed' ? withActivity(session, { ...activity, phase: 'open' }) : session
    }
    case 'clear':
      return session.current === null ? session : changed(session, { current: null })
    case 'count': {
      const activity = requireCurrent(session)
      if (activity.kind !== 'choice' || !activity.options.some((option) => option.id === action.optionId)) throw refused('not-an-option')
      if (!isHandCount(action.count)) throw refused('count-out-of-range')
      if (own(activity.counted, action.optionId) === action.count) return session
      const counted = Object.assign(record<number>(), activity.counted, { [action.optionId]: action.count })
      return withActivity(session, { ...activity, counted })
    }
    case 'moderate': {
      const activity = session.activities.find((item) => item.texts.some((text) => text.id === action.textId))
      if (!activity) throw refused('no-such-answer')
      if (activity.texts.some((text) => text.id === action.textId && text.status === action.status)) return session
      return withActivity(session, { ...activity, texts: activity.texts.map((text) => (text.id === action.textId ? { ...text, status: action.status } : text)) })
    }
    case 'moderateQuestion': {
      const question = requireQuestion(session, action.questionId)
      if (question.status === action.status) return session
      const questions = session.questions.map((item) => (item === question ? { ...item, status: action.status } : item))
      const shownQuestion = action.status === 'rejected' && session.shownQuestion === question.id ? null : session.shownQuestion
      return changed(session, { questions, shownQuestion })
    }
    case 'showQuestion': {
      if (action.questionId === session.shownQuestion) return session
      if (action.questionId === null) return changed(session, { shownQuestion: null })
      const question = requireQuestion(session, action.questionId)
      if (question.status !== 'approved') throw refused('not-approved')
      return changed(session, { shownQuestion: question.id })
    }
    case 'page':
      return session.page?.id === action.page?.id ? session : changed(session, { page: action.page })
    case 'answered': {
      const question = requireQuestion(session, action.questionId)
      if (question.answered) return session
      const shownQuestion = session.shownQuestion === question.id ? null : session.shownQuestion
      return changed(session, { questions: session.questions.map((item) => (item === question ? { ...item, answered: true } : item)), shownQuestion })
    }
  }
}

function requireQuestion(session: Session, id: string): RoomQuestion {
  const question = session.questions.find((item) => item.id === id)
  if (!question) throw refused('no-such-question')
  return question
}

/** A participant joins with a display name, or as a learner of this device (or comes back with the same id). */
export function join(session: Session, participantId: string, name: string, at: string, learnerId: string | null = null): Session {
  if (session.ended) throw refused('ended')
  const known = own(session.participants, participantId)
  if (!known && Object.keys(session.participants).length >= LIMITS.participants) throw refused('full', { max: LIMITS.participants })
  const participant: Participant = known ? { ...known, connected: true } : { name: cleanText(name, LIMITS.nameLength, 'name'), joinedAt: at, connected: true, learnerId }
  return changed(session, { participants: Object.assign(record<Participant>(), session.participants, { [participantId]: participant }) })
}

export function setConnected(session: Session, participantId: string, connected: boolean): Session {
  const known = own(session.participants, participantId)
  if (!known || known.connected === connected) return session
  return changed(session, { participants: Object.assign(record<Participant>(), session.participants, { [participantId]: { ...known, connected } }) })
}

/** A participant's actions, from a phone: anything they could not have done on their screen is refused. */
export function applyParticipant(session: Session, participantId: string, action: ParticipantAction): Session {
  if (session.ended) throw refused('ended')
  if (!own(session.participants, participantId)) throw refused('join-first')
  switch (action.type) {
    case 'choose': {
      const activity = openActivity(session, action.activityId, 'choice')
      const chosen = [...new Set(action.optionIds)]
      if (chosen.length === 0 || (!activity.multiple && chosen.length > 1)) throw refused(activity.multiple ? 'choose-some' : 'choose-one')
      if (chosen.some((id) => !activity.options.some((option) => option.id === id))) throw refused('not-an-option')
      const before = own(activity.choices, participantId)
      if (before && before.length === chosen.length && before.every((id) => chosen.includes(id))) return session
      return withActivity(session, { ...activity, choices: Object.assign(record<string[]>(), activity.choices, { [participantId]: chosen }) })
    }
    case 'write': {
      const activity = session.activities.find((item) => item.id === action.activityId)
      if (!activity || activity.kind === 'choice') throw refused('no-written-answers')
      openActivity(session, action.activityId, activity.kind)
      const text = cleanText(action.text, activity.kind === 'words' ? LIMITS.wordLength : LIMITS.openLength, 'answer')
      // One answer each: a second replaces the first, and waits for approval again.
      const texts = [...activity.texts.filter((item) => item.participantId !== participantId), { id: `t${session.nextId}`, participantId, text, status: 'pending' as const }]
      return { ...withActivity(session, { ...activity, texts }), nextId: session.nextId + 1 }
    }
    case 'ask': {
      if (session.questions.filter((item) => item.participantId === participantId).length >= LIMITS.questionsEach) throw refused('too-many-questions', { max: LIMITS.questionsEach })
      const text = cleanText(action.text, LIMITS.questionLength, 'question')
      const question: RoomQuestion = { id: `q${session.nextId}`, participantId, text, status: 'pending', votes: [], answered: false }
      return changed(session, { questions: [...session.questions, question], nextId: session.nextId + 1 })
    }
    case 'vote': {
      const question = session.questions.find((item) => item.id === action.questionId && item.status === 'approved')
      if (!question) throw refused('no-such-question')
      if (question.participantId === participantId || question.votes.includes(participantId)) return session
      return changed(session, { questions: session.questions.map((item) => (item === question ? { ...item, votes: [...item.votes, participantId] } : item)) })
    }
  }
}

function openActivity(session: Session, activityId: string, kind: ActivityKind): Activity {
  const activity = currentActivity(session)
  if (!activity || activity.id !== activityId) throw refused('no-longer-asked')
  if (activity.kind !== kind) throw refused('does-not-fit')
  if (activity.phase !== 'open') throw refused('closed')
  return activity
}

export function endSession(session: Session): Session {
  return session.ended ? session : changed(session, { ended: true, current: null, shownQuestion: null })
}

/** How many chose each option (phones and hand counts together), and how many answered. */
export function tally(activity: Activity): { counts: Record<string, number>; answers: number } {
  const counts = record<number>()
  for (const option of activity.options) counts[option.id] = own(activity.counted, option.id) ?? 0
  const byPhone = Object.values(activity.choices)
  for (const chosen of byPhone) for (const id of chosen) if (Object.hasOwn(counts, id)) counts[id] = (counts[id] ?? 0) + 1
  // Counted by hand, several options each may be chosen: the largest count is how many at least answered.
  const byHand = Math.max(0, ...Object.values(activity.counted))
  return { counts, answers: byPhone.length + (activity.multiple ? byHand : Object.values(activity.counted).reduce((sum, count) => sum + count, 0)) }
}

/** Approved words with how many gave each (case aside), most first. */
export function wordCloud(activity: Activity): { text: string; count: number }[] {
  const words = new Map<string, { text: string; count: number }>()
  for (const item of activity.texts) {
    if (item.status !== 'approved') continue
    const key = item.text.toLocaleLowerCase()
    const entry = words.get(key)
    if (entry) entry.count++
    else words.set(key, { text: item.text, count: 1 })
  }
  return [...words.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
}

/** What the projector and the phones may show of an activity: its results only once revealed, the right answer only once explained. */
export interface PublicActivity {
  id: string
  kind: ActivityKind
  prompt: string
  options: ActivityOption[]
  multiple: boolean
  phase: ActivityPhase
  results: { counts: Record<string, number>; answers: number; words: { text: string; count: number }[]; texts: string[] } | null
  correct: string[] | null
  explanation: string | null
}

export function publicActivity(activity: Activity): PublicActivity {
  const revealed = activity.phase === 'revealed' || activity.phase === 'explained'
  const explained = activity.phase === 'explained'
  const approved = activity.texts.filter((item) => item.status === 'approved')
  return {
    id: activity.id,
    kind: activity.kind,
    prompt: activity.prompt,
    options: activity.options,
    multiple: activity.multiple,
    phase: activity.phase,
    results: revealed ? { ...tally(activity), words: activity.kind === 'words' ? wordCloud(activity) : [], texts: activity.kind === 'open' ? approved.map((item) => item.text) : [] } : null,
    correct: explained && activity.correct.length > 0 ? activity.correct : null,
    explanation: explained ? explanationOf(activity) : null,
  }
}

/** The quiz question's explanation, or the consequence of the option most of the room chose. */
function explanationOf(activity: Activity): string | null {
  if (activity.explanation !== '') return activity.explanation
  const top = leadingOption(activity)
  return top ? (own(activity.feedback, top.id) ?? null) : null
}

/** The option most of the room chose (the first such on a tie), or null before anyone answered. */
export function leadingOption(activity: Activity): ActivityOption | null {
  const { counts, answers } = tally(activity)
  if (answers === 0 || activity.options.length === 0) return null
  return activity.options.reduce((best, option) => ((counts[option.id] ?? 0) > (counts[best.id] ?? 0) ? option : best))
}

/** One bar of a revealed choice: the option, how many chose it, its whole-number share, and whether it is right (once explained). */
export function resultBars(activity: Pick<PublicActivity, 'options' | 'correct'>, results: { counts: Record<string, number>; answers: number }): (ActivityOption & { count: number; percent: number; right: boolean })[] {
  const total = Math.max(1, results.answers)
  return activity.options.map((option) => {
    const count = Object.hasOwn(results.counts, option.id) ? (results.counts[option.id] ?? 0) : 0
    return { ...option, count, percent: Math.round((count / total) * 100), right: activity.correct?.includes(option.id) ?? false }
  })
}

export interface PublicQuestion {
  id: string
  text: string
  votes: number
  answered: boolean
  /** The asker's name, when the session is named. */
  by: string | null
}

function publicQuestion(session: Session, question: RoomQuestion): PublicQuestion {
  const by = session.anonymous ? null : (own(session.participants, question.participantId)?.name ?? null)
  return { id: question.id, text: question.text, votes: question.votes.length, answered: question.answered, by }
}

/** What one phone sees. */
export interface ParticipantView {
  revision: number
  ended: boolean
  name: string
  activity: (PublicActivity & { mine: string[] | string | null }) | null
  /** Approved questions, most votes first, with whether this participant voted for each or asked it. */
  questions: (PublicQuestion & { voted: boolean; mine: boolean })[]
  /** This participant's questions still waiting for the trainer. */
  waiting: number
  shownQuestion: PublicQuestion | null
  page: SharedPage | null
}

export function participantView(session: Session, participantId: string): ParticipantView {
  const activity = currentActivity(session)
  const mine = activity ? (activity.kind === 'choice' ? (own(activity.choices, participantId) ?? null) : (activity.texts.find((item) => item.participantId === participantId)?.text ?? null)) : null
  const shown = session.questions.find((item) => item.id === session.shownQuestion)
  return {
    revision: session.revision,
    ended: session.ended,
    name: own(session.participants, participantId)?.name ?? '',
    activity: activity ? { ...publicActivity(activity), mine } : null,
    questions: session.questions
      .filter((item) => item.status === 'approved')
      .sort((a, b) => Number(a.answered) - Number(b.answered) || b.votes.length - a.votes.length)
      .map((item) => ({ ...publicQuestion(session, item), voted: item.votes.includes(participantId), mine: item.participantId === participantId })),
    waiting: session.questions.filter((item) => item.participantId === participantId && item.status === 'pending').length,
    shownQuestion: shown ? publicQuestion(session, shown) : null,
    page: session.page,
  }
}

/** What the trainer sees: everything, but names when the session is anonymous. */
export interface PresenterView {
  id: string
  revision: number
  courseId: string
  moduleId: string
  startedAt: string
  anonymous: boolean
  ended: boolean
  participants: { id: string; name: string | null; connected: boolean; learner: boolean }[]
  activity: (PublicActivity & { pending: { id: string; text: string; by: string | null }[]; liveResults: ReturnType<typeof tally>; source: ActivitySource; allCorrect: string[]; allExplanation: string; counted: Record<string, number>; named: { name: string; chosen: string[] }[] }) | null
  /** The room's questions, waiting ones first. */
  questions: (PublicQuestion & { status: ModerationStatus })[]
  shownQuestion: PublicQuestion | null
  asked: number
}

export function presenterView(session: Session): PresenterView {
  const activity = currentActivity(session)
  const nameOf = (id: string) => (session.anonymous ? null : (own(session.participants, id)?.name ?? null))
  const shown = session.questions.find((item) => item.id === session.shownQuestion)
  const order: Record<ModerationStatus, number> = { pending: 0, approved: 1, rejected: 2 }
  return {
    id: session.id,
    revision: session.revision,
    courseId: session.courseId,
    moduleId: session.moduleId,
    startedAt: session.startedAt,
    anonymous: session.anonymous,
    ended: session.ended,
    participants: Object.entries(session.participants).map(([id, participant]) => ({ id, name: session.anonymous ? null : participant.name, connected: participant.connected, learner: participant.learnerId !== null })),
    activity: activity
      ? {
          ...publicActivity(activity),
          pending: activity.texts.filter((item) => item.status === 'pending').map((item) => ({ id: item.id, text: item.text, by: nameOf(item.participantId) })),
          liveResults: tally(activity),
          source: activity.source,
          allCorrect: activity.correct,
          allExplanation: activity.explanation,
          counted: { ...activity.counted },
          named: session.anonymous ? [] : Object.entries(activity.choices).map(([id, chosen]) => ({ name: nameOf(id) ?? '', chosen })),
        }
      : null,
    questions: [...session.questions]
      .sort((a, b) => order[a.status] - order[b.status] || Number(a.answered) - Number(b.answered) || b.votes.length - a.votes.length)
      .map((item) => ({ ...publicQuestion(session, item), status: item.status })),
    shownQuestion: shown ? publicQuestion(session, shown) : null,
    asked: session.activities.length,
  }
}
