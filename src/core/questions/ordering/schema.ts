import { z } from 'zod'
import { CHOICE_KEYS, MAX_CHOICES } from '../../course/ids'
import { authoredQuestionFields, COMMON_TRANSLATABLE, OutcomeFeedbackSchema, type QuestionDefinition, questionFields } from '../definition'

export const AuthoredOrderingSchema = z
  .object({
    type: z.literal('ordering'),
    ...authoredQuestionFields,
    items: z.array(z.string().min(1)).min(2).max(MAX_CHOICES).describe('Every item, listed in the correct order; learners see them shuffled.'),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()

export const OrderingSchema = z
  .object({
    type: z.literal('ordering'),
    ...questionFields,
    items: z.array(z.object({ id: z.string(), text: z.string() }).strict()),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()
export type Ordering = z.infer<typeof OrderingSchema>

export const orderingDefinition: QuestionDefinition<typeof AuthoredOrderingSchema, typeof OrderingSchema> = {
  type: 'ordering',
  authored: AuthoredOrderingSchema,
  schema: OrderingSchema,
  translatable: [...COMMON_TRANSLATABLE, 'text'],
  build(authored, context) {
    const seen = new Set<string>()
    for (const [index, item] of authored.items.entries()) {
      const key = item.trim().toLowerCase()
      if (seen.has(key)) {
        context.problems.error(context.file, context.at(['items', index]), `The item "${item}" appears twice.`, 'Each item must be different, or there is more than one correct order.')
        return undefined
      }
      seen.add(key)
    }
    return { ...authored, items: authored.items.map((text, index) => ({ id: CHOICE_KEYS.charAt(index), text })) }
  },
}
