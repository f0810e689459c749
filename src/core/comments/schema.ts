import { z } from 'zod'
import { UI_LANGUAGES } from '../app-defaults'
import { EventId, Timestamp } from '../progress/event-fields'
import { IdSchema } from '../course/ids'
import { COMMENT_KINDS, MAX_COMMENT_CHARACTERS, MAX_COMMENTS } from './comment'
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

/** What one learner's file brought to a feedback report, as the screen sends it back to be merged. */
export const FeedbackSourceSchema = z
  .object({
    author: z.string().trim().min(1).max(80).nullable(),
    courses: z.record(IdSchema, z.array(CommentSchema).max(MAX_COMMENTS)),
  })
  .strict()

const KindCountsSchema = z.object(Object.fromEntries(COMMENT_KINDS.map((kind) => [kind, z.number().int().min(0)])) as Record<(typeof COMMENT_KINDS)[number], z.ZodNumber>).strict()
const FeedbackCommentSchema = CommentSchema.extend({
  courseId: z.string(),
  author: z.union([z.object({ name: z.string() }).strict(), z.object({ unnamed: z.number().int().min(1) }).strict()]),
}).strict()

/** core/comments/feedback-report.ts: the comments of many learners by course, page and part. */
export const FeedbackReportSchema = z
  .object({
    courses: z.array(
      z
        .object({
          courseId: z.string(),
          title: z.string().nullable(),
          language: z.string(),
          pages: z.array(
            z
              .object({
                pageId: z.string(),
                title: z.string().nullable(),
                moduleTitle: z.string().nullable(),
                parts: z.array(z.object({ blockId: z.string().nullable(), quote: z.string(), gone: z.boolean(), counts: KindCountsSchema, comments: z.array(FeedbackCommentSchema) }).strict()),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    comments: z.number().int().min(0),
    duplicates: z.number().int().min(0),
    authors: z.number().int().min(0),
  })
  .strict()
