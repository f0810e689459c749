/**
 * The largest numbers progress keeps. Events and imported records come from outside (a page, a
 * learning platform, a file), and a value like 1e308 is finite yet turns any sum into Infinity,
 * which no screen or API answer can show. Zod-free, so the SCORM player's reducer bounds what it
 * is given too: its events are not checked by the schema.
 */

/** One page.time event: the renderer reports visible time at least this often, in pieces no larger. */
export const MAX_EVENT_SECONDS = 3600

/**
 * All the time kept for one page. The time between events is not known here, so a total is the
 * only bound: more than a day of visible time on one page is a window left open, not learning.
 */
export const MAX_PAGE_SECONDS = 24 * 3600

/** A video's length, and so the end of any watched range: no course video runs for a day. */
export const MAX_VIDEO_SECONDS = 24 * 3600

/** Watched ranges kept per video: far more than any viewing makes, so a sender skipping about cannot grow it without end. */
export const MAX_VIDEO_RANGES = 1000

/** The largest quiz seed: suspend data packs seeds in 32 bits. */
export const MAX_SEED = 0xffffffff

/** The value within [0, max], or undefined when it is no number at all (NaN, or infinite). */
export function withinBounds(value: number, max: number): number | undefined {
  return Number.isFinite(value) ? Math.min(Math.max(0, value), max) : undefined
}

/** Sorts ranges and merges those that overlap or touch (within a second). */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = ranges.map(([from, to]): [number, number] => [Math.min(from, to), Math.max(from, to)]).sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [start, end] of sorted) {
    const last = merged.at(-1)
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

export interface WatchedVideo {
  ranges: [number, number][]
  duration: number
}

/**
 * A video's record bounded as the reducer now keeps it, for records stored or exported before:
 * its length at most a day, its ranges within it and at most MAX_VIDEO_RANGES.
 */
export function boundVideo(video: WatchedVideo): WatchedVideo {
  const duration = Math.min(video.duration, MAX_VIDEO_SECONDS)
  // Cut to the bound first, so a huge list costs no more than a long one to read.
  const ranges = mergeRanges(video.ranges.slice(0, MAX_VIDEO_RANGES).map(([from, to]) => [Math.min(from, duration), Math.min(to, duration)]))
  return { ranges, duration }
}
