import { z } from 'zod'
import type { BlockDefinition } from './definition'

export const ImageAttributesSchema = z
  .object({
    src: z.string().min(1).describe('The image file, from the course folder: media/photo.jpg'),
    alt: z.string().trim().min(1, { message: 'is empty: describe what the image shows for people who cannot see it' }).describe('What the image shows, for screen readers.'),
    credit: z.string().min(1).optional(),
  })
  .strict()

export const ImageBlockSchema = z
  .object({
    type: z.literal('image'),
    src: z.string(),
    alt: z.string(),
    caption: z.string().optional(),
    credit: z.string().optional(),
  })
  .strict()
export type ImageBlock = z.infer<typeof ImageBlockSchema>

export const image: BlockDefinition<z.infer<typeof ImageAttributesSchema>, never, never, ImageBlock> = {
  type: 'image',
  summary: 'an image with alt text; the body is its caption: ::: image {src: media/photo.jpg, alt: "…"}',
  attributes: ImageAttributesSchema,
  body: 'markdown',
  schema: ImageBlockSchema,
  translatable: ['src', 'alt', 'caption', 'credit'],
  build({ attributes, markdown }, context) {
    const src = context.courseFile(attributes.src, 'image', context.attributeAt('src'))
    if (src === undefined) return undefined
    const block: ImageBlock = { type: 'image', src, alt: attributes.alt }
    if (markdown !== '') block.caption = markdown
    if (attributes.credit !== undefined) block.credit = attributes.credit
    return block
  },
}
