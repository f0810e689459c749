import type { CourseBundle } from '../course/bundle'
import { planAttempt, scoreAttempt } from '../quiz/attempt'
import { blockState, isTrackedBlockEvent, type TrackedBlockEvent, trackedType, withBlockState } from '../course/blocks/tracked'
import type { Response } from '../questions/registry'
import { courseStatus } from './completion'
import { indexCourse } from './course-index'
import type { CourseProgress, TrackingEvent } from './schema'

/** Adds [from, to] to sorted, merged ranges. */
export function mergeRange(ranges: readonly [number, number][], from: number, to: number): [number, number][] {
  const all = [...ranges, [Math.min(from, to), Math.max(from, to)] as [number, number]].sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [start, end] of all) {
    const last = merged.at(-1)
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
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
      const page = state.pages[event.pageId]
      const pages = page ? state.pages : { ...state.pages, [event.pageId]: { viewedAt: event.at, seconds: 0 } }
      return touch({ ...state, pages, location: { pageId: event.pageId, scroll: 0 } }, event.at)
    }
    case 'page.time': {
      const page = state.pages[event.pageId]
      if (!page) return state
      return { ...state, pages: { ...state.pages, [event.pageId]: { ...page, seconds: page.seconds + event.seconds } } }
    }
    case 'video.watched': {
      const video = state.videos[event.blockId] ?? { ranges: [], duration: event.duration }
      const to = Math.min(event.to, event.duration)
      const ranges = mergeRange(video.ranges, Math.min(event.from, to), to)
      return { ...state, videos: { ...state.videos, [event.blockId]: { ranges, duration: event.duration } } }
    }
    case 'quiz.started': {
      const entry = index.quizzes.get(event.quizId)
      if (!entry) return state
      const record = state.quizzes[event.quizId] ?? { attempts: [] }
      const limit = entry.quiz.attempts
      if (record.current || (limit !== undefined && record.attempts.length >= limit)) return state
      const current = { seed: event.seed, startedAt: event.at, responses: {} }
      return touch({ ...state, quizzes: { ...state.quizzes, [event.quizId]: { ...record, current } } }, event.at)
    }
    case 'quiz.answered': {
      const entry = index.quizzes.get(event.quizId)
      const record = state.quizzes[event.quizId]
      if (!entry || !record?.current) return state
      if (!planAttempt(entry.quiz, record.current.seed).questionIds.includes(event.questionId)) return state
      if (record.current.checked?.includes(event.questionId)) return state
      const responses = { ...record.current.responses, [event.questionId]: event.response }
      return { ...state, quizzes: { ...state.quizzes, [event.quizId]: { ...record, current: { ...record.current, responses } } } }
    }
    case 'quiz.checked': {
      const entry = index.quizzes.get(event.quizId)
      const record = state.quizzes[event.quizId]
      const current = record?.current
      if (!entry || !record || !current || current.checked?.includes(event.questionId)) return state
      if (!(event.questionId in current.responses)) return state
      const checked = [...(current.checked ?? []), event.questionId]
      return { ...state, quizzes: { ...state.quizzes, [event.quizId]: { ...record, current: { ...current, checked } } } }
    }
    case 'quiz.submitted': {
      const entry = index.quizzes.get(event.quizId)
      const record = state.quizzes[event.quizId]
      if (!entry || !record?.current) return state
      const { seed, startedAt, responses } = record.current
      const plan = planAttempt(entry.quiz, seed)
      const result = scoreAttempt(entry.quiz, plan.questionIds, responses as Record<string, Response>)
      const attempt = { seed, startedAt, submittedAt: event.at, responses, score: result.score, passed: result.passed }
      return touch({ ...state, quizzes: { ...state.quizzes, [event.quizId]: { attempts: [...record.attempts, attempt] } } }, event.at)
    }
    case 'bookmark.toggled': {
      if (!index.pageModule.has(event.pageId)) return state
      const has = state.bookmarks.includes(event.pageId)
      return { ...state, bookmarks: has ? state.bookmarks.filter((id) => id !== event.pageId) : [...state.bookmarks, event.pageId] }
    }
    case 'location.changed': {
      if (!index.pageModule.has(event.pageId)) return state
      return { ...state, location: { pageId: event.pageId, scroll: event.scroll } }
    }
  }
}

/** Records the moment the course first became complete. */
function stampCompletion(course: CourseBundle, state: CourseProgress, at: string): CourseProgress {
  if (state.completedAt || !courseStatus(course, state).complete) return state
  return { ...state, completedAt: at }
}

/**
 * Applies one tracking event to a learner's progress, returning the new state. Pure: the same
 * course, state and event always give the same result. Events that name something the course
 * does not have, or that make no sense now (answering a quiz that was not started), change nothing.
 */
export function applyEvent(course: CourseBundle, state: CourseProgress, event: TrackingEvent): CourseProgress {
  const next = reduce(course, state, event)
  return next !== state && 'at' in event ? stampCompletion(course, next, event.at) : next
}

/** Applies events in order. */
export function applyEvents(course: CourseBundle, state: CourseProgress, events: readonly TrackingEvent[]): CourseProgress {
  return events.reduce((current, event) => applyEvent(course, current, event), state)
}
