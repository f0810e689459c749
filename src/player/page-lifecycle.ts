import type { ProgressTracker } from './progress-tracker'

type Timers = Pick<Window, 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval'>

export interface PageLifecycleOptions {
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> & Timers
  doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
  tracker: Pick<ProgressTracker, 'commit' | 'commitIfChanged' | 'close'>
  /** Sends the events still waiting in the course store to the tracker. */
  flush: () => Promise<unknown>
  /** The page came back from the browser's back-forward cache after its session had finished. */
  onRestoredAfterClose: () => void
  /** How often to commit while the learner reads without doing anything that is tracked. */
  commitEveryMs: number
}

/**
 * Ties the LMS session to the page's life. Hidden: a commit, so a tab left in the background has
 * its progress kept. Closed (pagehide, never unload: Moodle's permissions policy blocks unload in
 * its frame): the session finishes, exactly once. A closing tab is hidden first, in the same task,
 * so the hidden page's commit waits a turn and is dropped when the page closes: 2004's Terminate
 * commits itself, and some LMSs refuse a Commit during unload (Cornerstone's 391).
 */
export function connectPageLifecycle(options: PageLifecycleOptions): () => void {
  const { win, doc, tracker, flush } = options
  let closed = false
  let pendingCommit: ReturnType<Timers['setTimeout']> | undefined
  const flushed = () => flush().catch(() => undefined)

  const onVisibility = () => {
    if (doc.visibilityState !== 'hidden' || closed) return
    void flushed().then(() => {
      if (closed) return
      win.clearTimeout(pendingCommit)
      pendingCommit = win.setTimeout(() => {
        if (!closed) tracker.commit()
      }, 0)
    })
  }
  const onPageHide = () => {
    if (closed) return
    closed = true
    win.clearTimeout(pendingCommit)
    win.clearInterval(timer)
    void flushed().then(() => tracker.close())
  }
  const onPageShow = (event: Event) => {
    if (closed && (event as PageTransitionEvent).persisted) options.onRestoredAfterClose()
  }
  const timer = win.setInterval(() => {
    if (!closed) tracker.commitIfChanged()
  }, options.commitEveryMs)

  doc.addEventListener('visibilitychange', onVisibility)
  win.addEventListener('pagehide', onPageHide)
  win.addEventListener('pageshow', onPageShow)
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility)
    win.removeEventListener('pagehide', onPageHide)
    win.removeEventListener('pageshow', onPageShow)
    win.clearTimeout(pendingCommit)
    win.clearInterval(timer)
  }
}
