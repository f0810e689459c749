import { z } from 'zod'
import { authoredChoiceFields, checkChoiceFeedback, checkChoiceWriting, choiceFields, keyOptions } from '../common/choice-schema'
import { COMMON_TRANSLATABLE, type QuestionDefinition } from '../definition'

export const AuthoredMultipleResponseSchema = z.object({ type: z.literal('multiple-response'), ...authoredChoiceFields }).strict()
export const MultipleResponseSchema = z.object({ type: z.literal('multiple-response'), ...choiceFields }).strict()
export type MultipleResponse = z.infer<typeof MultipleResponseSchema>

export const multipleResponseDefinition: QuestionDefinition<typeof AuthoredMultipleResponseSchema, typeof MultipleResponseSchema> = {
  type: 'multiple-response',
  authored: AuthoredMultipleResponseSchema,
  schema: MultipleResponseSchema,
  translatable: [...COMMON_TRANSLATABLE, 'text'],
  build(authored, context) {
    const options = keyOptions(authored.options, context)
    if (!options) return undefined
    if (!options.some((option) => option.correct)) {
      context.problems.error(context.file, context.at(['options']), 'A multiple-response question needs at least one correct option.', 'Add "correct: true" to every right option.')
      return undefined
    }
    if (!checkChoiceFeedback(options, authored.feedback, context)) return undefined
    checkChoiceWriting(options, context)
    return { ...authored, options }
  },
}
