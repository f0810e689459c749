/**
 * The blocks a learner sees: all but the speaker notes (notes.ts), which are the trainer's. Kept
 * apart from the block schemas so the SCORM player, which never loads zod, can use it.
 */
export function learnerBlocks<B extends { type: string }>(blocks: readonly B[]): B[] {
  return blocks.filter((block) => block.type !== 'notes')
}
