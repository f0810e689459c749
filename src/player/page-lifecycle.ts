import type { ProgressTracker } from './progress-tracker'

type Timers = Pick<Window, 'setInterval' | 'clearInterval'>

export interface PageLifecycleOptions {
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> & Timers
  doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
  tracker: Pick<ProgressTracker, 'commitIfChanged' | 'close'>
  /**
   * Sends the events still waiting in the course store to the tracker. It hands them over before
   * it returns (the player's API records synchronously); only its bookkeeping finishes later.
   */
  flush: () => Promise<unknown>
  /** The page came back from the browser's back-forward cache after its session had finished. */
  onRestoredAfterClose: () => void
  /** How often to commit while the learner reads without doing anything that is tracked. */
  commitEveryMs: number
}

export interface PageLifecycle {
  /**
   * The learner's "Save and exit": what is waiting is sent and the session finishes now, while
   * the page is alive and the LMS takes a normal request (not a beacon, which browsers cap).
   * Returns whether the LMS took it; the page's own close then does nothing more.
   */
  exit(): boolean
  disconnect(): void
}

/**
 * Ties the LMS session to the page's life. Hidden: what changed is committed at once (a hidden
 * page may be frozen or discarded without another event, on phones above all). Closed (pagehide,
 * never unload: Moodle's permissions policy blocks unload in its frame): the session finishes,
 * exactly once. A closing tab is hidden first, so its last changes are committed then; 2004's
 * Terminate commits again itself, and an LMS that refuses a commit during unload (Cornerstone's
 * 391) loses nothing by it.
 *
 * Both happen synchronously, inside the event: a frame whose tab is closing runs its pagehide
 * listeners but not the promise callbacks they leave (Chromium; e2e/moodle.spec.ts closes a tab
 * to prove it), so a session finished after an await is never finished at all.
 */
export function connectPageLifecycle(options: PageLifecycleOptions): PageLifecycle {
  const { win, doc, tracker, flush } = options
  let closed = false
  /** Hands the waiting events to the tracker now; what the store does after does not matter here. */
  const sendWaiting = () => void flush().catch(() => undefined)

  const onVisibility = () => {
    if (doc.visibilityState !== 'hidden' || closed) return
    sendWaiting()
    tracker.commitIfChanged()
  }
  const finish = (): boolean => {
    if (closed) return false
    closed = true
    win.clearInterval(timer)
    sendWaiting()
    return tracker.close()
  }
  const onPageHide = () => void finish()
  const onPageShow = (event: Event) => {
    if (closed && (event as PageTransitionEvent).persisted) options.onRestoredAfterClose()
  }
  const timer = win.setInterval(() => {
    if (!closed) tracker.commitIfChanged()
  }, options.commitEveryMs)

  doc.addEventListener('visibilitychange', onVisibility)
  win.addEventListener('pagehide', onPageHide)
  win.addEventListener('pageshow', onPageShow)
  return {
    exit: finish,
    disconnect: () => {
      doc.removeEventListener('visibilitychange', onVisibility)
      win.removeEventListener('pagehide', onPageHide)
      win.removeEventListener('pageshow', onPageShow)
      win.clearInterval(timer)
    },
  }
}
