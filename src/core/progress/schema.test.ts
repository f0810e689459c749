import { describe, expect, it } from 'vitest'
import { CourseProgressSchema, emptyProgress, TrackingEventSchema } from './schema'

describe('progress schema', () => {
  it('is built from the tracked block types: each keeps its states under its own key', () => {
    const progress = { ...emptyProgress('c', '1'), scenarios: { s: [{ stepId: 'a', choiceId: 'b' }] }, reflections: { r: { text: 'T', savedAt: '2026-11-21T10:00:00.000Z' } } }
    expect(CourseProgressSchema.parse(progress)).toEqual(progress)
    expect(CourseProgressSchema.safeParse({ ...progress, scenarios: { s: [{ stepId: 'a' }] } }).success).toBe(false)
    expect(CourseProgressSchema.safeParse({ ...progress, reflections: { r: { text: 'T' } } }).success).toBe(false)
  })

  it('reads progress stored before a tracked block type existed as having no states of that type', () => {
    const { reflections: _reflections, ...older } = emptyProgress('c', '1')
    const parsed = CourseProgressSchema.parse(older)
    expect(parsed.reflections).toEqual({})
    // Each parse gets its own empty record, never one shared between learners.
    expect(CourseProgressSchema.parse(older).reflections).not.toBe(parsed.reflections)
  })

  it('reads progress kept before there were comments as having none', () => {
    const { comments: _comments, ...older } = emptyProgress('c', '1')
    expect(CourseProgressSchema.parse(older).comments).toEqual([])
  })

  it('accepts each tracked block type’s events beside the others, and nothing else', () => {
    expect(TrackingEventSchema.parse({ type: 'scenario.chose', blockId: 's', stepId: 'a', choiceId: 'b' })).toEqual({ type: 'scenario.chose', blockId: 's', stepId: 'a', choiceId: 'b' })
    expect(TrackingEventSchema.safeParse({ type: 'reflection.saved', at: '2026-11-21T10:00:00Z', blockId: 'r', text: 'x'.repeat(20_001) }).success).toBe(false)
    expect(TrackingEventSchema.safeParse({ type: 'scenario.chose', blockId: 's', stepId: 'a', choiceId: 'b', extra: 1 }).success).toBe(false)
    expect(TrackingEventSchema.safeParse({ type: 'poll.voted', blockId: 'p' }).success).toBe(false)
  })

  it.each([
    ['page time beyond an hour', { type: 'page.time', pageId: 'p', seconds: 3601 }],
    ['page time below nothing', { type: 'page.time', pageId: 'p', seconds: -1 }],
    ['a video longer than a day', { type: 'video.watched', blockId: 'v', from: 0, to: 10, duration: 1e308 }],
    ['a range beyond a day', { type: 'video.watched', blockId: 'v', from: 0, to: 1e308, duration: 60 }],
    ['a range starting beyond a day', { type: 'video.watched', blockId: 'v', from: 1e308, to: 10, duration: 60 }],
    ['a seed that is not a whole number', { type: 'quiz.started', at: '2026-11-21T10:00:00Z', quizId: 'q', seed: 1.5 }],
    ['a scroll beyond the page', { type: 'location.changed', pageId: 'p', scroll: 1.5 }],
    ['an id longer than any', { type: 'bookmark.toggled', pageId: 'x'.repeat(121) }],
    ['a comment with no words', { type: 'comment.saved', at: '2026-11-21T10:00:00Z', comment: { id: 'c', pageId: 'p', kind: 'question', text: '   ', language: 'en' } }],
    ['a comment too long', { type: 'comment.saved', at: '2026-11-21T10:00:00Z', comment: { id: 'c', pageId: 'p', kind: 'question', text: 'x'.repeat(2001), language: 'en' } }],
    ['a comment of no known kind', { type: 'comment.saved', at: '2026-11-21T10:00:00Z', comment: { id: 'c', pageId: 'p', kind: 'rant', text: 'x', language: 'en' } }],
    ['a comment in a language the app does not offer', { type: 'comment.saved', at: '2026-11-21T10:00:00Z', comment: { id: 'c', pageId: 'p', kind: 'question', text: 'x', language: 'fr' } }],
  ])('refuses an event with %s', (_label, event) => {
    expect(TrackingEventSchema.safeParse(event).success).toBe(false)
  })
})
