/**
 * A learner's comments on a course: a question, an experience from their own council, a
 * correction or a disagreement, on a page or one block of it (anchors.ts), kept with their
 * progress in that course. Zod-free, for the SCORM player.
 */
export const COMMENT_KINDS = ['question', 'experience', 'correction', 'disagreement'] as const
export type CommentKind = (typeof COMMENT_KINDS)[number]

/** Room for a thought, not an essay; SCORM 2004 keeps 4,000 characters of a comment. */
export const MAX_COMMENT_CHARACTERS = 2000
/** Comments one learner keeps on one course. */
export const MAX_COMMENTS = 300

export interface CommentInput {
  id: string
  pageId: string
  blockId?: string | undefined
  quote?: { text: string; language: string } | undefined
  kind: CommentKind
  text: string
  language: 'en' | 'cy'
}

export interface LearnerComment extends CommentInput {
  createdAt: string
  updatedAt?: string | undefined
}

/**
 * The comments after one is saved: a new id is added at the end (unless the learner already has
 * MAX_COMMENTS), a known id edited in place, keeping when it was first written. A comment stays on
 * its page: an edit naming another page changes nothing. Returns the same array when nothing changed.
 */
export function withComment(comments: LearnerComment[], input: CommentInput, at: string): LearnerComment[] {
  const index = comments.findIndex((comment) => comment.id === input.id)
  if (index < 0) return comments.length >= MAX_COMMENTS ? comments : [...comments, { ...input, createdAt: at }]
  const existing = comments[index]!
  if (existing.pageId !== input.pageId) return comments
  const edited: LearnerComment = { ...input, createdAt: existing.createdAt, updatedAt: at }
  return comments.map((comment, position) => (position === index ? edited : comment))
}

/** The comments without the one with this id (the same array when there is none). */
export function withoutComment(comments: LearnerComment[], id: string): LearnerComment[] {
  return comments.some((comment) => comment.id === id) ? comments.filter((comment) => comment.id !== id) : comments
}
