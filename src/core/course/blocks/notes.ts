import { z } from 'zod'
import { type BlockDefinition, requireBody } from './definition'

export const NotesAttributesSchema = z.object({}).strict()

export const NotesBlockSchema = z.object({ type: z.literal('notes'), markdown: z.string() }).strict()
export type NotesBlock = z.infer<typeof NotesBlockSchema>

/**
 * Speaker notes: what a trainer says or asks while the page, or the block just before the notes,
 * is on the projector. Learners never see them (learner-blocks.ts); they are translated as any text is.
 */
export const notes: BlockDefinition<z.infer<typeof NotesAttributesSchema>, never, never, NotesBlock> = {
  type: 'notes',
  summary: 'speaker notes for a trainer presenting the page, never shown to learners: ::: notes',
  attributes: NotesAttributesSchema,
  body: 'markdown',
  schema: NotesBlockSchema,
  translatable: ['markdown'],
  build({ markdown }, context) {
    if (!requireBody(markdown, 'notes block', context)) return undefined
    return { type: 'notes', markdown }
  },
}
