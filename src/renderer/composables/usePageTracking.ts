import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import type { TrackingEvent } from '../../core/progress/schema'

/** How often, at most, scrolling records where the learner is on the page. */
export const SCROLL_RECORD_MS = 1500
/** The schema's largest page.time event; longer visits are recorded in several. */
const MAX_SECONDS_PER_EVENT = 3600

export interface PageTrackingOptions {
  record(event: TrackingEvent): void
  flush(): Promise<void> | void
  now?: () => number
}

/** How far down the page the learner has scrolled, 0 at the top and 1 at the bottom. */
export function scrollFraction(): number {
  const range = document.documentElement.scrollHeight - window.innerHeight
  if (range <= 0) return 0
  return Math.min(1, Math.max(0, window.scrollY / range))
}

export function scrollToFraction(fraction: number): void {
  const range = document.documentElement.scrollHeight - window.innerHeight
  window.scrollTo({ top: Math.max(0, range) * fraction, behavior: 'instant' })
}

/**
 * Records what the learner does with the page they are on: that they saw it, how long it was
 * actually visible (the clock stops while the window is hidden), and where they scrolled to, so
 * they can resume there. When the page is left or hidden, blocks get to record what they were in
 * the middle of (`onLeave`), then everything waiting is sent.
 */
export function usePageTracking(pageId: Ref<string | null>, options: PageTrackingOptions) {
  const now = options.now ?? (() => performance.now())
  const leaveCallbacks = new Set<() => void>()
  let visibleSince: number | null = null
  let seconds = 0
  let scrollTimer: ReturnType<typeof setTimeout> | null = null
  let lastScrollRecord = -Infinity

  function startClock(): void {
    if (visibleSince === null && document.visibilityState === 'visible') visibleSince = now()
  }

  function stopClock(): void {
    if (visibleSince !== null) seconds += (now() - visibleSince) / 1000
    visibleSince = null
  }

  function recordTime(page: string): void {
    stopClock()
    let left = Math.round(seconds * 10) / 10
    seconds = 0
    while (left > 0) {
      const part = Math.min(left, MAX_SECONDS_PER_EVENT)
      options.record({ type: 'page.time', pageId: page, seconds: part })
      left -= part
    }
  }

  /** Blocks record what they were in the middle of, then the visible time is recorded. */
  function wrapUp(page: string | null): void {
    if (page === null) return
    for (const callback of leaveCallbacks) callback()
    recordTime(page)
  }

  function recordScroll(): void {
    if (scrollTimer) clearTimeout(scrollTimer)
    scrollTimer = null
    const page = pageId.value
    if (page === null) return
    lastScrollRecord = now()
    options.record({ type: 'location.changed', pageId: page, scroll: Math.round(scrollFraction() * 1000) / 1000 })
  }

  function onScroll(): void {
    if (scrollTimer) return
    const wait = Math.max(0, lastScrollRecord + SCROLL_RECORD_MS - now())
    scrollTimer = setTimeout(recordScroll, wait)
  }

  function onHidden(): void {
    wrapUp(pageId.value)
    void options.flush()
  }

  function onVisibilityChange(): void {
    if (document.visibilityState === 'hidden') onHidden()
    else startClock()
  }

  watch(
    pageId,
    (next, previous) => {
      wrapUp(previous ?? null)
      if (scrollTimer) clearTimeout(scrollTimer)
      scrollTimer = null
      if (next) {
        options.record({ type: 'page.viewed', at: new Date().toISOString(), pageId: next })
        startClock()
      }
    },
    { immediate: true },
  )

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('pagehide', onHidden)
    window.addEventListener('scroll', onScroll, { passive: true })
  })

  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibilityChange)
    window.removeEventListener('pagehide', onHidden)
    window.removeEventListener('scroll', onScroll)
    if (scrollTimer) clearTimeout(scrollTimer)
    wrapUp(pageId.value)
    void options.flush()
  })

  /** Lets a block record what it was doing before the page is left or hidden. */
  function onLeave(callback: () => void): () => void {
    leaveCallbacks.add(callback)
    return () => leaveCallbacks.delete(callback)
  }

  return { onLeave }
}
