import { z } from 'zod'
import { JurisdictionSchema, JurisdictionTagsSchema, jurisdictionList } from '../ids'
import type { BlockDefinition } from './definition'

const TabAttributesSchema = z
  .object({
    title: z.string().min(1),
    jurisdiction: JurisdictionTagsSchema.optional().describe('Where this tab’s content applies, for tabs per nation.'),
  })
  .strict()

export const TabsAttributesSchema = z.object({ title: z.string().min(1).optional() }).strict()

const TabSchema = z
  .object({
    title: z.string(),
    jurisdiction: z.array(JurisdictionSchema).optional(),
    markdown: z.string(),
  })
  .strict()

export const TabsBlockSchema = z.object({ type: z.literal('tabs'), title: z.string().optional(), tabs: z.array(TabSchema) }).strict()
export type TabsBlock = z.infer<typeof TabsBlockSchema>

export const tabs: BlockDefinition<z.infer<typeof TabsAttributesSchema>, never, z.infer<typeof TabAttributesSchema>, TabsBlock> = {
  type: 'tabs',
  summary: 'content side by side, such as one tab per nation: :::: tabs, then ::: tab {title: "…"} inside',
  attributes: TabsAttributesSchema,
  body: 'children',
  child: { name: 'tab', attributes: TabAttributesSchema, min: 2 },
  schema: TabsBlockSchema,
  translatable: ['title', 'markdown'],
  build({ attributes, children }, context) {
    const empty = children.find((child) => child.markdown === '')
    if (empty) {
      context.problems.error(context.file, empty.at, `The tab "${empty.attributes.title}" is empty.`)
      return undefined
    }
    const block: TabsBlock = {
      type: 'tabs',
      tabs: children.map((child) => {
        const tab: z.infer<typeof TabSchema> = { title: child.attributes.title, markdown: child.markdown }
        if (child.attributes.jurisdiction !== undefined) tab.jurisdiction = jurisdictionList(child.attributes.jurisdiction)
        return tab
      }),
    }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}
