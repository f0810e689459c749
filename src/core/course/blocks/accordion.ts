import { z } from 'zod'
import type { BlockDefinition } from './definition'

const PanelAttributesSchema = z.object({ title: z.string().min(1) }).strict()

export const AccordionAttributesSchema = z.object({ title: z.string().min(1).optional() }).strict()

export const AccordionBlockSchema = z
  .object({
    type: z.literal('accordion'),
    title: z.string().optional(),
    panels: z.array(z.object({ title: z.string(), markdown: z.string() }).strict()),
  })
  .strict()
export type AccordionBlock = z.infer<typeof AccordionBlockSchema>

export const accordion: BlockDefinition<z.infer<typeof AccordionAttributesSchema>, never, z.infer<typeof PanelAttributesSchema>, AccordionBlock> = {
  type: 'accordion',
  summary: 'panels that open one at a time: :::: accordion, then ::: panel {title: "…"} inside',
  attributes: AccordionAttributesSchema,
  body: 'children',
  child: { name: 'panel', attributes: PanelAttributesSchema, min: 1 },
  schema: AccordionBlockSchema,
  translatable: ['title', 'markdown'],
  build({ attributes, children }, context) {
    const empty = children.find((child) => child.markdown === '')
    if (empty) {
      context.problems.error(context.file, empty.at, `The panel "${empty.attributes.title}" is empty.`)
      return undefined
    }
    const block: AccordionBlock = { type: 'accordion', panels: children.map((child) => ({ title: child.attributes.title, markdown: child.markdown })) }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}
