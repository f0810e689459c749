import { z } from 'zod'
import { accordion, AccordionBlockSchema } from './accordion'
import { callout, CalloutBlockSchema } from './callout'
import { councillorNotes, CouncillorNotesBlockSchema } from './councillor-notes'
import type { BlockDefinition } from './definition'
import { feed, FeedBlockSchema, feedTrackingSchemas } from './feed/schema'
import { flashcards, FlashcardsBlockSchema } from './flashcards'
import { hotspots, HotspotsBlockSchema } from './hotspots'
import { image, ImageBlockSchema } from './image'
import { keyPoints, KeyPointsBlockSchema } from './key-points'
import { links, LinksBlockSchema } from './links'
import { notes, NotesBlockSchema } from './notes'
import { ProcessBlockSchema, processSteps } from './process'
import { quiz, QuizBlockSchema } from './quiz'
import { reflection, ReflectionBlockSchema, reflectionTrackingSchemas } from './reflection/schema'
import { scenario, ScenarioBlockSchema, scenarioTrackingSchemas } from './scenario/schema'
import { tabs, TabsBlockSchema } from './tabs'
import { TextBlockSchema } from './text'
import { video, VideoBlockSchema } from './video'

/**
 * The block types written as `:::` directives, by name; plain Markdown between them becomes a
 * text block. A new type is a file beside these and one line in each list below.
 */
export const BLOCK_TYPES: ReadonlyMap<string, BlockDefinition> = new Map(
  [callout, image, video, accordion, tabs, flashcards, processSteps, hotspots, scenario, feed, reflection, keyPoints, links, quiz, notes, councillorNotes].map((definition) => [definition.type, definition as BlockDefinition]),
)

export const BlockSchema = z.discriminatedUnion('type', [
  TextBlockSchema,
  CalloutBlockSchema,
  ImageBlockSchema,
  VideoBlockSchema,
  AccordionBlockSchema,
  TabsBlockSchema,
  FlashcardsBlockSchema,
  ProcessBlockSchema,
  HotspotsBlockSchema,
  ScenarioBlockSchema,
  FeedBlockSchema,
  ReflectionBlockSchema,
  KeyPointsBlockSchema,
  LinksBlockSchema,
  QuizBlockSchema,
  NotesBlockSchema,
  CouncillorNotesBlockSchema,
])
export type Block = z.infer<typeof BlockSchema>

/**
 * The blocks whose state a learner's progress keeps, the zod half: each one's stored state and
 * the tracking events it answers, from which the progress and event schemas are built. The
 * behaviour is in ./tracked.ts (without zod, for the SCORM player); a type in one and not the
 * other is a compile error there.
 */
export const TRACKING_DEFINITIONS = [scenarioTrackingSchemas, reflectionTrackingSchemas, feedTrackingSchemas] as const

/** Names that only appear inside another block, to explain where they belong. */
export const CHILD_PARENTS: ReadonlyMap<string, string> = new Map(
  [...BLOCK_TYPES.values()].flatMap((definition) => (definition.child ? [[definition.child.name, definition.type] as const] : [])),
)

export type { BlockContext, BlockDefinition, BlockInput, ChildInput } from './definition'
export { TEXT_TRANSLATABLE } from './text'
export { learnerBlocks } from './learner-blocks'
