import { z } from 'zod'
import { JurisdictionSchema, JurisdictionTagsSchema, jurisdictionList } from '../ids'
import { type BlockDefinition, requireBody } from './definition'

const KINDS = ['tip', 'note', 'warning', 'legal'] as const

export const CalloutAttributesSchema = z
  .object({
    kind: z.enum(KINDS).describe('tip, note, warning, or legal for a statement of law'),
    title: z.string().min(1).optional(),
    jurisdiction: JurisdictionTagsSchema.optional().describe('Where a legal statement applies; defaults to the module’s jurisdiction.'),
  })
  .strict()

export const CalloutBlockSchema = z
  .object({
    type: z.literal('callout'),
    kind: z.enum(KINDS),
    title: z.string().optional(),
    jurisdiction: z.array(JurisdictionSchema).optional(),
    markdown: z.string(),
  })
  .strict()
export type CalloutBlock = z.infer<typeof CalloutBlockSchema>

export const callout: BlockDefinition<z.infer<typeof CalloutAttributesSchema>, never, never, CalloutBlock> = {
  type: 'callout',
  summary: 'a tip, note, warning or legal note: ::: callout {kind: tip}',
  attributes: CalloutAttributesSchema,
  body: 'markdown',
  schema: CalloutBlockSchema,
  translatable: ['title', 'markdown'],
  build({ attributes, markdown }, context) {
    if (!requireBody(markdown, 'callout', context)) return undefined
    const block: CalloutBlock = { type: 'callout', kind: attributes.kind, markdown }
    if (attributes.title !== undefined) block.title = attributes.title
    // Legal statements always carry where they apply, so hosts can show or hide them per learner.
    if (attributes.jurisdiction !== undefined) block.jurisdiction = jurisdictionList(attributes.jurisdiction)
    else if (attributes.kind === 'legal') block.jurisdiction = [...context.jurisdiction]
    return block
  },
}
