import type { Composer } from 'vue-i18n'
import { blockAnchors, placeComment } from '../../../core/comments/anchors'
import type { CommentInput, LearnerComment } from '../../../core/comments/comment'
import type { TrackingEvent } from '../../../core/progress/schema'
import type { CommentDraft } from './CommentForm.vue'

/** A comment as a list shows it: what it is about (quoted when that is a block's words) and whether its block is gone. */
export interface CommentEntry {
  comment: LearnerComment
  about: string
  quoted: boolean
  gone: boolean
}

/** Where a comment sits in the page as it is now (`blocks` the page's learner blocks, undefined when the page is gone). */
export function commentEntry(blocks: readonly { type: string }[] | undefined, language: string, comment: LearnerComment, t: Composer['t']): CommentEntry {
  const place = placeComment(blocks, language, comment)
  if (place.at === 'page') return { comment, about: t('comments.wholePage'), quoted: false, gone: false }
  if (place.at === 'gone') return { comment, about: comment.quote?.text ?? '', quoted: Boolean(comment.quote?.text), gone: true }
  const number = blockAnchors(blocks ?? []).findIndex((anchor) => anchor.id === place.anchor.id) + 1
  return place.anchor.quote ? { comment, about: place.anchor.quote, quoted: true, gone: false } : { comment, about: t('comments.partNoWords', { number }), quoted: false, gone: false }
}

/** The comment as edited: its place and id kept, its words, kind and language the learner's. */
export function editedComment(comment: LearnerComment, draft: CommentDraft): CommentInput {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...kept } = comment
  return { ...kept, kind: draft.kind, text: draft.text, language: draft.language }
}

/** The event that saves an edit to a comment, now. */
export function editEvent(comment: LearnerComment, draft: CommentDraft): TrackingEvent {
  return { type: 'comment.saved', at: new Date().toISOString(), comment: editedComment(comment, draft) }
}
