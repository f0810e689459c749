import { z } from 'zod'
import { IdSchema } from '../ids'
import { type BlockDefinition, requireBody } from './definition'

export const ReflectionAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course; the learner’s answer is kept under it.'),
    title: z.string().min(1).optional(),
  })
  .strict()

export const ReflectionBlockSchema = z.object({ type: z.literal('reflection'), id: IdSchema, title: z.string().optional(), prompt: z.string() }).strict()
export type ReflectionBlock = z.infer<typeof ReflectionBlockSchema>

export const reflection: BlockDefinition<z.infer<typeof ReflectionAttributesSchema>, never, never, ReflectionBlock> = {
  type: 'reflection',
  summary: 'a question the learner answers privately in their own words: ::: reflection {id: …}',
  attributes: ReflectionAttributesSchema,
  body: 'markdown',
  schema: ReflectionBlockSchema,
  translatable: ['title', 'prompt'],
  build({ attributes, markdown }, context) {
    context.declareId(attributes.id, context.attributeAt('id'))
    if (!requireBody(markdown, 'reflection prompt', context)) return undefined
    const block: ReflectionBlock = { type: 'reflection', id: attributes.id, prompt: markdown }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}
