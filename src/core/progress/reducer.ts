import { withComment, withoutComment } from '../comments/comment'
import type { CourseBundle } from '../course/bundle'
import { planAttempt, scoreAttempt } from '../quiz/attempt'
import { blockState, isTrackedBlockEvent, type TrackedBlockEvent, trackedType, withBlockState } from '../course/blocks/tracked'
import type { Response } from '../questions/registry'
import { MAX_EVENT_SECONDS, MAX_PAGE_SECONDS, MAX_SEED, MAX_VIDEO_RANGES, MAX_VIDEO_SECONDS, mergeRanges, withinBounds } from './bounds'
import { courseStatus } from './completion'
import { indexCourse } from './course-index'
import { hasId, idRecord, ownValue, withId } from './id-record'
import type { CourseProgress, TrackingEvent } from './schema'

/** Adds [from, to] to sorted, merged ranges. */
export function mergeRange(ranges: readonly [number, number][], from: number, to: number): [number, number][] {
  return mergeRanges([...ranges, [from, to]])
}

function touch(state: CourseProgress, at: string | undefined): CourseProgress {
  if (at === undefined) return state
  return { ...state, startedAt: state.startedAt ?? at, updatedAt: at }
}

/** An event about one block goes to the block's own type, which says what it does to the block's state. */
function reduceBlockEvent(course: CourseBundle, state: CourseProgress, event: TrackedBlockEvent): CourseProgress {
  const block = indexCourse(course).tracked.get(event.blockId)
  const type = block && trackedType(block.type)
  if (!block || !type?.events.includes(event.type)) return state
  const before = blockState(state, type, block.id)
  const after = type.reduce(block, before, event)
  if (after === before) return state
  const next = withBlockState(state, type, block.id, after)
  return 'at' in event ? touch(next, event.at) : next
}

function reduce(course: CourseBundle, state: CourseProgress, event: TrackingEvent): CourseProgress {
  if (isTrackedBlockEvent(event)) return reduceBlockEvent(course, state, event)
  const index = indexCourse(course)
  switch (event.type) {
    case 'page.viewed': {
      if (!index.pageModule.has(event.pageId)) return state
      const pages = hasId(state.pages, event.pageId) ? state.pages : withId(state.pages, event.pageId, { viewedAt: event.at, seconds: 0 })
      return touch({ ...state, pages, location: { pageId: event.pageId, scroll: 0 } }, event.at)
    }
    case 'page.time': {
      // Bounded here as well as by the schema: the SCORM player's events never meet the schema (see bounds.ts).
      const page = ownValue(state.pages, event.pageId)
      const seconds = event.seconds >= 0 ? withinBounds(event.seconds, MAX_EVENT_SECONDS) : undefined
      if (!page || seconds === undefined) return state
      const total = Math.min(page.seconds + seconds, MAX_PAGE_SECONDS)
      return { ...state, pages: withId(state.pages, event.pageId, { ...page, seconds: total }) }
    }
    case 'video.watched': {
      const { duration } = event
      if (!index.videos.has(event.blockId) || !(duration > 0 && duration <= MAX_VIDEO_SECONDS)) return state
      const from = withinBounds(event.from, duration)
      const to = withinBounds(event.to, duration)
      if (from === undefined || to === undefined) return state
      const ranges = mergeRange(ownValue(state.videos, event.blockId)?.ranges ?? [], from, to)
      // Past the bound only what joins the ranges already kept is recorded.
      if (ranges.length > MAX_VIDEO_RANGES) return state
      return { ...state, videos: withId(state.videos, event.blockId, { ranges, duration }) }
    }
    case 'quiz.started': {
      const entry = index.quizzes.get(event.quizId)
      if (!entry || !(Number.isInteger(event.seed) && event.seed >= 0 && event.seed <= MAX_SEED)) return state
      const record = ownValue(state.quizzes, event.quizId) ?? { attempts: [] }
      const limit = entry.quiz.attempts
      if (record.current || (limit !== undefined && record.attempts.length >= limit)) return state
      const current = { seed: event.seed, startedAt: event.at, responses: idRecord<Response>() }
      return touch({ ...state, quizzes: withId(state.quizzes, event.quizId, { ...record, current }) }, event.at)
    }
    case 'quiz.answered': {
      const entry = index.quizzes.get(event.quizId)
      const record = ownValue(state.quizzes, event.quizId)
      if (!entry || !record?.current) return state
      if (!planAttempt(entry.quiz, record.current.seed).questionIds.includes(event.questionId)) return state
      if (record.current.checked?.includes(event.questionId)) return state
      const responses = withId(record.current.responses, event.questionId, event.response)
      return { ...state, quizzes: withId(state.quizzes, event.quizId, { ...record, current: { ...record.current, responses } }) }
    }
    case 'quiz.checked': {
      const entry = index.quizzes.get(event.quizId)
      const record = ownValue(state.quizzes, event.quizId)
      const current = record?.current
      if (!entry || !record || !current || current.checked?.includes(event.questionId)) return state
      if (!hasId(current.responses, event.questionId)) return state
      const checked = [...(current.checked ?? []), event.questionId]
      return { ...state, quizzes: withId(state.quizzes, event.quizId, { ...record, current: { ...current, checked } }) }
    }
    case 'quiz.submitted': {
      const entry = index.quizzes.get(event.quizId)
      const record = ownValue(state.quizzes, event.quizId)
      if (!entry || !record?.current) return state
      const { seed, startedAt, responses } = record.current
      const plan = planAttempt(entry.quiz, seed)
      const result = scoreAttempt(entry.quiz, plan.questionIds, responses as Record<string, Response>)
      const attempt = { seed, startedAt, submittedAt: event.at, responses, score: result.score, passed: result.passed }
      return touch({ ...state, quizzes: withId(state.quizzes, event.quizId, { attempts: [...record.attempts, attempt] }) }, event.at)
    }
    case 'bookmark.toggled': {
      if (!index.pageModule.has(event.pageId)) return state
      const has = state.bookmarks.includes(event.pageId)
      return { ...state, bookmarks: has ? state.bookmarks.filter((id) => id !== event.pageId) : [...state.bookmarks, event.pageId] }
    }
    case 'location.changed': {
      if (!index.pageModule.has(event.pageId) || !(event.scroll >= 0 && event.scroll <= 1)) return state
      return { ...state, location: { pageId: event.pageId, scroll: event.scroll } }
    }
    case 'comment.saved': {
      if (!index.pageModule.has(event.comment.pageId)) return state
      const comments = withComment(state.comments, event.comment, event.at)
      return comments === state.comments ? state : touch({ ...state, comments }, event.at)
    }
    case 'comment.deleted': {
      const comments = withoutComment(state.comments, event.id)
      return comments === state.comments ? state : touch({ ...state, comments }, event.at)
    }
  }
}

/** Records the moment the course first became complete, and the time spent until then. */
function stampCompletion(course: CourseBundle, state: CourseProgress, at: string): CourseProgress {
  if (state.completedAt) return state
  const status = courseStatus(course, state)
  if (!status.complete) return state
  return { ...state, completedAt: at, secondsAtCompletion: status.secondsSpent }
}

/**
 * Applies one tracking event to a learner's progress, returning the new state. Pure: the same
 * course, state and event always give the same result. Events that name something the course
 * does not have, that make no sense now (answering a quiz that was not started), or that carry
 * numbers no client sends (NaN, a negative time), change nothing; times are cut to their bounds.
 */
export function applyEvent(course: CourseBundle, state: CourseProgress, event: TrackingEvent): CourseProgress {
  const next = reduce(course, state, event)
  return next !== state && 'at' in event ? stampCompletion(course, next, event.at) : next
}

/** Applies events in order. */
export function applyEvents(course: CourseBundle, state: CourseProgress, events: readonly TrackingEvent[]): CourseProgress {
  return events.reduce((current, event) => applyEvent(course, current, event), state)
}
