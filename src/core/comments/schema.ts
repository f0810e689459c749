import { z } from 'zod'
import { UI_LANGUAGES } from '../app-defaults'
import { EventId, Timestamp } from '../progress/event-fields'
import { COMMENT_KINDS, MAX_COMMENT_CHARACTERS } from './comment'
import { QUOTE_LENGTH } from './anchors'

/** A comment as the learner writes it: what a `comment.saved` event carries. */
export const CommentInputSchema = z
  .object({
    /** Made by the screen that wrote it; the same id again is an edit. */
    id: z.string().min(1).max(64),
    pageId: EventId,
    /** The block it is about (anchors.ts); absent for the page as a whole. */
    blockId: EventId.optional(),
    /** The start of that block's words, in the language the learner was reading. */
    quote: z.object({ text: z.string().max(QUOTE_LENGTH + 1), language: z.string().min(2).max(12) }).strict().optional(),
    kind: z.enum(COMMENT_KINDS),
    text: z.string().trim().min(1).max(MAX_COMMENT_CHARACTERS),
    /** The language the comment is written in. */
    language: z.enum(UI_LANGUAGES),
  })
  .strict()

/** A comment as progress keeps it. */
export const CommentSchema = CommentInputSchema.extend({ createdAt: Timestamp, updatedAt: Timestamp.optional() }).strict()
