import { z } from 'zod'
import { accordion, AccordionBlockSchema } from './accordion'
import { callout, CalloutBlockSchema } from './callout'
import type { BlockDefinition } from './definition'
import { image, ImageBlockSchema } from './image'
import { keyPoints, KeyPointsBlockSchema } from './key-points'
import { links, LinksBlockSchema } from './links'
import { quiz, QuizBlockSchema } from './quiz'
import { reflection, ReflectionBlockSchema } from './reflection'
import { scenario, ScenarioBlockSchema } from './scenario'
import { tabs, TabsBlockSchema } from './tabs'
import { TextBlockSchema } from './text'
import { video, VideoBlockSchema } from './video'

/**
 * The block types written as `:::` directives, by name; plain Markdown between them becomes a
 * text block. A new type is a file beside these and one line in each list below.
 */
export const BLOCK_TYPES: ReadonlyMap<string, BlockDefinition> = new Map(
  [callout, image, video, accordion, tabs, scenario, reflection, keyPoints, links, quiz].map((definition) => [definition.type, definition as BlockDefinition]),
)

export const BlockSchema = z.discriminatedUnion('type', [
  TextBlockSchema,
  CalloutBlockSchema,
  ImageBlockSchema,
  VideoBlockSchema,
  AccordionBlockSchema,
  TabsBlockSchema,
  ScenarioBlockSchema,
  ReflectionBlockSchema,
  KeyPointsBlockSchema,
  LinksBlockSchema,
  QuizBlockSchema,
])
export type Block = z.infer<typeof BlockSchema>

/** Names that only appear inside another block, to explain where they belong. */
export const CHILD_PARENTS: ReadonlyMap<string, string> = new Map(
  [...BLOCK_TYPES.values()].flatMap((definition) => (definition.child ? [[definition.child.name, definition.type] as const] : [])),
)

export type { BlockContext, BlockDefinition, BlockInput, ChildInput } from './definition'
export { TEXT_TRANSLATABLE } from './text'
