import { z } from 'zod'
import { authoredChoiceFields, checkChoiceFeedback, checkChoiceWriting, choiceFields, keyOptions } from '../common/choice-schema'
import { COMMON_TRANSLATABLE, type QuestionDefinition } from '../definition'

export const AuthoredSingleChoiceSchema = z.object({ type: z.literal('single-choice'), ...authoredChoiceFields }).strict()
export const SingleChoiceSchema = z.object({ type: z.literal('single-choice'), ...choiceFields }).strict()
export type SingleChoice = z.infer<typeof SingleChoiceSchema>

export const singleChoiceDefinition: QuestionDefinition<typeof AuthoredSingleChoiceSchema, typeof SingleChoiceSchema> = {
  type: 'single-choice',
  authored: AuthoredSingleChoiceSchema,
  schema: SingleChoiceSchema,
  translatable: [...COMMON_TRANSLATABLE, 'text'],
  build(authored, context) {
    const options = keyOptions(authored.options, context)
    if (!options) return undefined
    const correct = options.filter((option) => option.correct).length
    if (correct !== 1) {
      context.problems.error(
        context.file,
        context.at(['options']),
        `A single-choice question needs exactly one correct option; this one has ${correct}.`,
        correct === 0 ? 'Add "correct: true" to the right option.' : 'Keep "correct: true" on one option, or use type: multiple-response.',
      )
      return undefined
    }
    if (!checkChoiceFeedback(options, authored.feedback, context)) return undefined
    checkChoiceWriting(options, context)
    const question: SingleChoice = { ...authored, options }
    return question
  },
}
