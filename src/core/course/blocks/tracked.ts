import type { z } from 'zod'
import { idRecord, ownValue, putId, withId } from '../../progress/id-record'
import type { CourseProgress } from '../../progress/schema'
import type { Block, TRACKING_DEFINITIONS } from './index'
import { feedTracking } from './feed'
import { reflectionTracking } from './reflection'
import { scenarioTracking } from './scenario'
import type { BlockEvent, TrackedBlockType } from './tracked-contract'

type Definitions = (typeof TRACKING_DEFINITIONS)[number]
type DefinitionOf<T extends TrackedBlockName> = Extract<Definitions, { type: T }>

/** The names of the block types whose state a learner's progress keeps. */
export type TrackedBlockName = Definitions['type']
export type TrackedBlock = Extract<Block, { type: TrackedBlockName }>
/** One block's state, as a learner's progress keeps it. */
export type BlockStateOf<T extends TrackedBlockName> = z.infer<DefinitionOf<T>['state']>
export type BlockEventOf<T extends TrackedBlockName> = z.infer<DefinitionOf<T>['events'][number]>
/** Any event about one tracked block. */
export type TrackedBlockEvent = BlockEventOf<TrackedBlockName>

/**
 * The tracked block types, by name: one line per type, in the order suspend data packs them, so a
 * new type goes at the end. `satisfies` makes a type with tracking schemas and no behaviour here
 * (or the other way round), a behaviour missing any part of the contract, or one keeping its
 * state under another key than its schema, a compile error. Zod-free, for the SCORM player.
 */
export const TRACKED_BLOCK_TYPES = {
  scenario: scenarioTracking,
  reflection: reflectionTracking,
  feed: feedTracking,
} satisfies { readonly [T in TrackedBlockName]: TrackedBlockType<Extract<Block, { type: T }>, BlockStateOf<T>, BlockEventOf<T>, DefinitionOf<T>['slice']> }

/** The behaviour of any tracked block type, typed for any block and state. */
export type AnyTrackedType = TrackedBlockType<{ type: string; id: string }, unknown, BlockEvent>

/** Every tracked block type, in suspend data's order. */
export function trackedTypes(): AnyTrackedType[] {
  return Object.values(TRACKED_BLOCK_TYPES) as AnyTrackedType[]
}

/** The behaviour of a block's own type, or undefined for a block whose state nothing keeps (a callout, a video). */
export function trackedType(blockType: string): AnyTrackedType | undefined {
  return Object.hasOwn(TRACKED_BLOCK_TYPES, blockType) ? ((TRACKED_BLOCK_TYPES as Record<string, unknown>)[blockType] as AnyTrackedType) : undefined
}

/** Whether the event is about one tracked block, and so for its type to apply. */
export function isTrackedBlockEvent(event: { type: string }): event is TrackedBlockEvent {
  return trackedTypes().some((type) => type.events.includes(event.type))
}

type Slices = Record<string, Record<string, unknown>>

/** One block's state in a learner's progress, or undefined before the learner did anything there. */
export function blockState(progress: CourseProgress, type: AnyTrackedType, blockId: string): unknown {
  return ownValue((progress as unknown as Slices)[type.slice], blockId)
}

/** The progress with one block's state replaced. */
export function withBlockState(progress: CourseProgress, type: AnyTrackedType, blockId: string, state: unknown): CourseProgress {
  const slices = progress as unknown as Slices
  return { ...progress, [type.slice]: withId(slices[type.slice] ?? idRecord(), blockId, state) }
}

/** Sets one block's state, in place, in progress being built (decoded from suspend data, or a worst case). */
export function setBlockState(progress: CourseProgress, type: AnyTrackedType, blockId: string, state: unknown): void {
  const slices = progress as unknown as Slices
  putId((slices[type.slice] ??= idRecord()), blockId, state)
}

/** The empty slice of each tracked type, for a learner who has done nothing yet. */
export function emptyBlockStates(): { [K in Definitions['slice']]: Record<string, never> } {
  return Object.fromEntries(trackedTypes().map((type) => [type.slice, idRecord()])) as { [K in Definitions['slice']]: Record<string, never> }
}
