import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import { moduleOf, pageOf } from '../../test/support/course-bundle'
import { courseOf } from '../../test/support/scorm-courses'
import type { CommentInput } from '../core/comments/comment'
import type { TrackingEvent } from '../core/progress/schema'
import { strictLms, type LmsApi } from '../core/scorm/strict-lms'
import { ProgressTracker } from './progress-tracker'
import { ScormSession, type Scorm12Api, type Scorm2004Api } from './scorm-runtime'

const course = courseOf([
  moduleOf('m', [
    pageOf('intro', [{ type: 'text', markdown: 'Residents often ask councillors questions in public.' }], 'Intro'),
    pageOf('rules', [{ type: 'text', markdown: 'The rules on campaigning differ by nation.' }, { type: 'text', markdown: 'Keep records of what you spend.' }], 'Rules'),
  ]),
])
const settings = { lmsCommitUrl: false as const, mastery_override: false, autocommit: false, logLevel: 5 as const }

const comment = (id: string, overrides: Partial<CommentInput> = {}): CommentInput => ({
  id,
  pageId: 'rules',
  blockId: 'text.2',
  quote: { text: 'Keep records of what you spend.', language: 'en' },
  kind: 'question',
  text: `Comment ${id}: does this apply to parish councils?`,
  language: 'en',
  ...overrides,
})
const saved = (input: CommentInput, second = 0): TrackingEvent => ({ type: 'comment.saved', at: new Date(Date.UTC(2026, 11, 6, 10, 0, second)).toISOString(), comment: input })
const deleted = (id: string): TrackingEvent => ({ type: 'comment.deleted', at: '2026-12-06T11:00:00.000Z', id })

/** A launch against scorm-again behind the strict LMS's checks, the LMS's data model kept from `stored`. */
function launch(version: 'scorm12' | 'scorm2004', stored?: Record<string, unknown>) {
  const lms = version === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings)
  if (stored) lms.loadFromJSON(stored)
  const strict = strictLms(version, lms as unknown as LmsApi)
  const found = version === 'scorm12' ? { version, api: strict.api as unknown as Scorm12Api } : { version, api: strict.api as unknown as Scorm2004Api }
  const session = new ScormSession(found)
  session.start()
  const tracker = new ProgressTracker({ course, session, storage: null })
  tracker.load()
  const record = (...events: TrackingEvent[]) => {
    tracker.record(events)
    return tracker.takeRefusal()
  }
  const relaunch = () => {
    tracker.close()
    return launch(version, JSON.parse(JSON.stringify(lms.cmi)) as Record<string, unknown>)
  }
  return { lms, strict, tracker, record, relaunch }
}

describe('comments in a SCORM 2004 LMS (cmi.comments_from_learner)', () => {
  it('sends each comment as an entry the learning team reads, and shows them again after a relaunch, placed on their blocks', () => {
    const first = launch('scorm2004')
    expect(first.record(saved(comment('a')), saved(comment('b', { pageId: 'intro', blockId: undefined, quote: undefined, kind: 'experience', language: 'cy', text: 'Yn ein cyngor ni,\nail linell' }), 1))).toBeNull()
    expect(first.strict.log.violations).toEqual([])
    const lms = first.lms as Scorm2004API
    expect(lms.GetValue('cmi.comments_from_learner._count')).toBe('2')
    expect(lms.GetValue('cmi.comments_from_learner.0.comment')).toBe('{lang=en}[question] Comment a: does this apply to parish councils?')
    expect(lms.GetValue('cmi.comments_from_learner.0.location')).toBe('rules#text.2')
    expect(lms.GetValue('cmi.comments_from_learner.1.location')).toBe('intro')
    expect(first.strict.log.calls.filter((call) => call.startsWith('Commit'))).not.toHaveLength(0)

    const second = first.relaunch()
    const back = second.tracker.progress.comments
    expect(back.map(({ pageId, blockId, kind, text, language }) => ({ pageId, blockId, kind, text, language }))).toEqual([
      { pageId: 'rules', blockId: 'text.2', kind: 'question', text: 'Comment a: does this apply to parish councils?', language: 'en' },
      { pageId: 'intro', blockId: undefined, kind: 'experience', text: 'Yn ein cyngor ni,\nail linell', language: 'cy' },
    ])
    // The quote comes from the course as it is, so the comment follows its block as the app's do.
    expect(back[0]?.quote).toEqual({ text: 'Keep records of what you spend.', language: 'en' })
  })

  it('edits a comment in its own entry, empties the words of a deleted one, and adds the next after both', () => {
    const first = launch('scorm2004')
    first.record(saved(comment('a')), saved(comment('b'), 1))
    const second = first.relaunch()
    const [a, b] = second.tracker.progress.comments
    expect(second.record(saved({ ...a!, text: 'Changed my mind.' }, 5))).toBeNull()
    expect(second.record(deleted(b!.id))).toBeNull()
    expect(second.record(saved(comment('c'), 6))).toBeNull()
    const lms = second.lms as Scorm2004API
    expect(lms.GetValue('cmi.comments_from_learner._count')).toBe('3')
    expect(lms.GetValue('cmi.comments_from_learner.0.comment')).toBe('{lang=en}[question] Changed my mind.')
    expect(lms.GetValue('cmi.comments_from_learner.1.comment')).toBe('')
    expect(lms.GetValue('cmi.comments_from_learner.2.comment')).toContain('Comment c')
    expect(second.strict.log.violations).toEqual([])
    const third = second.relaunch()
    expect(third.tracker.progress.comments.map((kept) => kept.text)).toEqual(['Changed my mind.', 'Comment c: does this apply to parish councils?'])
  })

  it('refuses a comment once Moodle’s requests would have no room for it (each carries every comment), keeping the others and saying why', () => {
    const { record, tracker } = launch('scorm2004')
    const long = (id: string) => comment(id, { text: `${id} ${'x'.repeat(1990)}` })
    let refusal = null
    let sent = 0
    for (let index = 0; index < 60 && refusal === null; index++) {
      refusal = record(saved(long(`c${index}`), index))
      if (refusal === null) sent++
    }
    expect(refusal).toBe('comment-room')
    // 16 KiB of comments: six of the longest, and the interactions journal keeps its own room.
    expect(sent).toBe(6)
    expect(tracker.progress.comments).toHaveLength(sent)
    // Other progress in the same events is kept.
    expect(record({ type: 'page.viewed', at: '2026-12-06T12:00:00.000Z', pageId: 'intro' }, saved(long('late'), 59))).toBe('comment-room')
    expect(tracker.progress.pages.intro?.viewedAt).toBe('2026-12-06T12:00:00.000Z')
  })

  it('says the LMS did not take a comment it refuses, and leaves it out', () => {
    const lms = new Scorm2004API(settings)
    const strict = strictLms('scorm2004', lms as unknown as LmsApi)
    const session = new ScormSession({ version: 'scorm2004', api: strict.api as unknown as Scorm2004Api })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null })
    tracker.load()
    tracker.record([saved(comment('a', { text: 'y'.repeat(3995) }))])
    expect(tracker.takeRefusal()).toBe('comment-failed')
    expect(tracker.progress.comments).toEqual([])
  })
})

describe('an LMS that does not implement comments', () => {
  /** The strict LMS with comments answered as not implemented (401), as some LMSs answer them. */
  function withoutComments(version: 'scorm12' | 'scorm2004') {
    const lms = version === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings)
    const api = strictLms(version, lms as unknown as LmsApi).api as unknown as Record<string, (...args: string[]) => string>
    const comments = /^cmi\.(comments|comments_from_learner)(\.|$)/
    let error: string | null = null
    const answer = (name: string) => (...args: string[]) => {
      error = comments.test(args[0] ?? '') ? '401' : null
      return error ? (name.endsWith('GetValue') ? '' : 'false') : (api[name] as (...args: string[]) => string)(...args)
    }
    const wrapped = {
      ...api,
      ...Object.fromEntries(['GetValue', 'SetValue', 'LMSGetValue', 'LMSSetValue'].map((name) => [name, answer(name)])),
      GetLastError: () => error ?? api.GetLastError?.() ?? '0',
      LMSGetLastError: () => error ?? api.LMSGetLastError?.() ?? '0',
    }
    const session = new ScormSession(version === 'scorm12' ? { version, api: wrapped as unknown as Scorm12Api } : { version, api: wrapped as unknown as Scorm2004Api })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null })
    tracker.load()
    return tracker
  }

  it.each(['scorm12', 'scorm2004'] as const)('%s: is known at launch, so the player offers no form', (version) => {
    expect(withoutComments(version).lmsKeepsComments).toBe(false)
    expect(launch(version).tracker.lmsKeepsComments).toBe(true)
    expect(new ProgressTracker({ course, session: null, storage: null }).lmsKeepsComments).toBe(false)
  })
})

describe('comments in a SCORM 1.2 LMS (cmi.comments, 4,096 characters)', () => {
  it('writes every comment into the one string, and reads them back on relaunch', () => {
    const first = launch('scorm12')
    expect(first.record(saved(comment('a')), saved(comment('b', { text: 'Two\nlines' }), 1))).toBeNull()
    const lms = first.lms as Scorm12API
    expect(lms.LMSGetValue('cmi.comments')).toBe(
      '[question] rules#text.2 2026-12-06T10:00:00Z en\n  Comment a: does this apply to parish councils?\n[question] rules#text.2 2026-12-06T10:00:01Z en\n  Two\n  lines',
    )
    const second = first.relaunch()
    expect(second.tracker.progress.comments.map((kept) => kept.text)).toEqual(['Comment a: does this apply to parish councils?', 'Two\nlines'])
    expect(second.record(deleted(second.tracker.progress.comments[0]!.id))).toBeNull()
    expect((second.lms as Scorm12API).LMSGetValue('cmi.comments')).toBe('[question] rules#text.2 2026-12-06T10:00:01Z en\n  Two\n  lines')
  })

  it('keeps the oldest when the string is full: a comment that does not fit is refused, and the learner told', () => {
    const { record, tracker, lms, strict } = launch('scorm12')
    const long = (id: string) => comment(id, { text: `${id} ${'x'.repeat(1950)}` })
    expect(record(saved(long('a')))).toBeNull()
    expect(record(saved(long('b'), 1))).toBeNull()
    expect(record(saved(long('c'), 2))).toBe('comment-room')
    expect(tracker.progress.comments.map((kept) => kept.id)).toEqual(['a', 'b'])
    expect((lms as Scorm12API).LMSGetValue('cmi.comments')).toContain('b xxx')
    expect(strict.log.violations).toEqual([])
  })

  it('refuses an edit that would not fit, and keeps the comment as it was', () => {
    const { record, tracker } = launch('scorm12')
    const mid = (id: string) => comment(id, { text: `${id} ${'x'.repeat(1000)}` })
    for (const [index, id] of ['a', 'b', 'c'].entries()) expect(record(saved(mid(id), index))).toBeNull()
    expect(record(saved({ ...mid('c'), text: 'z'.repeat(2000) }, 3))).toBe('comment-room')
    expect(tracker.progress.comments.map((kept) => kept.text.slice(0, 5))).toEqual(['a xxx', 'b xxx', 'c xxx'])
  })

  it('keeps what the LMS held before in front of the comments, whatever wrote it', () => {
    const lms = new Scorm12API(settings)
    lms.loadFromJSON({ comments: 'A note an earlier course left.' })
    const session = new ScormSession({ version: 'scorm12', api: lms as unknown as Scorm12Api })
    session.start()
    const tracker = new ProgressTracker({ course, session, storage: null })
    tracker.load()
    tracker.record([saved(comment('a'))])
    expect(lms.LMSGetValue('cmi.comments')).toBe('A note an earlier course left.\n[question] rules#text.2 2026-12-06T10:00:00Z en\n  Comment a: does this apply to parish councils?')
  })
})

describe('comments without an LMS', () => {
  it('keeps them for as long as the page is open, and refuses nothing', () => {
    const tracker = new ProgressTracker({ course, session: null, storage: null })
    tracker.load()
    tracker.record([saved(comment('a'))])
    expect(tracker.takeRefusal()).toBeNull()
    expect(tracker.progress.comments).toHaveLength(1)
  })
})
