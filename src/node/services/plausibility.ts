import { ownValue } from '../../core/progress/id-record'
import type { CourseProgress, TrackingEvent } from '../../core/progress/schema'

/** Time a client may report beyond what the host saw pass, once: its own timers and the request's trip. */
const SLACK_MS = 5_000
/** Nobody reads a question and chooses an answer faster than this (a generous floor: half a second). */
const MIN_SECONDS_PER_ANSWER = 0.5

/** What the host believes of a batch, and how to remember it once the batch is saved. */
export interface Judgement {
  events: TrackingEvent[]
  /** Call once the events are on disk: a batch that failed to save must not use up the learner's time. */
  accept(): void
}

/**
 * What the host will believe of a client's events, by its own clock. A learner owns their device,
 * so this cannot make a record proof against a determined forger; it makes quick API calls no
 * longer enough for a certificate:
 * - time on pages is credited only as the host's clock passes: all the page time ever credited
 *   to a learner in a course stays within the time since the host started (and a few seconds);
 * - a quiz submitted sooner after its start than its answers could be read is not recorded (the
 *   other events of the batch are). The start is the moment the host saw it, or, when the start
 *   comes in the same batch (sent again after a failed save), the time the events carry.
 */
export class Plausibility {
  /** Per learner and course: the host time up to which page time has been credited. */
  private readonly creditedTo = new Map<string, number>()
  private readonly quizStartedAt = new Map<string, number>()
  private readonly startedAt: number

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now()
  }

  judge(learnerId: string, courseId: string, progress: CourseProgress, events: readonly TrackingEvent[]): Judgement {
    const now = this.now()
    const key = `${learnerId}\u0000${courseId}`
    let credited = this.creditedTo.get(key) ?? this.startedAt
    const started = new Map<string, number>()
    const submitted = new Set<string>()
    const believed: TrackingEvent[] = []
    const startsInBatch = new Map<string, number>()
    for (const event of events) {
      if (event.type === 'page.time') {
        const seconds = Math.min(event.seconds, Math.max(0, (now + SLACK_MS - credited) / 1000))
        credited += seconds * 1000
        // The event itself when believed in full: the caller can tell it was taken as sent.
        if (seconds > 0) believed.push(seconds === event.seconds ? event : { ...event, seconds })
        continue
      }
      if (event.type === 'quiz.started') {
        started.set(event.quizId, now)
        startsInBatch.set(event.quizId, Date.parse(event.at))
      }
      if (event.type === 'quiz.submitted') {
        const quizKey = `${key}\u0000${event.quizId}`
        const inBatch = startsInBatch.get(event.quizId)
        const seconds = inBatch === undefined ? elapsed(this.quizStartedAt.get(quizKey), now) : (Date.parse(event.at) - inBatch) / 1000
        if (seconds !== null && seconds < MIN_SECONDS_PER_ANSWER * Math.max(1, answersGiven(progress, events, event.quizId))) continue
        submitted.add(event.quizId)
      }
      believed.push(event)
    }
    return {
      events: believed,
      accept: () => {
        this.creditedTo.set(key, credited)
        for (const [quizId, at] of started) this.quizStartedAt.set(`${key}\u0000${quizId}`, at)
        for (const quizId of submitted) this.quizStartedAt.delete(`${key}\u0000${quizId}`)
      },
    }
  }
}

/** Seconds since a start the host saw, or null when it saw none (a session from before it started). */
function elapsed(startedAt: number | undefined, now: number): number | null {
  return startedAt === undefined ? null : (now - startedAt) / 1000
}

/** Answers in the quiz's open attempt, with those this batch gives. */
function answersGiven(progress: CourseProgress, events: readonly TrackingEvent[], quizId: string): number {
  const given = new Set(Object.keys(ownValue(progress.quizzes, quizId)?.current?.responses ?? {}))
  for (const event of events) if (event.type === 'quiz.answered' && event.quizId === quizId) given.add(event.questionId)
  return given.size
}
