import { describe, expect, it } from 'vitest'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import { LEARNER_RECORD_FORMAT } from '../progress/learner-record'
import { emptyProgress } from '../progress/schema'
import type { LearnerComment } from './comment'
import { COMMENT_FILE_FORMAT, readFeedbackFile } from './comment-file'
import { feedbackReport } from './feedback-report'
import { mergeFeedback } from './feedback'

const at = '2026-12-01T10:00:00.000Z'
const comment = (id: string, pageId: string, extra: Partial<LearnerComment> = {}): LearnerComment => ({ id, pageId, kind: 'question', text: `Comment ${id}`, language: 'en', createdAt: at, ...extra })
const fileOf = (author: string | null, comments: LearnerComment[]) =>
  JSON.stringify({ format: COMMENT_FILE_FORMAT, schemaVersion: 1, exportedAt: at, appVersion: '1.0.0', author: author === null ? null : { name: author }, courses: { wards: { courseVersion: '1.0.0', comments } } })
const recordOf = (name: string, comments: LearnerComment[]) =>
  JSON.stringify({ format: LEARNER_RECORD_FORMAT, schemaVersion: 1, exportedAt: at, appVersion: '1.0.0', learner: { name }, progress: { wards: { ...emptyProgress('wards', '1.0.0'), comments } } })

const read = (text: string) => {
  const reading = readFeedbackFile(text)
  if (!reading.ok) throw new Error(reading.reason)
  return reading.source
}

describe('reading files for a feedback report', () => {
  it('reads a comments file with or without the learner’s name, and a learner record as unnamed', () => {
    expect(read(fileOf('Cllr Rhys Evans', [comment('a', 'p1')]))).toEqual({ author: 'Cllr Rhys Evans', courses: { wards: [comment('a', 'p1')] } })
    expect(read(fileOf(null, [comment('a', 'p1')])).author).toBeNull()
    expect(read(recordOf('Priya Sandhu', [comment('b', 'p2')]))).toEqual({ author: null, courses: { wards: [comment('b', 'p2')] } })
  })

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['another kind of file', JSON.stringify({ format: 'something' }), 'not a Civic Learn comments file or learner record'],
    ['a newer version', JSON.stringify({ ...JSON.parse(fileOf(null, [])), schemaVersion: 2 }), 'newer version'],
    ['markup for a name', fileOf('<img src=x onerror=alert(1)>'.repeat(10), []), 'author.name'],
    ['a course id that is a path', fileOf(null, []).replace('"wards"', '"../../etc"'), 'courses'],
    ['a comment far too long', fileOf(null, [comment('a', 'p1', { text: 'x'.repeat(5000) })]), 'courses.wards.comments.0.text'],
    ['a damaged record', recordOf('', []), 'damaged'],
    ['a huge file', ' '.repeat(2 * 1024 * 1024), 'too large'],
  ])('refuses %s, saying why', (_label, text, reason) => {
    const reading = readFeedbackFile(text)
    expect(reading.ok).toBe(false)
    if (!reading.ok) expect(reading.reason).toContain(reason)
  })
})

describe('merging learners’ comments', () => {
  it('counts a comment once wherever it turns up, keeps its latest words and a name it was given, and numbers the unnamed', () => {
    const edited = comment('a', 'p1', { text: 'Edited later', updatedAt: '2026-12-02T10:00:00.000Z' })
    const merged = mergeFeedback([
      read(recordOf('Priya', [comment('a', 'p1'), comment('b', 'p1')])),
      read(fileOf('Priya Sandhu', [edited])),
      read(fileOf(null, [comment('c', 'p2')])),
      read(fileOf(null, [comment('c', 'p2')])),
    ])
    expect(merged.duplicates).toBe(2)
    // As the report shows them: the name given, and two learners not named.
    expect(merged.authors).toBe(3)
    expect(merged.comments.map((kept) => [kept.id, kept.text, kept.author])).toEqual([
      ['a', 'Edited later', { name: 'Priya Sandhu' }],
      ['b', 'Comment b', { unnamed: 1 }],
      ['c', 'Comment c', { unnamed: 2 }],
    ])
  })
})

describe('the report', () => {
  const course = bundleOf(
    [
      moduleOf('m1', [
        pageOf('p1', [
          { type: 'text', markdown: 'Reply in public when it helps everyone.' },
          { type: 'notes', markdown: 'Trainer only.' },
          { type: 'callout', kind: 'tip', markdown: 'Take casework to email.' },
        ]),
        pageOf('p2', [{ type: 'text', markdown: 'A second page.' }]),
      ]),
    ],
    { id: 'wards' },
  )

  it('lays comments out by page and part in the course’s order, counting kinds, with the gone and the unknown last', () => {
    const merged = mergeFeedback([
      read(
        fileOf(null, [
          comment('late', 'p2', { kind: 'experience' }),
          comment('tip', 'p1', { blockId: 'callout.1', quote: { text: 'Take casework to email.', language: 'en' }, kind: 'correction' }),
          comment('gone', 'p1', { blockId: 'image.1', quote: { text: 'A picture since removed', language: 'en' } }),
          comment('whole', 'p1', { kind: 'disagreement' }),
          comment('text', 'p1', { blockId: 'text.1', quote: { text: 'Reply in public when it helps everyone.', language: 'en' } }),
          comment('lost', 'removed'),
        ]),
      ),
    ])
    const report = feedbackReport([course], merged, 'en')
    const [wards] = report.courses
    expect(wards?.title).toBe(course.content.en?.title)
    expect(wards?.pages.map((page) => [page.pageId, page.parts.map((part) => [part.blockId, part.quote, part.gone, part.comments.map((kept) => kept.id)])])).toEqual([
      ['p1', [[null, '', false, ['whole']], ['text.1', 'Reply in public when it helps everyone.', false, ['text']], ['callout.1', 'Take casework to email.', false, ['tip']], [null, 'A picture since removed', true, ['gone']]]],
      ['p2', [[null, '', false, ['late']]]],
      ['removed', [[null, '', true, ['lost']]]],
    ])
    expect(wards?.pages[0]?.parts[2]?.counts).toEqual({ question: 0, experience: 0, correction: 1, disagreement: 0 })
    expect(report).toMatchObject({ comments: 6, duplicates: 0, authors: 1 })
  })
})
