import { onBeforeUnmount, ref, shallowRef } from 'vue'
import type { CivicApi, WorkshopAction, WorkshopStatus } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import type { UiLanguage } from '../../core/app-defaults'
import { sayRefusal } from '../../core/workshop/refusals'
import { TrainerCancelled } from './useTrainerGate'

/** What went wrong, for the trainer: a session's refusal in the language they read, anything else in the host's words. */
function problem(failure: unknown, language: UiLanguage): string {
  const said = failure instanceof ApiError ? sayRefusal(language, failure.refusal) : null
  return said ?? (failure instanceof Error ? failure.message : String(failure))
}

/**
 * The trainer's side of a live session: the session's status, kept current by a long poll
 * (`workshop.status` answers as soon as anything changes: an answer, a question, a phone
 * joining), and the trainer's actions. The poll stops when the screen closes. `language` is the
 * one the trainer reads, for what the session refuses.
 */
export function useWorkshop(api: CivicApi, language: () => UiLanguage) {
  const status = shallowRef<WorkshopStatus>({ view: null, join: null })
  const error = ref<string | null>(null)
  let stopped = false
  let polling = false

  function take(next: WorkshopStatus): void {
    const known = status.value.view?.revision ?? -1
    // A poll's answer may arrive after an action's fresher one.
    if (next.view && status.value.view && next.view.id === status.value.view.id && next.view.revision < known) return
    status.value = next
  }

  async function poll(): Promise<void> {
    if (polling) return
    polling = true
    let failures = 0
    try {
      while (!stopped && status.value.view && !status.value.view.ended) {
        try {
          take(await api['workshop.status']({ since: status.value.view.revision }))
          failures = 0
        } catch {
          failures++
          await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** failures)))
        }
      }
    } finally {
      polling = false
    }
  }

  async function run(work: () => Promise<WorkshopStatus>): Promise<boolean> {
    error.value = null
    try {
      take(await work())
      void poll()
      return true
    } catch (failure) {
      // Closing the trainer's PIN dialog is no failure to report.
      if (!(failure instanceof TrainerCancelled)) error.value = problem(failure, language())
      return false
    }
  }

  /** Picks up a session already running (the presenter's screen reopened). */
  const resume = () => run(() => api['workshop.status']({ since: null }))
  /** Starts a session; `guard` runs the call where the trainer's PIN may be asked for (useTrainerGate). */
  const start = (input: Parameters<CivicApi['workshop.start']>[0], guard: (work: () => Promise<WorkshopStatus>) => Promise<WorkshopStatus> = (work) => work()) => run(() => guard(() => api['workshop.start'](input)))
  const act = (action: WorkshopAction) => run(() => api['workshop.act']({ action }))
  const end = () => run(() => api['workshop.end']({}))

  onBeforeUnmount(() => {
    stopped = true
  })
  return { status, error, resume, start, act, end }
}
