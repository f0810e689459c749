import type { InjectionKey } from 'vue'

/**
 * Where a learner's comments go, which the comments say before anything is written: the desktop
 * app and the web host keep them on the device (the default); a SCORM package sends them to the
 * LMS under the learner's name there, or, opened without one, keeps them only while the page is open.
 * An LMS that does not implement comments (`none`) gets no form at all: the learner is told where
 * to turn instead, rather than writing a comment that can only be refused.
 */
export type CommentChannel = { kind: 'device' } | { kind: 'lms'; learnerName: string | null } | { kind: 'page' } | { kind: 'none' }

export const COMMENT_CHANNEL: InjectionKey<CommentChannel> = Symbol('comment-channel')
