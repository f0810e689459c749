import { z } from 'zod'
import type { BlockDefinition } from './definition'

const StepAttributesSchema = z.object({ title: z.string().min(1) }).strict()

export const ProcessAttributesSchema = z.object({ title: z.string().min(1).optional() }).strict()

export const ProcessBlockSchema = z
  .object({
    type: z.literal('process'),
    title: z.string().optional(),
    /** The steps in order, each with a short title and what to do (Markdown). */
    steps: z.array(z.object({ title: z.string(), markdown: z.string() }).strict()),
  })
  .strict()
export type ProcessBlock = z.infer<typeof ProcessBlockSchema>

/** Numbered steps of a process, shown one more at a time so each can be read before the next. */
export const processSteps: BlockDefinition<z.infer<typeof ProcessAttributesSchema>, never, z.infer<typeof StepAttributesSchema>, ProcessBlock> = {
  type: 'process',
  summary: 'numbered steps shown one at a time: :::: process, then ::: step {title: "…"} inside',
  attributes: ProcessAttributesSchema,
  body: 'children',
  child: { name: 'step', attributes: StepAttributesSchema, min: 2 },
  schema: ProcessBlockSchema,
  translatable: ['title', 'markdown'],
  build({ attributes, children }, context) {
    const empty = children.find((child) => child.markdown === '')
    if (empty) {
      context.problems.error(context.file, empty.at, `The step "${empty.attributes.title}" is empty.`, 'Write what happens in this step between its ::: lines.')
      return undefined
    }
    const block: ProcessBlock = { type: 'process', steps: children.map((child) => ({ title: child.attributes.title, markdown: child.markdown })) }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}
