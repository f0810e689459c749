/** Longer continuous stretches are reported in pieces, so little is lost if the app closes. */
const MAX_SPAN_SECONDS = 30
/** A jump in playback time bigger than this between two updates is a seek, not playback. */
const JUMP_SECONDS = 2

/**
 * Turns the playback positions a video reports into the ranges the learner actually watched.
 * `at` is called with the current time while the video plays; `stop` when it pauses, seeks, ends
 * or the page is left. Each finished stretch goes to `report` as [from, to] in seconds.
 */
export function createWatchTracker(report: (from: number, to: number) => void) {
  let start: number | null = null
  let last = 0

  function stop(): void {
    if (start !== null && last > start) report(start, last)
    start = null
  }

  function at(time: number): void {
    if (start === null || Math.abs(time - last) > JUMP_SECONDS || time < last) {
      stop()
      start = time
    }
    last = time
    if (last - start >= MAX_SPAN_SECONDS) {
      report(start, last)
      start = last
    }
  }

  return { at, stop }
}

export interface Cue {
  start: number
  end: number
  text: string
}

/** The cues of a loaded text track as plain text (tags dropped, entities decoded by the browser). */
export function cuesOf(track: TextTrack | null | undefined): Cue[] {
  const list = track?.cues
  if (!list) return []
  const cues: Cue[] = []
  for (let index = 0; index < list.length; index++) {
    const cue = list[index] as TextTrackCue & { text?: string; getCueAsHTML?: () => DocumentFragment }
    const text = cue.getCueAsHTML ? (cue.getCueAsHTML().textContent ?? '') : (cue.text ?? '')
    cues.push({ start: cue.startTime, end: cue.endTime, text: text.replace(/\s+/g, ' ').trim() })
  }
  return cues
}

/** The index of the cue showing at `time`, or -1 between cues. */
export function cueAt(cues: readonly Cue[], time: number): number {
  return cues.findIndex((cue) => time >= cue.start && time < cue.end)
}
