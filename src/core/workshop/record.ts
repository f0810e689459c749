import { tally, wordCloud, type ActivityKind, type ActivitySource, type Session } from './session'

/**
 * What a session leaves behind for the trainer's files (CSV and PDF): the pages covered, every
 * question put to the room with its results, and the room's questions. Only what reached the
 * screen or could have (approved text, never rejected or waiting text); names only in a named
 * session, so an anonymous session stays anonymous in its files too.
 */
export interface SessionRecord {
  startedAt: string
  /** Named sessions only; empty otherwise. */
  names: string[]
  participants: number
  anonymous: boolean
  pages: string[]
  /** The learners on this device the trainer marked as attending (a roster, whatever the answers' anonymity). */
  attendees: string[]
  activities: {
    openedAt: string
    kind: ActivityKind
    source: ActivitySource['type']
    prompt: string
    answers: number
    options: { text: string; count: number; right: boolean }[]
    /** Approved words (with how many gave each) or answers. */
    texts: { text: string; count: number }[]
    /** Named sessions: who chose what. */
    byName: { name: string; answer: string }[]
  }[]
  questions: { text: string; votes: number; answered: boolean; by: string | null }[]
}

export function sessionRecord(session: Session, pages: readonly string[], attendees: readonly string[] = []): SessionRecord {
  const nameOf = (id: string) => (session.anonymous ? null : Object.hasOwn(session.participants, id) ? (session.participants[id]?.name ?? null) : null)
  return {
    startedAt: session.startedAt,
    names: session.anonymous ? [] : Object.values(session.participants).map((participant) => participant.name),
    participants: Object.keys(session.participants).length,
    anonymous: session.anonymous,
    pages: [...pages],
    // Learners who joined as themselves from the laptop attended too.
    attendees: [...new Set([...attendees, ...Object.values(session.participants).flatMap((participant) => (participant.learnerId === null ? [] : [participant.name]))])],
    activities: session.activities.map((activity) => {
      const { counts, answers } = tally(activity)
      const optionText = new Map(activity.options.map((option) => [option.id, option.text]))
      const approved = activity.texts.filter((item) => item.status === 'approved')
      return {
        openedAt: activity.openedAt,
        kind: activity.kind,
        source: activity.source.type,
        prompt: activity.prompt,
        answers: activity.kind === 'choice' ? answers : approved.length,
        options: activity.options.map((option) => ({ text: option.text, count: counts[option.id] ?? 0, right: activity.correct.includes(option.id) })),
        texts: activity.kind === 'words' ? wordCloud(activity) : approved.map((item) => ({ text: item.text, count: 1 })),
        byName: session.anonymous
          ? []
          : [
              ...Object.entries(activity.choices).map(([id, chosen]) => ({ name: nameOf(id) ?? '', answer: chosen.map((option) => optionText.get(option) ?? option).join('; ') })),
              ...approved.map((item) => ({ name: nameOf(item.participantId) ?? '', answer: item.text })),
            ],
      }
    }),
    questions: session.questions
      .filter((question) => question.status === 'approved')
      .map((question) => ({ text: question.text, votes: question.votes.length, answered: question.answered, by: nameOf(question.participantId) })),
  }
}
