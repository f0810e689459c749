import { describe, expect, it } from 'vitest'
import { MAX_COMMENTS, withComment, withoutComment, type CommentInput, type LearnerComment } from './comment'

const input = (id: string, text = 'Does this apply in Wales?'): CommentInput => ({ id, pageId: 'p1', kind: 'question', text, language: 'en' })

describe('a learner’s comments', () => {
  it('adds a new comment, and edits one in place keeping when it was first written', () => {
    const one = withComment([], input('a'), '2026-12-01T10:00:00.000Z')
    expect(one).toEqual([{ ...input('a'), createdAt: '2026-12-01T10:00:00.000Z' }])
    const edited = withComment(one, { ...input('a', 'Does it apply in Scotland?'), kind: 'correction' }, '2026-12-02T10:00:00.000Z')
    expect(edited).toEqual([{ ...input('a', 'Does it apply in Scotland?'), kind: 'correction', createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z' }])
  })

  it('keeps a comment on its page, and stops adding at the limit', () => {
    const one = withComment([], input('a'), '2026-12-01T10:00:00.000Z')
    expect(withComment(one, { ...input('a'), pageId: 'p2' }, '2026-12-02T10:00:00.000Z')).toBe(one)
    const full: LearnerComment[] = Array.from({ length: MAX_COMMENTS }, (_, index) => ({ ...input(`c${index}`), createdAt: '2026-12-01T10:00:00.000Z' }))
    expect(withComment(full, input('one-more'), '2026-12-02T10:00:00.000Z')).toBe(full)
    expect(withComment(full, input('c5', 'edited'), '2026-12-02T10:00:00.000Z')[5]?.text).toBe('edited')
  })

  it('deletes by id, and changes nothing for an id it does not have', () => {
    const two = withComment(withComment([], input('a'), '2026-12-01T10:00:00.000Z'), input('b'), '2026-12-01T10:01:00.000Z')
    expect(withoutComment(two, 'a').map((comment) => comment.id)).toEqual(['b'])
    expect(withoutComment(two, 'zzz')).toBe(two)
  })
})
