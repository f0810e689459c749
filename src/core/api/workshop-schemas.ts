import { z } from 'zod'
import { IdSchema } from '../course/ids'
import { LIMITS, type PresenterView } from '../workshop/session'

/** The API's side of a live workshop session (core/workshop/session.ts holds its rules). */

const OptionSchema = z.object({ id: z.string().min(1).max(64), text: z.string().min(1).max(300) }).strict()

const SourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quiz'), quizId: z.string(), questionId: z.string() }).strict(),
  z.object({ type: z.literal('scenario'), scenarioId: z.string(), stepId: z.string() }).strict(),
  z.object({ type: z.literal('poll') }).strict(),
])

const CountsSchema = z.record(z.string(), z.number().int())
const PhaseSchema = z.enum(['open', 'closed', 'revealed', 'explained'])
const PublicQuestionSchema = z.object({ id: z.string(), text: z.string(), votes: z.number().int(), answered: z.boolean(), by: z.string().nullable() }).strict()

export const PresenterViewSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    courseId: z.string(),
    moduleId: z.string(),
    startedAt: z.string(),
    anonymous: z.boolean(),
    ended: z.boolean(),
    participants: z.array(z.object({ id: z.string(), name: z.string().nullable(), connected: z.boolean(), learner: z.boolean() }).strict()),
    activity: z
      .object({
        id: z.string(),
        kind: z.enum(['choice', 'words', 'open']),
        prompt: z.string(),
        options: z.array(z.object({ id: z.string(), text: z.string() }).strict()),
        multiple: z.boolean(),
        phase: PhaseSchema,
        results: z
          .object({ counts: CountsSchema, answers: z.number().int(), words: z.array(z.object({ text: z.string(), count: z.number().int() }).strict()), texts: z.array(z.string()) })
          .strict()
          .nullable(),
        correct: z.array(z.string()).nullable(),
        explanation: z.string().nullable(),
        pending: z.array(z.object({ id: z.string(), text: z.string(), by: z.string().nullable() }).strict()),
        liveResults: z.object({ counts: CountsSchema, answers: z.number().int() }).strict(),
        source: SourceSchema,
        allCorrect: z.array(z.string()),
        allExplanation: z.string(),
        counted: CountsSchema,
        named: z.array(z.object({ name: z.string(), chosen: z.array(z.string()) }).strict()),
      })
      .strict()
      .nullable(),
    questions: z.array(PublicQuestionSchema.extend({ status: z.enum(['pending', 'approved', 'rejected']) }).strict()),
    shownQuestion: PublicQuestionSchema.nullable(),
    asked: z.number().int(),
  })
  .strict()

// The schema and the core's type say the same: a change to one that the other lacks fails the type check.
const _sameView: z.ZodType<PresenterView> = PresenterViewSchema
void _sameView

/** How phones join the running session: shown on the presenter's screen only. */
export const JoinInfoSchema = z
  .object({
    /** The address to type in, and the link with the session's secret (the QR code's). */
    address: z.string(),
    link: z.string(),
    code: z.string(),
    /** The QR code of the link: `size` × `size` cells, row by row, '1' dark. */
    qr: z.object({ size: z.number().int(), cells: z.string() }).strict(),
    /** This machine reached the room server on that address as it started. */
    reachable: z.boolean(),
    /** How many other devices have reached this computer's room server this session (any request). */
    reached: z.number().int(),
    /** What is known of the network that phones must be on: loopback (this machine only), link-local (no router gave an address), or a local network. */
    network: z.enum(['loopback', 'link-local', 'local']),
  })
  .strict()
export type JoinInfo = z.infer<typeof JoinInfoSchema>

export const WorkshopStatusSchema = z.object({ view: PresenterViewSchema.nullable(), join: JoinInfoSchema.nullable() }).strict()
export type WorkshopStatus = z.infer<typeof WorkshopStatusSchema>

export const WorkshopActionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('poll'),
      spec: z
        .object({ kind: z.enum(['choice', 'words', 'open']), prompt: z.string().trim().min(1).max(500), options: z.array(OptionSchema).max(LIMITS.options), multiple: z.boolean() })
        .strict(),
    })
    .strict(),
  z.object({ type: z.literal('question'), quizId: IdSchema, questionId: IdSchema }).strict(),
  z.object({ type: z.literal('step'), scenarioId: IdSchema, stepId: IdSchema }).strict(),
  z.object({ type: z.literal('follow') }).strict(),
  z.object({ type: z.literal('page'), pageId: IdSchema.nullable() }).strict(),
  z.object({ type: z.enum(['close', 'reopen', 'reveal', 'explain', 'clear']) }).strict(),
  z.object({ type: z.literal('count'), optionId: z.string().max(64), count: z.number().int().min(0).max(LIMITS.handCount) }).strict(),
  z.object({ type: z.literal('moderate'), textId: z.string().max(20), status: z.enum(['approved', 'rejected']) }).strict(),
  z.object({ type: z.literal('moderateQuestion'), questionId: z.string().max(20), status: z.enum(['approved', 'rejected']) }).strict(),
  z.object({ type: z.literal('showQuestion'), questionId: z.string().max(20).nullable() }).strict(),
  z.object({ type: z.literal('answered'), questionId: z.string().max(20) }).strict(),
])

export type WorkshopAction = z.input<typeof WorkshopActionSchema>

export const RoomItemsSchema = z
  .object({
    questions: z.array(z.object({ quizId: z.string(), questionId: z.string(), prompt: z.string() }).strict()),
    scenarios: z.array(z.object({ scenarioId: z.string(), title: z.string(), start: z.string() }).strict()),
  })
  .strict()
