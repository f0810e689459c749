import { z } from 'zod'
import { type BlockDefinition, requireBody } from './definition'

export const KeyPointsAttributesSchema = z.object({ title: z.string().min(1).optional() }).strict()

export const KeyPointsBlockSchema = z.object({ type: z.literal('key-points'), title: z.string().optional(), markdown: z.string() }).strict()
export type KeyPointsBlock = z.infer<typeof KeyPointsBlockSchema>

export const keyPoints: BlockDefinition<z.infer<typeof KeyPointsAttributesSchema>, never, never, KeyPointsBlock> = {
  type: 'key-points',
  summary: 'the points to remember, as a Markdown list: ::: key-points',
  attributes: KeyPointsAttributesSchema,
  body: 'markdown',
  schema: KeyPointsBlockSchema,
  translatable: ['title', 'markdown'],
  build({ attributes, markdown }, context) {
    if (!requireBody(markdown, 'key points block', context)) return undefined
    const block: KeyPointsBlock = { type: 'key-points', markdown }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}
