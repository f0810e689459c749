import { z } from 'zod'

/** Plain Markdown between directives; not written as a directive itself. */
export const TextBlockSchema = z.object({ type: z.literal('text'), markdown: z.string() }).strict()
export type TextBlock = z.infer<typeof TextBlockSchema>

export const TEXT_TRANSLATABLE = ['markdown'] as const
