import type { CourseProblem } from '../api'
import type { Location } from './problems'

/**
 * A course's files as the host read them: the core never touches a file system, so the same
 * loader runs on a folder, a zip or test data in memory. Paths are relative to the course folder
 * and use forward slashes.
 */
export type CourseSourceFile =
  | { kind: 'text'; size: number; text: string }
  | { kind: 'media'; size: number }
  /** Refused by the reader (too large, not UTF-8, a link leaving the folder): its problem is in `problems`. */
  | { kind: 'refused'; size: number }

export interface CourseSource {
  files: ReadonlyMap<string, CourseSourceFile>
  problems: readonly CourseProblem[]
}

/**
 * The position of the first byte that is not valid UTF-8, or undefined when all of it is; the
 * column counts characters, as editors do.
 */
export function findInvalidUtf8(bytes: Uint8Array): Location | undefined {
  let line = 1
  let column = 1
  let index = 0
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index)
    if (length === 0) return { line, column }
    if (bytes[index] === 0x0a) {
      line++
      column = 1
    } else {
      column++
    }
    index += length
  }
  return undefined
}

/** The length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index] ?? 0
  if (first < 0x80) return 1
  let length: number
  let min: number
  let max = 0xbf
  if (first >= 0xc2 && first <= 0xdf) {
    length = 2
    min = 0x80
  } else if (first >= 0xe0 && first <= 0xef) {
    length = 3
    min = first === 0xe0 ? 0xa0 : 0x80
    if (first === 0xed) max = 0x9f
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4
    min = first === 0xf0 ? 0x90 : 0x80
    if (first === 0xf4) max = 0x8f
  } else {
    return 0
  }
  for (let offset = 1; offset < length; offset++) {
    const next = bytes[index + offset]
    if (next === undefined) return 0
    const low = offset === 1 ? min : 0x80
    const high = offset === 1 ? max : 0xbf
    if (next < low || next > high) return 0
  }
  return length
}

/**
 * Control characters other than tab and line breaks mean the file is not text someone wrote
 * (a renamed binary, a corrupted copy); parsing it would only produce confusing messages.
 */
export function findControlCharacter(text: string): Location | undefined {
  let line = 1
  let column = 1
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a) {
      line++
      column = 1
      continue
    }
    if ((code < 0x20 && code !== 0x09 && code !== 0x0d) || code === 0x7f) return { line, column }
    column++
  }
  return undefined
}
