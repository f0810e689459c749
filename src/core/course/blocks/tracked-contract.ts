import type { z } from 'zod'
import type { BitReader, BitWriter } from '../../scorm/bits'

/** What every event about one tracked block carries: its name and the block's id. */
export interface BlockEvent {
  readonly type: string
  readonly blockId: string
  /** When the learner did it, for events that count as activity (they move the progress's times). */
  readonly at?: string
}

/**
 * How authors' tracked block keeps its learner's state, the zod half: the shape of one block's
 * state as stored, and the tracking events the block answers. Beside the block's definition in
 * its `schema.ts`; the behaviour is in its `index.ts` (a `TrackedBlockType`).
 */
export interface TrackingDefinition<T extends string = string, K extends string = string> {
  readonly type: T
  /** The key of a learner's progress where this type's states are kept, by block id. */
  readonly slice: K
  readonly state: z.ZodType
  readonly events: readonly z.ZodType<BlockEvent>[]
}

/**
 * Everything the engine needs to know about a block whose state a learner's progress keeps (a
 * scenario's path, a reflection's text), apart from how authors write it and how it looks. Each
 * type answers for itself; the progress reducer, the course index and the suspend-data codec call
 * it without knowing the type. No zod here: the SCORM player uses it.
 *
 * `B` is the block in the bundle, `S` one block's state (plain JSON, small), `E` its events.
 */
export interface TrackedBlockType<B extends { type: string; id: string }, S, E extends BlockEvent, K extends string = string> {
  readonly type: B['type']
  /** The key of progress where this type's states are kept, by block id: the same as its TrackingDefinition's. */
  readonly slice: K
  /** The names of the events this type answers. */
  readonly events: readonly E['type'][]

  /**
   * The block's state after the event (`state` is undefined before its first). Returns `state`
   * itself when the event changes nothing, as when it names a choice the block does not have.
   */
  reduce(block: B, state: S | undefined, event: E): S | undefined

  /** How one block's state is packed in SCORM suspend data, in as few bits as the block allows. */
  readonly codec: {
    /**
     * This type's part of the course's fingerprint, for all its blocks in course order: what the
     * codec relies on (ids, counts), so data written for another version of the course is not misread.
     */
    shape(blocks: readonly B[]): string
    /** Writes a flag for whether there is a state, then the state; `keepText` is false when free text must be left out to fit. */
    write(writer: BitWriter, block: B, state: S | undefined, keepText: boolean): void
    /** Reads what `write` wrote; throws on data no `write` could produce. `seenAt` stands in for times the data left out. */
    read(reader: BitReader, block: B, seenAt: string): S | undefined
    /** The state that takes the most room without its optional texts, for the worst-case size of a course's data. */
    longest(block: B): S | undefined
    /** How many bytes of free text `write` leaves out when `keepText` is false, when there are any. */
    optionalTextBytes?(block: B, state: S): number
  }
}
