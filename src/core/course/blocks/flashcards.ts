import { z } from 'zod'
import type { BlockDefinition } from './definition'

const CardAttributesSchema = z.object({ front: z.string().min(1) }).strict()

export const FlashcardsAttributesSchema = z.object({ title: z.string().min(1).optional() }).strict()

export const FlashcardsBlockSchema = z
  .object({
    type: z.literal('flashcards'),
    title: z.string().optional(),
    /** Each card: a term or question on the front, its meaning or answer (Markdown) on the back. */
    cards: z.array(z.object({ front: z.string(), back: z.string() }).strict()),
  })
  .strict()
export type FlashcardsBlock = z.infer<typeof FlashcardsBlockSchema>

/** A deck of two or more cards; learners turn each over to check what they remember. */
export const flashcards: BlockDefinition<z.infer<typeof FlashcardsAttributesSchema>, never, z.infer<typeof CardAttributesSchema>, FlashcardsBlock> = {
  type: 'flashcards',
  summary: 'cards to turn over, a term on the front and its meaning on the back: :::: flashcards, then ::: card {front: "…"} inside',
  attributes: FlashcardsAttributesSchema,
  body: 'children',
  child: { name: 'card', attributes: CardAttributesSchema, min: 2 },
  schema: FlashcardsBlockSchema,
  translatable: ['title', 'front', 'back'],
  build({ attributes, children }, context) {
    const blank = children.find((child) => child.markdown === '')
    if (blank) {
      context.problems.error(context.file, blank.at, `The card "${blank.attributes.front}" has nothing on its back.`, 'Write what the learner should remember between the card’s ::: lines.')
      return undefined
    }
    const block: FlashcardsBlock = { type: 'flashcards', cards: children.map((child) => ({ front: child.attributes.front, back: child.markdown })) }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}
