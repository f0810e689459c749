import { z } from 'zod'
import { MAX_COMMENTS } from '../comments/comment'
import { CommentInputSchema, CommentSchema } from '../comments/schema'
import { TRACKING_DEFINITIONS } from '../course/blocks'
import type { TrackingDefinition } from '../course/blocks/tracked-contract'
import { boundVideo, MAX_EVENT_SECONDS, MAX_PAGE_SECONDS, MAX_SEED, MAX_VIDEO_SECONDS } from './bounds'
import { EventId as Id, Timestamp } from './event-fields'

type Definitions = (typeof TRACKING_DEFINITIONS)[number]
/** Every tracked block's event schemas in one tuple, as a discriminated union needs. */
type BlockEventSchemas<T extends readonly unknown[]> = T extends readonly [infer H extends { readonly events: readonly unknown[] }, ...infer R] ? [...H['events'], ...BlockEventSchemas<R>] : []
/** Each tracked block type's states by block id, under its own key; empty when stored data predates the type. */
type BlockSlices = { [D in Definitions as D['slice']]: z.ZodDefault<z.ZodRecord<z.ZodString, D['state']>> }

const BLOCK_EVENTS = (TRACKING_DEFINITIONS as readonly TrackingDefinition[]).flatMap((definition) => definition.events) as unknown as BlockEventSchemas<typeof TRACKING_DEFINITIONS>
const BLOCK_SLICES = Object.fromEntries(TRACKING_DEFINITIONS.map((definition) => [definition.slice, z.record(z.string(), definition.state).default(() => ({}))])) as unknown as BlockSlices
/** Responses are plain JSON of a known small shape; the reducer scores them defensively. */
const ResponseSchema = z.union([
  z.string().max(1000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(40)).max(40),
  z.record(z.string().max(40), z.string().max(40)),
])

/** A quiz attempt's seed, as events carry it and suspend data packs it. */
const Seed = z.number().int().min(0).max(MAX_SEED)
const VideoSeconds = z.number().min(0).max(MAX_VIDEO_SECONDS)

/** Everything the UI reports about learning, one event at a time. */
export const TrackingEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page.viewed'), at: Timestamp, pageId: Id }).strict(),
  z.object({ type: z.literal('page.time'), pageId: Id, seconds: z.number().min(0).max(MAX_EVENT_SECONDS) }).strict(),
  z.object({ type: z.literal('video.watched'), blockId: Id, from: VideoSeconds, to: VideoSeconds, duration: VideoSeconds.positive() }).strict(),
  z.object({ type: z.literal('quiz.started'), at: Timestamp, quizId: Id, seed: Seed }).strict(),
  z.object({ type: z.literal('quiz.answered'), quizId: Id, questionId: Id, response: ResponseSchema }).strict(),
  z.object({ type: z.literal('quiz.checked'), quizId: Id, questionId: Id }).strict(),
  z.object({ type: z.literal('quiz.submitted'), at: Timestamp, quizId: Id }).strict(),
  z.object({ type: z.literal('bookmark.toggled'), pageId: Id }).strict(),
  z.object({ type: z.literal('location.changed'), pageId: Id, scroll: z.number().min(0).max(1) }).strict(),
  z.object({ type: z.literal('comment.saved'), at: Timestamp, comment: CommentInputSchema }).strict(),
  z.object({ type: z.literal('comment.deleted'), at: Timestamp, id: CommentInputSchema.shape.id }).strict(),
  ...BLOCK_EVENTS,
])
export type TrackingEvent = z.infer<typeof TrackingEventSchema>

const AttemptSchema = z
  .object({
    seed: Seed,
    startedAt: Timestamp,
    submittedAt: Timestamp,
    responses: z.record(z.string(), ResponseSchema),
    /** A whole percentage: attempts are scored rounded. */
    score: z.number().int().min(0).max(100),
    passed: z.boolean(),
  })
  .strict()
export type QuizAttemptRecord = z.infer<typeof AttemptSchema>

/**
 * Seconds on a page, cut to the bound rather than refused: totals kept before there was one may
 * be larger, and a record refused here is a learner's whole file set aside.
 */
const PageSeconds = z
  .number()
  .min(0)
  .transform((seconds) => Math.min(seconds, MAX_PAGE_SECONDS))

/** A video's watched ranges, bounded on reading as the reducer bounds them, for the same reason. */
const VideoSchema = z
  .object({ ranges: z.array(z.tuple([z.number().min(0), z.number().min(0)])), duration: z.number().positive() })
  .strict()
  .transform(boundVideo)

/** One learner's progress in one course: what the store keeps and the SCORM codec packs. */
export const CourseProgressSchema = z
  .object({
    courseId: z.string(),
    courseVersion: z.string(),
    startedAt: Timestamp.optional(),
    updatedAt: Timestamp.optional(),
    completedAt: Timestamp.optional(),
    /** The visible seconds spent in the course when it was completed: what its certificate states, however long the learner stays after. */
    secondsAtCompletion: z.number().min(0).optional(),
    /** Page id → when first seen, and visible seconds spent on it. */
    pages: z.record(z.string(), z.object({ viewedAt: Timestamp, seconds: PageSeconds }).strict()),
    /** Video block id → watched ranges in seconds, merged, and the video's length. */
    videos: z.record(z.string(), VideoSchema),
    quizzes: z.record(
      z.string(),
      z
        .object({
          attempts: z.array(AttemptSchema),
          current: z
            .object({
              seed: Seed,
              startedAt: Timestamp,
              responses: z.record(z.string(), ResponseSchema),
              /** Questions whose answer was checked for immediate feedback: locked for the rest of the attempt. */
              checked: z.array(z.string()).optional(),
            })
            .strict()
            .optional(),
        })
        .strict(),
    ),
    /** Each tracked block's state (a scenario's path, a reflection's text), by type's key and block id. */
    ...BLOCK_SLICES,
    bookmarks: z.array(z.string()),
    /** The learner's comments on the course's pages and blocks (src/core/comments); none in progress kept before there were comments. */
    comments: z.array(CommentSchema).max(MAX_COMMENTS).default(() => []),
    location: z.object({ pageId: z.string(), scroll: z.number().min(0).max(1) }).strict().optional(),
  })
  .strict()
export type CourseProgress = z.infer<typeof CourseProgressSchema>

export { emptyProgress } from './empty-progress'
