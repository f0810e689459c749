import { isUiLanguage, type UiLanguage } from '../app-defaults'
import { COMMENT_KINDS, type CommentKind, type LearnerComment } from '../comments/comment'
import { CMI } from './cmi'
import type { CmiWrite } from './data-model'

/**
 * A learner's comments as an LMS keeps them, so that a council's learning team reads them in its
 * reports and the learner finds them again on relaunch. SCORM 2004 has an entry per comment
 * (`cmi.comments_from_learner.n`: the words, where they are about and when); SCORM 1.2 has one
 * string of at most 4,096 characters (`cmi.comments`), which the package writes whole each time.
 * Either way the kind and language go with the words, in a form a person reads in a report:
 * `[question] …`, with 2004's `{lang=cy}` before it. Zod-free, for the SCORM player.
 */

/** A comment as read back from the LMS, before the player gives it an id and a quote. */
export interface LmsComment {
  pageId: string
  blockId?: string
  kind: CommentKind
  text: string
  language: UiLanguage
  createdAt: string
}

const KIND = `(${COMMENT_KINDS.join('|')})`

/** Where a comment is about, as SCORM's location: the page id, then `#` and the block's anchor. */
export function commentLocation(comment: Pick<LearnerComment, 'pageId' | 'blockId'>): string {
  return comment.blockId ? `${comment.pageId}#${comment.blockId}` : comment.pageId
}

function fromLocation(location: string): { pageId: string; blockId?: string } | null {
  const [pageId = '', blockId, extra] = location.split('#')
  if (pageId === '' || extra !== undefined || blockId === '') return null
  return blockId === undefined ? { pageId } : { pageId, blockId }
}

/** 2004's timestamp: to the second, in UTC and without the zone, which Moodle refuses. */
export function timestamp2004(iso: string): string {
  return iso.slice(0, 19)
}

/** A time written to the second in UTC (either version's comments) as an ISO time again. */
function isoFromSeconds(time: string): string {
  return `${time.slice(0, 19)}.000Z`
}

/**
 * The comment's words as SCORM 2004 keeps them: language, kind, text, on one line. Moodle's 2004
 * runtime (and scorm-again) check a comment with a pattern whose `.` stops at a line break, so
 * each break is written `\n` and each backslash doubled, which read2004Comment undoes.
 */
export function commentText2004(comment: Pick<LearnerComment, 'language' | 'kind' | 'text'>): string {
  const line = comment.text.replace(/\\/g, '\\\\').replace(/\r?\n|\r|\u2028|\u2029/g, '\\n')
  return `{lang=${comment.language}}[${comment.kind}] ${line}`
}

/** The writes of one 2004 comment entry, the words first. */
export function comment2004Writes(index: number, comment: LearnerComment): CmiWrite[] {
  const base = `${CMI.scorm2004.comments}.${index}`
  return [
    { element: `${base}.comment`, value: commentText2004(comment) },
    { element: `${base}.location`, value: commentLocation(comment) },
    { element: `${base}.timestamp`, value: timestamp2004(comment.updatedAt ?? comment.createdAt) },
  ]
}

/** The write that takes a 2004 comment's words back: SCORM has no way to remove an entry. */
export function deleted2004Write(index: number): CmiWrite {
  return { element: `${CMI.scorm2004.comments}.${index}.comment`, value: '' }
}

const TEXT_2004 = new RegExp(`^\\{lang=([a-z]{2})\\}\\[${KIND}\\] ([\\s\\S]+)$`)
const TIME_2004 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/

/**
 * One 2004 entry read back, or null when it is not a comment this package wrote (another
 * package's, one taken back, or damaged): such entries are left alone.
 */
export function read2004Comment(entry: { comment: string; location: string; timestamp: string }): LmsComment | null {
  const words = TEXT_2004.exec(entry.comment)
  const place = fromLocation(entry.location)
  const [, language = '', kind, text = ''] = words ?? []
  if (!words || !place || !isUiLanguage(language) || text.trim() === '') return null
  const createdAt = TIME_2004.test(entry.timestamp) ? isoFromSeconds(entry.timestamp) : new Date(0).toISOString()
  const lines = text.replace(/\\([\\n])/g, (_, escaped: string) => (escaped === 'n' ? '\n' : '\\'))
  return { ...place, kind: kind as CommentKind, text: lines, language, createdAt }
}

/*
 * SCORM 1.2: one entry per comment, a line saying what it is, then its words indented by two
 * spaces, a line each:
 *
 *   [question] page-id#block 2026-12-06T10:00:00Z en
 *     The words,
 *     on as many lines as the learner wrote.
 */
const HEADER_12 = new RegExp(`^\\[${KIND}\\] (\\S+) (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ) ([a-z]{2})$`)

/** One comment as an entry of 1.2's string. */
export function comment12Entry(comment: LearnerComment): string {
  const header = `[${comment.kind}] ${commentLocation(comment)} ${timestamp2004(comment.updatedAt ?? comment.createdAt)}Z ${comment.language}`
  return [header, ...comment.text.split(/\r?\n/).map((line) => `  ${line}`)].join('\n')
}

/** 1.2's whole string: what was there and is not ours (kept as it was), then each comment. */
export function comments12Value(foreign: string, comments: readonly LearnerComment[]): string {
  return [foreign, ...comments.map(comment12Entry)].filter((part) => part !== '').join('\n')
}

/** The entries from `lines[start]` on, or null unless every line from there is part of one. */
function entries12(lines: readonly string[], start: number): LmsComment[] | null {
  const found: LmsComment[] = []
  for (let at = start; at < lines.length; ) {
    const header = HEADER_12.exec(lines[at] ?? '')
    const [, kind, location = '', time = '', language = ''] = header ?? []
    const place = fromLocation(location)
    if (!header || !place || !isUiLanguage(language)) return null
    const body: string[] = []
    for (at++; at < lines.length && lines[at]!.startsWith('  '); at++) body.push(lines[at]!.slice(2))
    const text = body.join('\n')
    if (text.trim() === '') return null
    found.push({ ...place, kind: kind as CommentKind, text, language, createdAt: isoFromSeconds(time) })
  }
  return found
}

/**
 * 1.2's string read back: the comments this package wrote, and whatever came before them
 * (another package's, or the LMS's own), which is kept as it is. A string that is not all entries
 * from some line on is kept whole and read as none.
 */
export function read12Comments(value: string): { foreign: string; comments: LmsComment[] } {
  const lines = value.split(/\r?\n/)
  for (let start = 0; start < lines.length; start++) {
    if (!HEADER_12.test(lines[start] ?? '')) continue
    const comments = entries12(lines, start)
    if (comments) return { foreign: lines.slice(0, start).join('\n'), comments }
  }
  return { foreign: value, comments: [] }
}

/** Whether 1.2's string still fits once written with these comments. */
export function fits12(foreign: string, comments: readonly LearnerComment[]): boolean {
  return comments12Value(foreign, comments).length <= CMI.scorm12.commentsLimit
}
