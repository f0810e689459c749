import { z } from 'zod'
import type { BlockDefinition } from './definition'

const Percent = z.number().min(0).max(100)

const SpotAttributesSchema = z
  .object({
    x: Percent.describe('Across the picture, in percent from its left edge.'),
    y: Percent.describe('Down the picture, in percent from its top edge.'),
    title: z.string().min(1).describe('What the point is, as a few words.'),
  })
  .strict()

export const HotspotsAttributesSchema = z
  .object({
    src: z.string().min(1).describe('The picture, from the course folder: media/page.webp'),
    alt: z.string().trim().min(1, { message: 'is empty: describe the picture for people who cannot see it' }).describe('What the picture shows, for screen readers.'),
    title: z.string().min(1).optional(),
  })
  .strict()

export const HotspotsBlockSchema = z
  .object({
    type: z.literal('hotspots'),
    title: z.string().optional(),
    src: z.string(),
    alt: z.string(),
    /** Each point: where it is on the picture (percent), its title, and what it says (Markdown). */
    spots: z.array(z.object({ x: z.number(), y: z.number(), title: z.string(), markdown: z.string() }).strict()),
  })
  .strict()
export type HotspotsBlock = z.infer<typeof HotspotsBlockSchema>

/** A picture with numbered points to explore; also a list of the points, for keyboards and screen readers. */
export const hotspots: BlockDefinition<z.infer<typeof HotspotsAttributesSchema>, never, z.infer<typeof SpotAttributesSchema>, HotspotsBlock> = {
  type: 'hotspots',
  summary: 'a picture with numbered points to explore: :::: hotspots {src: …, alt: "…"}, then ::: spot {x: 20, y: 40, title: "…"} inside',
  attributes: HotspotsAttributesSchema,
  body: 'children',
  child: { name: 'spot', attributes: SpotAttributesSchema, min: 2 },
  schema: HotspotsBlockSchema,
  translatable: ['title', 'alt', 'markdown', 'src'],
  build({ attributes, children }, context) {
    const blank = children.find((child) => child.markdown === '')
    if (blank) {
      context.problems.error(context.file, blank.at, `The point "${blank.attributes.title}" says nothing.`, 'Write what the learner should know about it between the spot’s ::: lines.')
      return undefined
    }
    const src = context.courseFile(attributes.src, 'image', context.attributeAt('src'))
    if (src === undefined) return undefined
    const block: HotspotsBlock = { type: 'hotspots', src, alt: attributes.alt, spots: children.map((child) => ({ ...child.attributes, markdown: child.markdown })) }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}
