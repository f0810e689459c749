import { ApiError } from '../../core/api/errors'
import type { Handlers } from '../api-router'
import type { LearnerStore } from '../learner-store'

/** How long the trainer's PIN, once given, opens what it guards. */
export const TRAINER_UNLOCK_MS = 15 * 60_000
/** Wrong PINs in a row before the gate stops listening for a while. */
const WRONG_LIMIT = 5
const WRONG_PAUSE_MS = 30_000

/** The issue path a refusal carries, so the app knows to ask for the trainer's PIN. */
export const TRAINER_ISSUE = 'trainerPin'

/**
 * The trainer's PIN on a shared laptop. Once set, it guards the results (every learner's
 * progress) and changes to learners other than the one chosen (rename, delete, their PIN); given,
 * it opens them for a quarter of an hour, or until locked again. Without it, a learner's own PIN
 * still protects them: only they (having chosen themselves with it) can change or remove it, or
 * delete their record. A courtesy against mistakes and curious colleagues, not security against
 * someone with the laptop's files.
 */
export class TrainerGate {
  private unlockedUntil = 0
  private wrong = 0
  private pausedUntil = 0

  constructor(
    private readonly learners: LearnerStore,
    private readonly now: () => number = () => Date.now(),
  ) {}

  status(): { hasPin: boolean; unlocked: boolean } {
    const hasPin = this.learners.hasTrainerPin
    return { hasPin, unlocked: hasPin && this.now() < this.unlockedUntil }
  }

  /** Opens what the PIN guards; a wrong PIN is refused, and five in a row pause the gate for half a minute. */
  unlock(pin: string): { hasPin: boolean; unlocked: boolean } {
    if (!this.learners.hasTrainerPin) throw new ApiError({ code: 'NOT_FOUND', message: 'No trainer PIN has been set on this device.' })
    if (this.now() < this.pausedUntil) {
      throw new ApiError({ code: 'FORBIDDEN', message: 'Too many wrong PINs: wait half a minute, then try again.', issues: [{ path: TRAINER_ISSUE, message: 'paused' }] })
    }
    if (!this.learners.trainerPinMatches(pin)) {
      this.wrong++
      if (this.wrong >= WRONG_LIMIT) {
        this.wrong = 0
        this.pausedUntil = this.now() + WRONG_PAUSE_MS
      }
      throw new ApiError({ code: 'FORBIDDEN', message: 'That is not the trainer PIN.', issues: [{ path: TRAINER_ISSUE, message: 'wrong' }] })
    }
    this.wrong = 0
    this.unlockedUntil = this.now() + TRAINER_UNLOCK_MS
    return this.status()
  }

  lock(): { hasPin: boolean; unlocked: boolean } {
    this.unlockedUntil = 0
    return this.status()
  }

  /** Sets, changes or removes the PIN: the first one freely, later ones with the gate open. */
  async setPin(pin: string | null): Promise<{ hasPin: boolean; unlocked: boolean }> {
    if (this.learners.hasTrainerPin) this.require()
    else if (pin === null) return this.status()
    await this.learners.setTrainerPin(pin)
    this.unlockedUntil = pin === null ? 0 : this.now() + TRAINER_UNLOCK_MS
    return this.status()
  }

  /** Refuses unless there is no trainer PIN, or it has been given. */
  require(): void {
    if (!this.learners.hasTrainerPin || this.now() < this.unlockedUntil) return
    throw new ApiError({ code: 'FORBIDDEN', message: 'This needs the trainer PIN.', issues: [{ path: TRAINER_ISSUE, message: 'locked' }] })
  }

  /**
   * May the learner `id` be changed (renamed, deleted, their PIN set or removed)? The chosen learner
   * may change themselves. Another needs the trainer's PIN when there is one, and otherwise may
   * be changed only if they have no PIN of their own.
   */
  requireManage(id: string, what: 'rename' | 'change'): void {
    const { other, hasPin } = this.learners.otherLearner(id)
    if (!other) return
    if (this.learners.hasTrainerPin) return this.require()
    if (hasPin && what === 'change') {
      throw new ApiError({
        code: 'FORBIDDEN',
        message: 'This learner has a PIN: only they can change it or remove their record, after choosing themselves. A trainer can set a trainer PIN to manage every learner.',
        issues: [{ path: TRAINER_ISSUE, message: 'learner-pin' }],
      })
    }
  }
}

export function trainerHandlers(gate: TrainerGate): Pick<Handlers, 'trainer.status' | 'trainer.unlock' | 'trainer.lock' | 'trainer.setPin'> {
  return {
    'trainer.status': () => gate.status(),
    'trainer.unlock': ({ pin }) => gate.unlock(pin),
    'trainer.lock': () => gate.lock(),
    'trainer.setPin': ({ pin }) => gate.setPin(pin),
  }
}
