import { z } from 'zod'
import { authoredQuestionFields, COMMON_TRANSLATABLE, OutcomeFeedbackSchema, type QuestionDefinition, questionFields } from '../definition'

export const AuthoredTrueFalseSchema = z
  .object({
    type: z.literal('true-false'),
    ...authoredQuestionFields,
    answer: z.boolean().describe('Whether the statement in the prompt is true.'),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()
export const TrueFalseSchema = z.object({ type: z.literal('true-false'), ...questionFields, answer: z.boolean(), feedback: OutcomeFeedbackSchema }).strict()
export type TrueFalse = z.infer<typeof TrueFalseSchema>

export const trueFalseDefinition: QuestionDefinition<typeof AuthoredTrueFalseSchema, typeof TrueFalseSchema> = {
  type: 'true-false',
  authored: AuthoredTrueFalseSchema,
  schema: TrueFalseSchema,
  translatable: COMMON_TRANSLATABLE,
  build: (authored) => authored,
}
