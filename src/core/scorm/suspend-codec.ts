import type { QuizBlock } from '../course/blocks/quiz'
import { type AnyTrackedType, blockState, setBlockState, trackedTypes } from '../course/blocks/tracked'
import type { CourseBundle } from '../course/bundle'
import { indexCourse } from '../progress/course-index'
import { emptyProgress } from '../progress/empty-progress'
import { hasId, idRecord, ownValue, putId } from '../progress/id-record'
import type { CourseProgress, QuizAttemptRecord } from '../progress/schema'
import { planAttempt, quizPassed } from '../quiz/attempt'
import { hashText } from '../quiz/random'
import { type Question, questionType, type Response } from '../questions/registry'
import { BitReader, bitsFor, BitWriter, crc24 } from './bits'
import { CMI } from './cmi'
import { readTime, SUSPEND_EPOCH, writeTime } from './suspend-time'

/**
 * The learner's progress in SCORM suspend data: SCORM 1.2 allows 4096 characters, and LMSs that
 * enforce it silently break resume above it. Everything is packed against the course itself:
 * pages, quizzes, questions and options are written by their position in the course, answers in
 * the fewest bits their question allows, the whole as URL-safe base-64.
 *
 * Kept: pages seen, location, bookmarks, completion and start times, each quiz's attempt count,
 * best score and last attempt (seed, times, score, answers), the attempt in progress (with the
 * questions already checked), each tracked block's state as its type packs it (scenario paths,
 * and, while they fit, reflection texts), and, while they fit, wrong fill-in answers. Dropped: seconds per
 * page and watched video ranges (the LMS gets the session time instead), timestamps below the
 * minute, and the answers of attempts before the last (their count and best score stay, so
 * attempt limits and pass status are unchanged).
 *
 * The data starts with a format number and a fingerprint of the course's structure; data of
 * another format or another course (an updated package) is ignored rather than misread. Since
 * format 3 it ends with a check of everything before it, so that data the LMS damaged or cut
 * short is told apart from a learner's real progress instead of being read as another state.
 */
export const SUSPEND_FORMAT = 3

/**
 * The format written by packages already in LMSs, without the check: still read, so that their
 * learners keep their progress when the package is updated. Damage to it is found only when it
 * breaks the layout.
 */
const UNCHECKED_FORMAT = 2

/** The check's length: CRC-24 in four base-64 characters. */
const CHECK_LENGTH = 4

/** The check written after the data: four characters, whatever its value. */
function checkOf(body: string): string {
  const writer = new BitWriter()
  writer.uint(crc24(body), 24)
  return writer.toString()
}

/** SCORM 1.2's cmi.suspend_data limit, the one the codec is built to fit; 2004 allows 64000. */
export const SUSPEND_LIMIT_12 = CMI.scorm12.suspendLimit
export const SUSPEND_LIMIT_2004 = CMI.scorm2004.suspendLimit

interface Layout {
  pages: string[]
  quizzes: QuizBlock[]
  /** Each tracked block type, in the registry's order, with the course's blocks of that type in course order. */
  tracked: { type: AnyTrackedType; blocks: { type: string; id: string }[] }[]
  fingerprint: number
}

/**
 * The tracked types whose part of the fingerprint is always there, empty or not: the two of the
 * first format. A type added since adds its part only when the course has such blocks, so a
 * course without them keeps its fingerprint, and its learners their resume, across the update.
 */
const FIRST_TRACKED_TYPES = 2

const layouts = new WeakMap<CourseBundle, Layout>()

/** A quiz's pools as the fingerprint sees them; empty for a quiz without, so older fingerprints stay the same. */
function poolsShape(quiz: QuizBlock): string {
  return quiz.pools ? `/${quiz.pools.map((pool) => `${pool.name}=${pool.draw}`).join(',')}` : ''
}

function layoutOf(course: CourseBundle): Layout {
  const cached = layouts.get(course)
  if (cached) return cached
  const index = indexCourse(course)
  const pages = [...index.pageModule.keys()]
  const quizzes = [...index.quizzes.values()].map((entry) => entry.quiz)
  const blocks = [...index.tracked.values()]
  const tracked = trackedTypes().map((type) => ({ type, blocks: blocks.filter((block) => block.type === type.type) }))
  const structure = [
    pages.join(','),
    quizzes.map((quiz) => `${quiz.id}:${quiz.draw}${poolsShape(quiz)}:${quiz.shuffle}:${quiz.questions.map((q) => `${q.id}=${q.type}=${questionType(q).codec.shape(q)}`).join(';')}`).join('|'),
    ...tracked.filter((entry, position) => position < FIRST_TRACKED_TYPES || entry.blocks.length > 0).map((entry) => entry.type.codec.shape(entry.blocks)),
  ].join('#')
  const layout = { pages, quizzes, tracked, fingerprint: hashText(structure) }
  layouts.set(course, layout)
  return layout
}

/** Which optional texts to write; the rest are left out to meet the length limit. */
type Keep = (key: string) => boolean

function writeResponses(writer: BitWriter, quiz: QuizBlock, seed: number, responses: Record<string, unknown>, keep: Keep, key: string): void {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))
  for (const id of planAttempt(quiz, seed).questionIds) {
    const question = byId.get(id) as Question
    const type = questionType(question)
    const response = hasId(responses, id) ? type.parseResponse(responses[id]) : undefined
    type.codec.write(writer, question, response, keep(`${key}:${id}`))
  }
}

function readResponses(reader: BitReader, quiz: QuizBlock, seed: number): Record<string, Response> {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]))
  const responses = idRecord<Response>()
  for (const id of planAttempt(quiz, seed).questionIds) {
    const question = byId.get(id) as Question
    const response = questionType(question).codec.read(reader, question)
    if (response !== undefined) responses[id] = response
  }
  return responses
}

function encodeWith(course: CourseBundle, progress: CourseProgress, keep: Keep): string {
  const layout = layoutOf(course)
  const writer = new BitWriter()
  writer.uint(SUSPEND_FORMAT, 6)
  writer.uint(layout.fingerprint, 32)
  writeTime(writer, progress.startedAt)
  writeTime(writer, progress.updatedAt)
  writeTime(writer, progress.completedAt)
  for (const id of layout.pages) writer.bool(hasId(progress.pages, id))

  const location = progress.location && layout.pages.indexOf(progress.location.pageId)
  writer.bool(location !== undefined && location >= 0)
  if (progress.location && location !== undefined && location >= 0) {
    writer.uint(location, bitsFor(layout.pages.length - 1))
    writer.uint(Math.round(Math.min(1, Math.max(0, progress.location.scroll)) * 100), 7)
  }
  writer.bool(progress.bookmarks.length > 0)
  if (progress.bookmarks.length > 0) {
    const bookmarked = new Set(progress.bookmarks)
    for (const id of layout.pages) writer.bool(bookmarked.has(id))
  }

  for (const quiz of layout.quizzes) {
    const record = ownValue(progress.quizzes, quiz.id)
    const attempts = record?.attempts ?? []
    writer.varuint(attempts.length)
    const last = attempts.at(-1)
    if (last) {
      writer.uint(Math.round(Math.max(...attempts.map((attempt) => attempt.score))), 7)
      writer.uint(Math.round(last.score), 7)
      writeTime(writer, last.startedAt)
      writeTime(writer, last.submittedAt)
      writer.uint(last.seed >>> 0, 32)
      writeResponses(writer, quiz, last.seed, last.responses, keep, `last:${quiz.id}`)
    }
    const current = record?.current
    writer.bool(current !== undefined)
    if (current) {
      writer.uint(current.seed >>> 0, 32)
      writeTime(writer, current.startedAt)
      writeResponses(writer, quiz, current.seed, current.responses, keep, `current:${quiz.id}`)
      for (const questionId of planAttempt(quiz, current.seed).questionIds) writer.bool(current.checked?.includes(questionId) ?? false)
    }
  }

  for (const { type, blocks } of layout.tracked) {
    for (const block of blocks) type.codec.write(writer, block, blockState(progress, type, block.id), keep(`${type.type}:${block.id}`))
  }
  const body = writer.toString()
  return body + checkOf(body)
}

/** Fills in what was dropped so the quiz's standing (attempts, best score, passed) is unchanged. */
function rebuildAttempts(quiz: QuizBlock, count: number, best: number, last: QuizAttemptRecord): QuizAttemptRecord[] {
  const earlier = (score: number): QuizAttemptRecord => ({ ...last, responses: idRecord(), score, passed: quizPassed(quiz, score) })
  const attempts: QuizAttemptRecord[] = []
  const fillers = count - 1 - (best > last.score ? 1 : 0)
  for (let index = 0; index < fillers; index++) attempts.push(earlier(0))
  if (best > last.score) attempts.push(earlier(best))
  attempts.push(last)
  return attempts
}

/** Data written for an earlier format or another structure of the course: of no use now, and safe to replace. */
class Superseded extends Error {}

/** The format number in the first character; throws when it is not base-64. */
function formatOf(data: string): number {
  return new BitReader(data.charAt(0)).uint(6)
}

/** The first character of current-format data: its format number. */
const FORMAT_CHARACTER = (() => {
  const writer = new BitWriter()
  writer.uint(SUSPEND_FORMAT, 6)
  return writer.toString()
})()

/** Whether the data ends with the check of what comes before it. */
function hasCheck(data: string): boolean {
  return data.length > CHECK_LENGTH && checkOf(data.slice(0, -CHECK_LENGTH)) === data.slice(-CHECK_LENGTH)
}

function decodeOrThrow(course: CourseBundle, data: string): CourseProgress {
  const format = formatOf(data)
  if (format === SUSPEND_FORMAT) {
    if (!hasCheck(data)) throw new Error('the check does not match: the data was damaged or cut short')
    return decodeBody(course, data.slice(0, -CHECK_LENGTH))
  }
  // Current data whose first character, the format number, was changed, lost or doubled is
  // damaged, not an older format's: it must not be replaced, nor read without its check.
  const mended = [FORMAT_CHARACTER + data.slice(1), FORMAT_CHARACTER + data, data.slice(1)]
  if (mended.some(hasCheck)) throw new Error('the format number was damaged')
  if (format === UNCHECKED_FORMAT) return decodeBody(course, data)
  if (format < UNCHECKED_FORMAT) throw new Superseded('an earlier format')
  // A format this player does not know: a newer package's, or damage. Either way not to be replaced.
  throw new Error('a later format')
}

/** Formats 2 and 3 lay the data out alike; only the check after it differs. */
function decodeBody(course: CourseBundle, data: string): CourseProgress {
  const layout = layoutOf(course)
  const reader = new BitReader(data)
  reader.uint(6)
  if (reader.uint(32) !== layout.fingerprint) throw new Superseded('another course')
  const startedAt = readTime(reader)
  const updatedAt = readTime(reader)
  const completedAt = readTime(reader)
  const seenAt = startedAt ?? updatedAt ?? SUSPEND_EPOCH
  const progress = emptyProgress(course.id, course.version)
  if (startedAt) progress.startedAt = startedAt
  if (updatedAt) progress.updatedAt = updatedAt
  if (completedAt) progress.completedAt = completedAt
  for (const id of layout.pages) if (reader.bool()) putId(progress.pages, id, { viewedAt: seenAt, seconds: 0 })
  if (reader.bool()) {
    const pageId = layout.pages[reader.index(layout.pages.length)] as string
    const scroll = reader.uint(7)
    if (scroll > 100) throw new Error('a scroll position is out of range')
    progress.location = { pageId, scroll: scroll / 100 }
  }
  if (reader.bool()) progress.bookmarks = layout.pages.filter(() => reader.bool())

  for (const quiz of layout.quizzes) {
    const count = reader.varuint()
    if (count > 10_000) throw new Error('an attempt count is too large')
    const record: CourseProgress['quizzes'][string] = { attempts: [] }
    if (count > 0) {
      const best = reader.uint(7)
      const score = reader.uint(7)
      if (best > 100 || score > best) throw new Error('a score is out of range')
      const startedAt = readTime(reader) ?? seenAt
      const submittedAt = readTime(reader) ?? startedAt
      const seed = reader.uint(32)
      const responses = readResponses(reader, quiz, seed)
      record.attempts = rebuildAttempts(quiz, count, best, { seed, startedAt, submittedAt, responses, score, passed: quizPassed(quiz, score) })
    }
    if (reader.bool()) {
      const seed = reader.uint(32)
      const startedAt = readTime(reader) ?? seenAt
      record.current = { seed, startedAt, responses: readResponses(reader, quiz, seed) }
      const checked = planAttempt(quiz, seed).questionIds.filter(() => reader.bool())
      if (checked.length > 0) record.current.checked = checked
    }
    if (count > 0 || record.current) putId(progress.quizzes, quiz.id, record)
  }

  for (const { type, blocks } of layout.tracked) {
    for (const block of blocks) {
      const state = type.codec.read(reader, block, seenAt)
      if (state !== undefined) setBlockState(progress, type, block.id, state)
    }
  }
  if (!reader.done()) throw new Error('the data goes on after the end')
  return progress
}

export interface EncodedSuspendData {
  data: string
  /** The optional texts left out to stay within the limit (reflection ids, quiz:question ids). */
  dropped: string[]
  /** False when even without optional texts the data is longer than the limit. */
  fits: boolean
}

interface OptionalText {
  key: string
  bytes: number
  /** A block's text (a reflection), left out before any answer: the LMS has no use for it. */
  block: boolean
}

function optionalTexts(course: CourseBundle, progress: CourseProgress): OptionalText[] {
  const layout = layoutOf(course)
  const texts: OptionalText[] = []
  for (const quiz of layout.quizzes) {
    const record = ownValue(progress.quizzes, quiz.id)
    const attempts: [string, { seed: number; responses: Record<string, unknown> } | undefined][] = [
      ['last', record?.attempts.at(-1)],
      ['current', record?.current],
    ]
    for (const [kind, attempt] of attempts) {
      if (!attempt) continue
      for (const question of quiz.questions) {
        const type = questionType(question)
        const response = hasId(attempt.responses, question.id) ? type.parseResponse(attempt.responses[question.id]) : undefined
        const bytes = response === undefined ? 0 : (type.codec.optionalTextBytes?.(question, response) ?? 0)
        if (bytes > 0) texts.push({ key: `${kind}:${quiz.id}:${question.id}`, bytes, block: false })
      }
    }
  }
  for (const { type, blocks } of layout.tracked) {
    for (const block of blocks) {
      const state = blockState(progress, type, block.id)
      const bytes = state === undefined ? 0 : (type.codec.optionalTextBytes?.(block, state) ?? 0)
      if (bytes > 0) texts.push({ key: `${type.type}:${block.id}`, bytes, block: true })
    }
  }
  // Blocks' texts go first, then the longest first: they cost the most.
  return texts.sort((a, b) => Number(b.block) - Number(a.block) || b.bytes - a.bytes)
}

/**
 * Packs progress into at most `maxLength` characters when it can: optional texts (reflections
 * first, longest first, then wrong fill-in answers) are left out, as few as will do, in that
 * order. The data only shrinks as more are left out, so the fewest is found by halving.
 */
export function encodeSuspendData(course: CourseBundle, progress: CourseProgress, maxLength = Infinity): EncodedSuspendData {
  const full = encodeWith(course, progress, () => true)
  if (full.length <= maxLength) return { data: full, dropped: [], fits: true }
  const candidates = optionalTexts(course, progress).map((text) => text.key)
  const leavingOut = (count: number) => {
    const dropped = new Set(candidates.slice(0, count))
    return { data: encodeWith(course, progress, (key) => !dropped.has(key)), dropped: [...dropped] }
  }
  let low = 1
  let high = candidates.length
  let best = leavingOut(high)
  if (best.data.length > maxLength) return { ...best, fits: false }
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    const attempt = leavingOut(middle)
    if (attempt.data.length <= maxLength) {
      best = attempt
      high = middle
    } else low = middle + 1
  }
  return { ...best, fits: true }
}

/**
 * What suspend data holds for this course:
 * - `empty`: nothing yet, a first launch;
 * - `progress`: the learner's progress;
 * - `superseded`: data of an earlier format or of another structure of the course (the package
 *   was updated): it can never be read by this package, and is replaced as the learner goes on;
 * - `unreadable`: damaged, cut short or of a later format: not the learner's progress as written,
 *   and perhaps readable again some day, so it is not to be replaced.
 */
export type SuspendDataReading = { kind: 'empty' } | { kind: 'progress'; progress: CourseProgress } | { kind: 'superseded' } | { kind: 'unreadable' }

export function readSuspendData(course: CourseBundle, data: string): SuspendDataReading {
  if (data === '') return { kind: 'empty' }
  try {
    return { kind: 'progress', progress: decodeOrThrow(course, data) }
  } catch (error) {
    return error instanceof Superseded ? { kind: 'superseded' } : { kind: 'unreadable' }
  }
}

/** The progress in suspend data, or null when the data is empty, corrupt, of another format or of another course. */
export function decodeSuspendData(course: CourseBundle, data: string): CourseProgress | null {
  const reading = readSuspendData(course, data)
  return reading.kind === 'progress' ? reading.progress : null
}

/**
 * The longest progress this course's structure can produce in suspend data (without the optional
 * texts, which are dropped to fit): every page seen and bookmarked, every quiz attempted many
 * times with every drawn question answered in its longest form, plus an attempt in progress, and
 * every tracked block in its longest state (every scenario walked through all its steps). The
 * export reports it against the 4096 limit.
 */
export function worstCaseProgress(course: CourseBundle): CourseProgress {
  const layout = layoutOf(course)
  const at = '2026-11-21T10:00:00.000Z'
  const longest = (question: Question): Response => questionType(question).codec.longest(question)
  const answers = (quiz: QuizBlock, seed: number) => {
    const byId = new Map(quiz.questions.map((question) => [question.id, question]))
    return idRecord(planAttempt(quiz, seed).questionIds.map((id) => [id, longest(byId.get(id) as Question)]))
  }
  const seed = 0xffffffff
  const worst: CourseProgress = {
    ...emptyProgress(course.id, course.version),
    startedAt: at,
    updatedAt: at,
    completedAt: at,
    pages: idRecord(layout.pages.map((id) => [id, { viewedAt: at, seconds: 3600 }])),
    quizzes: idRecord(
      layout.quizzes.map((quiz) => {
        // Both a finished attempt and one in progress, whatever the attempt limit: an upper bound.
        const attempts = Array.from({ length: quiz.attempts ?? 99 }, () => ({ seed, startedAt: at, submittedAt: at, responses: answers(quiz, seed), score: 99, passed: true }))
        return [quiz.id, { attempts, current: { seed, startedAt: at, responses: answers(quiz, seed) } }]
      }),
    ),
    bookmarks: [...layout.pages],
    location: { pageId: layout.pages.at(-1) ?? '', scroll: 1 },
  }
  for (const { type, blocks } of layout.tracked) {
    for (const block of blocks) {
      const state = type.codec.longest(block)
      if (state !== undefined) setBlockState(worst, type, block.id, state)
    }
  }
  return worst
}
