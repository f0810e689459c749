import { z } from 'zod'
import { normaliseAnswer } from '.'
import { authoredQuestionFields, COMMON_TRANSLATABLE, OutcomeFeedbackSchema, type QuestionDefinition, questionFields } from '../definition'

/** SCORM fill-in responses hold at most 255 characters. */
const MAX_ANSWER_LENGTH = 255

export const AuthoredFillInSchema = z
  .object({
    type: z.literal('fill-in'),
    ...authoredQuestionFields,
    accepted: z.array(z.string().trim().min(1).max(MAX_ANSWER_LENGTH)).min(1).describe('Every answer that counts as right.'),
    caseSensitive: z.boolean().default(false).describe('Whether capital letters must match.'),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()

export const FillInSchema = z
  .object({
    type: z.literal('fill-in'),
    ...questionFields,
    accepted: z.array(z.string()),
    caseSensitive: z.boolean(),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()
export type FillIn = z.infer<typeof FillInSchema>

/** Whether `words` appear in `text` as whole words (not inside a longer word). */
function containsWords(text: string, words: string): boolean {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text)
}

export const fillInDefinition: QuestionDefinition<typeof AuthoredFillInSchema, typeof FillInSchema> = {
  type: 'fill-in',
  authored: AuthoredFillInSchema,
  schema: FillInSchema,
  translatable: [...COMMON_TRANSLATABLE, 'accepted'],
  build(authored, context) {
    // The scorer's own comparison, so what counts as the same answer here is what counts when marking.
    const fold = (answer: string) => normaliseAnswer(answer, authored.caseSensitive)
    const seen = new Set<string>()
    authored.accepted.forEach((answer, index) => {
      if (seen.has(fold(answer))) context.problems.warning(context.file, context.at(['accepted', index]), `The answer "${answer}" is listed twice.`)
      seen.add(fold(answer))
    })
    const prompt = fold(authored.prompt)
    const given = authored.accepted.findIndex((answer) => containsWords(prompt, fold(answer)))
    if (given !== -1) {
      context.problems.warning(
        context.file,
        context.at(['accepted', given]),
        `The answer "${authored.accepted[given]}" is written in the question's own prompt, so learners can copy it from there.`,
        'Reword the prompt so it does not contain the answer (or, if only capitals matter, set caseSensitive: true).',
      )
    }
    return authored
  },
}
