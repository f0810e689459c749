import { describe, expect, it } from 'vitest'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import { MAX_PAGE_SECONDS, MAX_VIDEO_SECONDS } from './bounds'
import { hasId, ownValue } from './id-record'
import { LEARNER_RECORD_FORMAT, readLearnerRecord } from './learner-record'
import { courseOverview } from './overview'
import { emptyProgress } from './schema'

const good = {
  format: LEARNER_RECORD_FORMAT,
  schemaVersion: 1,
  exportedAt: '2026-11-21T10:00:00.000Z',
  appVersion: '0.1.0',
  learner: { name: 'Priya Sandhu' },
  progress: { demo: { ...emptyProgress('demo', '1.0.0'), pages: { p1: { viewedAt: '2026-11-21T09:00:00.000Z', seconds: 30 } } } },
}

const comment = { id: 'c1', pageId: 'p1', blockId: 'text.1', quote: { text: 'Residents ask', language: 'en' }, kind: 'question', text: 'Does this apply in Wales?', language: 'en', createdAt: '2026-11-21T09:30:00.000Z' }

describe('readLearnerRecord', () => {
  it('reads a record', () => {
    const reading = readLearnerRecord(JSON.stringify(good))
    expect(reading).toMatchObject({ ok: true, record: { learner: { name: 'Priya Sandhu' } } })
  })

  it('reads the learner’s comments with their progress, and a record from before comments as having none', () => {
    const reading = readLearnerRecord(JSON.stringify({ ...good, progress: { demo: { ...good.progress.demo, comments: [comment] } } }))
    expect(reading.ok && reading.record.progress.demo?.comments).toEqual([comment])
    const { comments: _comments, ...older } = good.progress.demo
    const old = readLearnerRecord(JSON.stringify({ ...good, progress: { demo: older } }))
    expect(old.ok && old.record.progress.demo?.comments).toEqual([])
  })

  it.each([
    ['not JSON', 'hello', 'it is not JSON'],
    ['another format', JSON.stringify({ ...good, format: 'something-else' }), 'not a Civic Learn learner record'],
    ['a newer version', JSON.stringify({ ...good, schemaVersion: 2 }), 'newer version of Civic Learn'],
    ['an unknown key', JSON.stringify({ ...good, admin: true }), 'damaged or has been changed'],
    ['progress under another course id', JSON.stringify({ ...good, progress: { other: good.progress.demo } }), 'must name the same course'],
    ['a hostile course id', JSON.stringify({ ...good, progress: { '../../etc': good.progress.demo } }), 'damaged'],
    ['a huge file', ' '.repeat(2 * 1024 * 1024), 'too large'],
    ['JSON null', 'null', 'not a Civic Learn learner record'],
    ['a comment of a kind there is not', JSON.stringify({ ...good, progress: { demo: { ...good.progress.demo, comments: [{ ...comment, kind: 'rant' }] } } }), 'progress.demo.comments.0.kind'],
    ['a comment with a script for a language', JSON.stringify({ ...good, progress: { demo: { ...good.progress.demo, comments: [{ ...comment, language: '<script>' }] } } }), 'progress.demo.comments.0.language'],
  ])('refuses %s with a reason', (_label, text, reason) => {
    const reading = readLearnerRecord(text)
    expect(reading.ok).toBe(false)
    if (!reading.ok) expect(reading.reason).toContain(reason)
  })

  it('reads progress in a course whose id Object.prototype also answers to, and nothing from a prototype', () => {
    const viewedAt = '2026-11-21T09:00:00.000Z'
    const constructorCourse = { ...emptyProgress('constructor', '1.0.0'), pages: { constructor: { viewedAt, seconds: 5 } } }
    const text = JSON.stringify({ ...good, progress: { constructor: constructorCourse } })
    // "__proto__" as JSON.parse gives it: an own key, which must not become the prototype of anything.
    const reading = readLearnerRecord(text.replace('"pages":{', `"pages":{"__proto__":{"viewedAt":"${viewedAt}","seconds":7},`))
    if (!reading.ok) throw new Error(reading.reason)
    const progress = ownValue(reading.record.progress, 'constructor')
    expect(progress?.pages).toEqual({ constructor: { viewedAt, seconds: 5 } })
    expect(Object.getPrototypeOf(progress?.pages)).toBe(Object.prototype)
    expect(hasId(reading.record.progress, 'toString')).toBe(false)
    const other = readLearnerRecord(JSON.stringify(good))
    expect(other.ok && ownValue(other.record.progress, 'constructor')).toBeUndefined()
  })

  it('bounds the seconds of an imported record, so the overview stays finite', () => {
    const viewedAt = '2026-11-21T09:00:00.000Z'
    const pages = { p1: { viewedAt, seconds: 1e308 }, p2: { viewedAt, seconds: 1e308 } }
    const reading = readLearnerRecord(JSON.stringify({ ...good, progress: { demo: { ...good.progress.demo, pages } } }))
    if (!reading.ok) throw new Error(reading.reason)
    const progress = reading.record.progress.demo
    if (!progress) throw new Error('no progress')
    expect(progress.pages.p1?.seconds).toBe(MAX_PAGE_SECONDS)
    const course = bundleOf([moduleOf('m', [pageOf('p1'), pageOf('p2')])])
    expect(courseOverview(course, progress).secondsSpent).toBe(2 * MAX_PAGE_SECONDS)
  })

  it('bounds an imported record’s videos to their length and plausible lengths', () => {
    const videos = { v: { ranges: [[0, 1e308], [5, 2]], duration: 1e308 } }
    const reading = readLearnerRecord(JSON.stringify({ ...good, progress: { demo: { ...good.progress.demo, videos } } }))
    if (!reading.ok) throw new Error(reading.reason)
    expect(reading.record.progress.demo?.videos.v).toEqual({ ranges: [[0, MAX_VIDEO_SECONDS]], duration: MAX_VIDEO_SECONDS })
  })

  it.each([
    ['a negative time on a page', { pages: { p1: { viewedAt: '2026-11-21T09:00:00.000Z', seconds: -1 } } }],
    ['a video of no length', { videos: { v: { ranges: [], duration: 0 } } }],
    ['a negative range', { videos: { v: { ranges: [[-5, 2]], duration: 10 } } }],
    ['a scroll position beyond the page', { location: { pageId: 'p1', scroll: 1e308 } }],
    ['a seed that is not a whole number', { quizzes: { q: { attempts: [], current: { seed: 1.5, startedAt: '2026-11-21T09:00:00.000Z', responses: {} } } } }],
    ['a negative seed', { quizzes: { q: { attempts: [], current: { seed: -1, startedAt: '2026-11-21T09:00:00.000Z', responses: {} } } } }],
    [
      'a score that is not a whole number',
      { quizzes: { q: { attempts: [{ seed: 1, startedAt: '2026-11-21T09:00:00.000Z', submittedAt: '2026-11-21T09:00:00.000Z', responses: {}, score: 50.5, passed: false }] } } },
    ],
  ])('refuses %s', (_label, patch) => {
    expect(readLearnerRecord(JSON.stringify({ ...good, progress: { demo: { ...good.progress.demo, ...patch } } })).ok).toBe(false)
  })
})
