import { defineStore, storeToRefs } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CourseBundle, LocalizedCourse } from '../../core/course/bundle'
import type { CommentRefusal } from '../../core/api/contract'
import { ApiError } from '../../core/api/errors'
import { contentIn } from '../../core/course/localized'
import { applyEvent, applyEvents } from '../../core/progress/reducer'
import type { CourseProgress, TrackingEvent } from '../../core/progress/schema'
import { useApi } from '../api'
import { useSettingsStore } from './settings'

/** How long events that failed to send wait before they are sent again. */
const RETRY_MS = 5000

/**
 * The open course and the learner's progress in it. A tracking event changes the progress here at
 * once (the same pure reducer the host runs), so the UI never waits for a save, and is sent
 * straight away with any others recorded in the same task; events recorded while a batch is on
 * its way go in the next. The host answers once the events are on disk, with the name of the
 * progress it then holds (its revision) and, unless that is what this store made of the same
 * events from the revision it named when sending, that progress: events still waiting are applied
 * on top of it, so the screen shows what is saved. Events that fail to send are kept and sent
 * again, unless the host refused them as implausible.
 */
export const useCourseStore = defineStore('course', () => {
  const api = useApi()
  const { settings } = storeToRefs(useSettingsStore())
  const bundle = shallowRef<CourseBundle | null>(null)
  const progress = shallowRef<CourseProgress | null>(null)
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const error = ref('')
  /** Set when progress could not be saved; the UI warns the learner once. */
  const saveError = ref('')
  /** Why the host left out a comment among the last events it took (a SCORM package's LMS), or null. */
  let refusal: CommentRefusal | null = null
  let pending: TrackingEvent[] = []
  /** Set while failed events wait to be sent again. */
  let timer: ReturnType<typeof setTimeout> | null = null
  let sending: Promise<void> | null = null
  let queued = false
  /** The host's revision this store's progress is, with the waiting events applied; null when unknown (the host then answers in full). */
  let revision: string | null = null

  /** The course in the learner's language, falling back to the course language. */
  const content = computed<LocalizedCourse | null>(() => {
    const course = bundle.value
    if (!course) return null
    return contentIn(course, settings.value.language) ?? null
  })

  /** The language the content is actually shown in, for `lang` attributes. */
  const contentLanguage = computed(() => {
    const course = bundle.value
    if (!course) return settings.value.language
    return course.content[settings.value.language] ? settings.value.language : course.language
  })

  async function open(courseId: string): Promise<void> {
    if (bundle.value?.id === courseId && state.value === 'ready') return
    await flush()
    state.value = 'loading'
    try {
      const [course, saved] = await Promise.all([api['course.get']({ courseId }), api['progress.get']({ courseId })])
      bundle.value = course
      progress.value = saved
      revision = null
      state.value = 'ready'
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
      state.value = 'failed'
    }
  }

  function record(event: TrackingEvent): void {
    const course = bundle.value
    if (!course || !progress.value) return
    progress.value = applyEvent(course, progress.value, event)
    pending.push(event)
    if (timer || queued) return
    queued = true
    queueMicrotask(() => {
      queued = false
      void flush()
    })
  }

  /** Sends every waiting event now; resolves once they are accepted (or kept for a retry). */
  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    while (sending) await sending
    const course = bundle.value
    if (!course || pending.length === 0) return
    const batch = pending.splice(0, 200)
    sending = api['progress.record']({ courseId: course.id, events: batch, ...(revision === null ? {} : { since: revision }) }).then(
      (answer) => {
        saveError.value = ''
        refusal = answer.refused ?? null
        if (bundle.value !== course) return
        revision = answer.revision
        if (answer.progress) progress.value = applyEvents(course, answer.progress, pending)
      },
      async (failure: unknown) => {
        saveError.value = failure instanceof Error ? failure.message : String(failure)
        if (failure instanceof ApiError && failure.code === 'BAD_INPUT') {
          // The host will never take these events (it found them implausible): sending them again
          // would fail the same way, so they are dropped and the screen shows what the host holds.
          const held = await api['progress.get']({ courseId: course.id }).catch(() => null)
          if (bundle.value !== course) return
          revision = null
          if (held) progress.value = applyEvents(course, held, pending)
          return
        }
        pending = [...batch, ...pending]
        timer ??= setTimeout(() => void flush(), RETRY_MS)
      },
    )
    await sending
    sending = null
    if (pending.length > 0 && !saveError.value) await flush()
  }

  /**
   * Records an event and sends it at once, for a change the learner is told about (a comment):
   * resolves once the host has it, with why the host left a comment out, or null. Events that
   * fail to send are kept and sent again as usual, and the save notice says so.
   */
  async function recordNow(event: TrackingEvent): Promise<CommentRefusal | null> {
    record(event)
    refusal = null
    await flush()
    return refusal
  }

  /** Reads the open course's progress from the host again, once nothing waits to be sent (another screen changed it there). */
  async function reloadProgress(): Promise<void> {
    await flush()
    const course = bundle.value
    if (!course) return
    const held = await api['progress.get']({ courseId: course.id })
    if (bundle.value !== course) return
    revision = null
    progress.value = applyEvents(course, held, pending)
  }

  /** Events the host has not yet accepted: closing the page now would lose them. */
  function hasUnsent(): boolean {
    return pending.length > 0 || sending !== null
  }

  return { bundle, progress, content, contentLanguage, state, error, saveError, open, record, recordNow, flush, reloadProgress, hasUnsent }
})
