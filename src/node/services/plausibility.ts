import { ApiError } from '../../core/api/errors'
import type { CourseProgress, TrackingEvent } from '../../core/progress/schema'

/** Time a client may report beyond what the host saw pass: its own timers and the request's trip. */
const SLACK_SECONDS = 5
/** Nobody reads and answers a question faster than this. */
const MIN_SECONDS_PER_ANSWER = 2

/**
 * What the host will believe of a client's events, by its own clock. A learner owns their device,
 * so this cannot make a record proof against a determined forger; it makes two quick API calls
 * no longer enough for a certificate:
 * - time on pages is capped at the time that has passed since the host last took some (or since
 *   it started), so an hour of study takes an hour;
 * - a quiz submitted sooner after the host saw it start than its answers could be read is refused.
 */
export class Plausibility {
  private readonly timeTakenAt = new Map<string, number>()
  private readonly quizStartedAt = new Map<string, number>()
  private readonly startedAt: number

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now()
  }

  /** The events as the host records them; throws BAD_INPUT for a quiz answered impossibly fast. */
  check(learnerId: string, courseId: string, progress: CourseProgress, events: readonly TrackingEvent[]): TrackingEvent[] {
    const now = this.now()
    const key = `${learnerId}\u0000${courseId}`
    let budget = (now - (this.timeTakenAt.get(key) ?? this.startedAt)) / 1000 + SLACK_SECONDS
    let tookTime = false
    const believed: TrackingEvent[] = []
    for (const event of events) {
      if (event.type === 'page.time') {
        const seconds = Math.min(event.seconds, Math.max(0, budget))
        budget -= seconds
        tookTime = true
        if (seconds > 0) believed.push({ ...event, seconds })
        continue
      }
      const quizKey = event.type === 'quiz.started' || event.type === 'quiz.submitted' ? `${key}\u0000${event.quizId}` : ''
      if (event.type === 'quiz.started') this.quizStartedAt.set(quizKey, now)
      if (event.type === 'quiz.submitted') {
        const started = this.quizStartedAt.get(quizKey)
        const answers = answersGiven(progress, events, event.quizId)
        if (started !== undefined && (now - started) / 1000 < MIN_SECONDS_PER_ANSWER * Math.max(1, answers)) {
          throw new ApiError({ code: 'BAD_INPUT', message: 'That quiz was submitted faster than its questions can be read, so it was not recorded.' })
        }
        this.quizStartedAt.delete(quizKey)
      }
      believed.push(event)
    }
    if (tookTime) this.timeTakenAt.set(key, now)
    return believed
  }
}

/** Answers in the quiz's open attempt, with those this batch gives. */
function answersGiven(progress: CourseProgress, events: readonly TrackingEvent[], quizId: string): number {
  const quizzes = progress.quizzes
  const stored = Object.hasOwn(quizzes, quizId) ? Object.keys(quizzes[quizId]?.current?.responses ?? {}) : []
  const given = new Set(stored)
  for (const event of events) if (event.type === 'quiz.answered' && event.quizId === quizId) given.add(event.questionId)
  return given.size
}
