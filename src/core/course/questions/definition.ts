import { z } from 'zod'
import { IdSchema } from '../ids'
import type { Location, ProblemList } from '../problems'
import type { DataPath } from '../yaml-source'

/** Feedback by outcome, shown after the learner answers. */
export const OutcomeFeedbackSchema = z
  .object({
    correct: z.string().min(1).describe('Shown when the answer is right.'),
    incorrect: z.string().min(1).describe('Shown when the answer is wrong.'),
  })
  .strict()
export type OutcomeFeedback = z.infer<typeof OutcomeFeedbackSchema>

/** The fields every question type has, as authors write them in a question bank. */
export const authoredQuestionFields = {
  id: IdSchema.describe('Stable id, unique in the course; used for progress and SCORM interaction ids.'),
  prompt: z.string().min(1).describe('The question, in Markdown.'),
  explanation: z.string().min(1).describe('Why the right answer is right, in Markdown; shown after answering.'),
  weight: z.number().positive().max(100).default(1).describe('How much the question counts in the quiz score.'),
  tag: IdSchema.optional().describe('A topic, such as the module the question tests; a quiz with "drawPer: tag" draws from each tag.'),
}

/** The same fields in the bundle. */
export const questionFields = {
  id: IdSchema,
  prompt: z.string(),
  explanation: z.string(),
  weight: z.number().positive(),
  tag: z.string().optional(),
}

/** Where a question sits in its bank, so its checks can point at the right line. */
export interface QuestionContext {
  readonly file: string
  readonly problems: ProblemList
  /** Where the value at `path` (relative to the question) is written. */
  at(path?: DataPath): Location
}

export interface QuestionDefinition<A = unknown, Q extends { type: string } = { type: string }> {
  readonly type: Q['type']
  /** What authors write in a question bank; also the source of the published JSON Schema. */
  readonly authored: z.ZodType<A>
  /** The question in the bundle. */
  readonly schema: z.ZodType<Q>
  /** Keys whose values are text a translation replaces; everything else must match the course language. */
  readonly translatable: readonly string[]
  build(authored: A, context: QuestionContext): Q | undefined
}

export const COMMON_TRANSLATABLE = ['prompt', 'explanation', 'feedback'] as const
