import type { Token } from 'markdown-it'
import { z } from 'zod'
import { courseMarkdown } from '../markdown'
import type { BlockDefinition } from './definition'

export const LinksAttributesSchema = z.object({ title: z.string().min(1).optional() }).strict()

const LinkSchema = z.object({ title: z.string(), url: z.string(), description: z.string().optional() }).strict()

export const LinksBlockSchema = z.object({ type: z.literal('links'), title: z.string().optional(), items: z.array(LinkSchema) }).strict()
export type LinksBlock = z.infer<typeof LinksBlockSchema>

export const links: BlockDefinition<z.infer<typeof LinksAttributesSchema>, never, never, LinksBlock> = {
  type: 'links',
  summary: 'further reading: a Markdown list of links, each with an optional description: ::: links',
  attributes: LinksAttributesSchema,
  body: 'markdown',
  schema: LinksBlockSchema,
  translatable: ['title', 'url', 'description'],
  build({ attributes, markdown }, context) {
    const tokens = courseMarkdown().parse(markdown, {})
    const items: z.infer<typeof LinkSchema>[] = []
    let ok = true
    const complain = (token: Token | undefined, message: string) => {
      context.problems.error(context.file, context.bodyAt([token?.map?.[0] ?? 0]), message, 'Write each resource as a list item: - [Title](https://…) what it is')
      ok = false
    }
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as Token
      if (token.level !== 0 || token.nesting === -1) continue
      if (token.type !== 'bullet_list_open' && token.type !== 'ordered_list_open') {
        complain(token, 'A links block holds only a list of links.')
        continue
      }
      for (let inner = index + 1; inner < tokens.length && (tokens[inner] as Token).level > 0; inner++) {
        const item = tokens[inner] as Token
        if (item.type !== 'list_item_open' || item.level !== 1) continue
        const inline = tokens[inner + 2]
        const link = inline?.type === 'inline' ? linkOf(inline) : undefined
        if (!link) complain(item, 'This list item does not start with a link.')
        else items.push(link)
      }
    }
    if (items.length === 0 && ok) complain(tokens[0], 'The links block has no links.')
    if (!ok) return undefined
    const block: LinksBlock = { type: 'links', items }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}

/** The link at the start of a list item and the words after it. */
function linkOf(inline: Token): z.infer<typeof LinkSchema> | undefined {
  const children = inline.children ?? []
  const open = children[0]
  if (open?.type !== 'link_open') return undefined
  const close = children.findIndex((child) => child.type === 'link_close')
  if (close < 0) return undefined
  const title = plainText(children.slice(1, close)).trim()
  const description = plainText(children.slice(close + 1))
    .trim()
    .replace(/^[-–—:]\s*/, '')
  const link: z.infer<typeof LinkSchema> = { title, url: String(open.attrGet('href') ?? '') }
  if (description !== '') link.description = description
  return link
}

function plainText(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.type === 'softbreak' || token.type === 'hardbreak' ? ' ' : token.content)).join('')
}
