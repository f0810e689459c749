import { readTime, writeTime } from '../../../scorm/suspend-time'
import type { TrackedBlockType } from '../tracked-contract'
import type { ReflectionBlock, ReflectionEvent, ReflectionState } from './schema'

export type { ReflectionBlock, ReflectionEvent, ReflectionState } from './schema'

/** Longer texts than this are not data any reflection could hold (20,000 characters of up to 4 bytes). */
const MAX_REFLECTION_BYTES = 80_000

/** A reflection keeps the learner's own words, the last saved, and when. */
export const reflectionTracking: TrackedBlockType<ReflectionBlock, ReflectionState, ReflectionEvent, 'reflections'> = {
  type: 'reflection',
  slice: 'reflections',
  events: ['reflection.saved'],

  reduce: (_block, _state, event) => ({ text: event.text, savedAt: event.at }),

  codec: {
    shape: (blocks) => blocks.map((block) => block.id).join(','),
    write(writer, _block, state, keepText) {
      // The text is the whole state, so a reflection left out to fit is written as none.
      const kept = state !== undefined && keepText
      writer.bool(kept)
      if (!kept) return
      writeTime(writer, state.savedAt)
      writer.text(state.text)
    },
    read(reader, _block, seenAt) {
      if (!reader.bool()) return undefined
      const savedAt = readTime(reader) ?? seenAt
      return { text: reader.text(MAX_REFLECTION_BYTES), savedAt }
    },
    // Reflections are optional texts, the first left out to fit: none in the worst case.
    longest: () => undefined,
    optionalTextBytes: (_block, state) => state.text.length * 3,
  },
}
