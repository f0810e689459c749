import { z } from 'zod'
import type { BlockDefinition } from './definition'

/** What a note from a councillor is: what happened in their council, or an answer to a question learners ask. */
export const COUNCILLOR_NOTE_KINDS = ['experience', 'answer'] as const

const NoteAttributesSchema = z.object({ from: z.string().min(1), kind: z.enum(COUNCILLOR_NOTE_KINDS) }).strict()

export const CouncillorNotesAttributesSchema = z.object({ illustrative: z.boolean().optional() }).strict()

export const CouncillorNotesBlockSchema = z
  .object({
    type: z.literal('councillor-notes'),
    /** Written for the course rather than said by real councillors: the block says so. */
    illustrative: z.literal(true).optional(),
    /** Each note: who it is from (a role, not a name), its kind and its words (Markdown). */
    notes: z.array(z.object({ from: z.string(), kind: z.enum(COUNCILLOR_NOTE_KINDS), markdown: z.string() }).strict()),
  })
  .strict()
export type CouncillorNotesBlock = z.infer<typeof CouncillorNotesBlockSchema>

/**
 * Notes from councillors about the block before them: the course author's chosen experiences and
 * answers, shown beside that part of the guidance as the site the guidance came from showed its
 * readers' comments. A note names its author by their role; notes the author wrote themselves as
 * examples are marked `illustrative: true`, and the block says so to the learner.
 */
export const councillorNotes: BlockDefinition<z.infer<typeof CouncillorNotesAttributesSchema>, never, z.infer<typeof NoteAttributesSchema>, CouncillorNotesBlock> = {
  type: 'councillor-notes',
  summary: 'notes from councillors on the block before: :::: councillor-notes {illustrative: true}, then ::: note {from: "…", kind: experience} inside',
  attributes: CouncillorNotesAttributesSchema,
  body: 'children',
  child: { name: 'note', attributes: NoteAttributesSchema, min: 1 },
  schema: CouncillorNotesBlockSchema,
  translatable: ['from', 'markdown'],
  build({ attributes, children }, context) {
    const empty = children.find((child) => child.markdown === '')
    if (empty) {
      context.problems.error(context.file, empty.at, `The note from "${empty.attributes.from}" is empty.`, 'Write the note between its ::: lines.')
      return undefined
    }
    const block: CouncillorNotesBlock = { type: 'councillor-notes', notes: children.map((child) => ({ from: child.attributes.from, kind: child.attributes.kind, markdown: child.markdown })) }
    if (attributes.illustrative) block.illustrative = true
    return block
  },
}
