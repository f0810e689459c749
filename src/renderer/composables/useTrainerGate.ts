import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '../../core/api/errors'
import { useApi } from '../api'

/** Why the host refused: the trainer's PIN is needed, was wrong, is paused, or the learner's own PIN protects them. */
export type TrainerRefusal = 'locked' | 'wrong' | 'paused' | 'learner-pin'

/** The host's reason, when it refused for want of the trainer's PIN (services/trainer.ts). */
export function trainerRefusal(failure: unknown): TrainerRefusal | null {
  if (!(failure instanceof ApiError) || failure.code !== 'FORBIDDEN') return null
  const issue = failure.issues?.find((candidate) => candidate.path === 'trainerPin')
  return issue && ['locked', 'wrong', 'paused', 'learner-pin'].includes(issue.message) ? (issue.message as TrainerRefusal) : null
}

/** The learner closed the trainer's PIN dialog instead of giving it: nothing happened, and nothing is to be said. */
export class TrainerCancelled extends Error {
  constructor() {
    super('The trainer PIN was not given.')
    this.name = 'TrainerCancelled'
  }
}

/**
 * Runs actions the trainer's PIN may guard: when the host asks for it, the dialog opens, and once
 * the PIN is given the action runs again. Closing the dialog rejects with TrainerCancelled.
 */
export function useTrainerGate() {
  const api = useApi()
  const { t } = useI18n()
  const open = ref(false)
  const pin = ref('')
  const error = ref('')
  const busy = ref(false)
  let pending: { retry: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (reason: unknown) => void } | null = null

  function guarded<T>(action: () => Promise<T>): Promise<T> {
    return action().catch((failure: unknown) => {
      if (trainerRefusal(failure) !== 'locked') throw failure
      return new Promise<T>((resolve, reject) => {
        pending = { retry: action, resolve: resolve as (value: unknown) => void, reject }
        pin.value = ''
        error.value = ''
        open.value = true
      })
    })
  }

  async function submit(): Promise<void> {
    const waiting = pending
    if (!waiting || busy.value) return
    busy.value = true
    try {
      await api['trainer.unlock']({ pin: pin.value })
    } catch (failure) {
      const reason = trainerRefusal(failure)
      error.value = reason === 'paused' ? t('trainer.paused') : reason === 'wrong' ? t('trainer.wrong') : t('trainer.failed')
      pin.value = ''
      busy.value = false
      return
    }
    pending = null
    open.value = false
    busy.value = false
    waiting.retry().then(waiting.resolve, waiting.reject)
  }

  watch(open, (isOpen) => {
    if (isOpen || !pending) return
    pending.reject(new TrainerCancelled())
    pending = null
  })

  return { open, pin, error, busy, guarded, submit }
}

export type TrainerGate = ReturnType<typeof useTrainerGate>
