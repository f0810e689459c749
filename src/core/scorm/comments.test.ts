import { describe, expect, it } from 'vitest'
import type { LearnerComment } from '../comments/comment'
import { strictWriteProblem } from './strict-lms'
import { comment12Entry, comment2004Writes, comments12Value, deleted2004Write, fits12, read12Comments, read2004Comment } from './comments'

const question: LearnerComment = {
  id: 'c1',
  pageId: 'listening-online',
  blockId: 'text.2',
  quote: { text: 'Residents often', language: 'en' },
  kind: 'question',
  text: 'Can I reply to a resident from my own account?',
  language: 'en',
  createdAt: '2026-12-06T10:15:30.123Z',
}

const welshExperience: LearnerComment = {
  id: 'c2',
  pageId: 'campaigning',
  kind: 'experience',
  text: 'Yn ein cyngor ni,\nroedd rhaid i ni ddysgu’n gyflym.\n\n  Ail baragraff.',
  language: 'cy',
  createdAt: '2026-12-06T11:00:00.000Z',
  updatedAt: '2026-12-06T11:05:09.999Z',
}

describe('SCORM 2004 comments (cmi.comments_from_learner.n)', () => {
  it('writes the words with their language and kind, the block as the location, and a timestamp Moodle takes', () => {
    const writes = comment2004Writes(3, question)
    expect(writes).toEqual([
      { element: 'cmi.comments_from_learner.3.comment', value: '{lang=en}[question] Can I reply to a resident from my own account?' },
      { element: 'cmi.comments_from_learner.3.location', value: 'listening-online#text.2' },
      { element: 'cmi.comments_from_learner.3.timestamp', value: '2026-12-06T10:15:30' },
    ])
    const types = new Map<string, string>()
    for (const { element, value } of writes) expect(strictWriteProblem('scorm2004', element, value, types), element).toBeNull()
  })

  it('stamps an edited comment with when it was changed, and a page comment has the page alone as its location', () => {
    const writes = comment2004Writes(0, welshExperience)
    expect(writes[0]?.value.startsWith('{lang=cy}[experience] Yn ein cyngor ni,\\nroedd')).toBe(true)
    expect(writes[1]?.value).toBe('campaigning')
    expect(writes[2]?.value).toBe('2026-12-06T11:05:09')
  })

  it('reads back what it wrote, and nothing it did not: another package’s comment, a deleted one, a damaged location', () => {
    const entry = (comment: LearnerComment) => {
      const [words, location, timestamp] = comment2004Writes(0, comment).map((write) => write.value)
      return { comment: words ?? '', location: location ?? '', timestamp: timestamp ?? '' }
    }
    expect(read2004Comment(entry(question))).toEqual({ pageId: 'listening-online', blockId: 'text.2', kind: 'question', text: question.text, language: 'en', createdAt: '2026-12-06T10:15:30.000Z' })
    expect(read2004Comment(entry(welshExperience))).toMatchObject({ pageId: 'campaigning', kind: 'experience', text: welshExperience.text, language: 'cy' })
    expect(read2004Comment({ ...entry(question), comment: 'Great course!' })).toBeNull()
    expect(read2004Comment({ ...entry(question), comment: deleted2004Write(0).value })).toBeNull()
    expect(read2004Comment({ ...entry(question), comment: '{lang=fr}[question] Bonjour' })).toBeNull()
    expect(read2004Comment({ ...entry(question), comment: '{lang=en}[praise] Lovely' })).toBeNull()
    expect(read2004Comment({ ...entry(question), location: 'a#b#c' })).toBeNull()
    expect(read2004Comment({ ...entry(question), location: '' })).toBeNull()
    expect(read2004Comment({ ...entry(question), timestamp: '' })?.createdAt).toBe('1970-01-01T00:00:00.000Z')
  })

  it('writes line breaks as \\n on the one line Moodle takes, and reads them back, backslashes and all', () => {
    const tricky: LearnerComment = { ...question, text: 'C:\\new folder\nsecond line\r\nthird \\n literally' }
    const [words] = comment2004Writes(0, tricky)
    expect(words?.value).not.toMatch(/[\n\r]/)
    expect(strictWriteProblem('scorm2004', words!.element, words!.value, new Map())).toBeNull()
    expect(strictWriteProblem('scorm2004', words!.element, 'two\nlines', new Map())).toMatch(/line break/)
    expect(read2004Comment({ comment: words!.value, location: 'p', timestamp: '' })?.text).toBe('C:\\new folder\nsecond line\nthird \\n literally')
  })

  it('takes a comment’s words back by emptying them: SCORM has no way to remove an entry', () => {
    expect(deleted2004Write(4)).toEqual({ element: 'cmi.comments_from_learner.4.comment', value: '' })
  })
})

describe('SCORM 1.2 comments (cmi.comments, 4,096 characters)', () => {
  it('writes each comment as a line saying what it is about, then its words indented, lines and blank lines kept', () => {
    expect(comment12Entry(welshExperience)).toBe(
      '[experience] campaigning 2026-12-06T11:05:09Z cy\n  Yn ein cyngor ni,\n  roedd rhaid i ni ddysgu’n gyflym.\n  \n    Ail baragraff.',
    )
    const value = comments12Value('', [question, welshExperience])
    const back = read12Comments(value)
    expect(back.foreign).toBe('')
    expect(back.comments).toEqual([
      { pageId: 'listening-online', blockId: 'text.2', kind: 'question', text: question.text, language: 'en', createdAt: '2026-12-06T10:15:30.000Z' },
      { pageId: 'campaigning', kind: 'experience', text: welshExperience.text, language: 'cy', createdAt: '2026-12-06T11:05:09.000Z' },
    ])
  })

  it('keeps what the LMS held before, and is not fooled by words that look like an entry', () => {
    const foreign = 'Comments from an earlier course:\n[question] not-ours because the rest is not an entry'
    const value = comments12Value(foreign, [question])
    expect(value.startsWith(`${foreign}\n[question] listening-online#text.2`)).toBe(true)
    const back = read12Comments(value)
    expect(back.foreign).toBe(foreign)
    expect(back.comments).toHaveLength(1)
    // A learner's line that looks like a header stays part of their words: it is indented.
    const sly: LearnerComment = { ...question, text: 'First line\n[question] other-page 2026-12-06T10:00:00Z en' }
    expect(read12Comments(comments12Value('', [sly])).comments).toEqual([expect.objectContaining({ text: sly.text })])
  })

  it('reads a string it did not write as nothing of its own, and keeps it whole', () => {
    for (const value of ['', 'Free text the LMS kept', '[question] page 2026-12-06T10:00:00Z en\nnot indented']) {
      expect(read12Comments(value)).toEqual({ foreign: value, comments: [] })
    }
  })

  it('says when the comments would no longer fit in 4,096 characters, counting what the LMS held before', () => {
    const long = (id: string): LearnerComment => ({ ...question, id, text: 'x'.repeat(1900) })
    expect(fits12('', [long('a'), long('b')])).toBe(true)
    expect(fits12('', [long('a'), long('b'), long('c')])).toBe(false)
    expect(fits12('y'.repeat(300), [long('a'), long('b')])).toBe(false)
    const types = new Map<string, string>()
    expect(strictWriteProblem('scorm12', 'cmi.comments', comments12Value('', [long('a'), long('b')]), types)).toBeNull()
    expect(strictWriteProblem('scorm12', 'cmi.comments', comments12Value('', [long('a'), long('b'), long('c')]), types)).toMatch(/4096/)
  })
})
