import { z } from 'zod'
import { IdSchema } from '../course/ids'
import type { Location, ProblemList } from '../course/problems'
import type { DataPath } from '../course/yaml-source'

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

/**
 * How authors write one question type and what it becomes in the bundle: the half of a type that
 * needs zod (the behaviour is in the type's index.ts, see ./contract.ts).
 */
export interface QuestionDefinition<A extends z.ZodType = z.ZodType, S extends z.ZodType<{ type: string }> = z.ZodType<{ type: string }>> {
  readonly type: z.output<S>['type']
  /** What authors write in a question bank; also the source of the published JSON Schema. */
  readonly authored: A
  /** The question in the bundle. */
  readonly schema: S
  /** Keys whose values are text a translation replaces; everything else must match the course language. */
  readonly translatable: readonly string[]
  build(authored: z.output<A>, context: QuestionContext): z.output<S> | undefined
}

/**
 * Reports each text that repeats an earlier one (ignoring case and outer spaces) at its own
 * place, since learners could not tell the two apart. Returns whether all were different.
 */
export function checkDistinct(context: QuestionContext, values: readonly string[], what: string, path: (index: number) => DataPath): boolean {
  const seen = new Set<string>()
  let ok = true
  values.forEach((value, index) => {
    const key = value.trim().toLowerCase()
    if (seen.has(key)) {
      context.problems.error(context.file, context.at(path(index)), `The ${what} "${value}" appears twice.`, `Every ${what} must be different, or learners cannot tell which is meant.`)
      ok = false
    }
    seen.add(key)
  })
  return ok
}

export const COMMON_TRANSLATABLE = ['prompt', 'explanation', 'feedback'] as const
