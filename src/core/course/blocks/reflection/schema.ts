import { z } from 'zod'
import { IdSchema } from '../../ids'
import { EventId, Timestamp } from '../../../progress/event-fields'
import { type BlockDefinition, requireBody } from '../definition'
import type { TrackingDefinition } from '../tracked-contract'

export const ReflectionAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course; the learner’s answer is kept under it.'),
    title: z.string().min(1).optional(),
  })
  .strict()

export const ReflectionBlockSchema = z.object({ type: z.literal('reflection'), id: IdSchema, title: z.string().optional(), prompt: z.string() }).strict()
export type ReflectionBlock = z.infer<typeof ReflectionBlockSchema>

export const reflection: BlockDefinition<z.infer<typeof ReflectionAttributesSchema>, never, never, ReflectionBlock> = {
  type: 'reflection',
  summary: 'a question the learner answers privately in their own words: ::: reflection {id: …}',
  attributes: ReflectionAttributesSchema,
  body: 'markdown',
  schema: ReflectionBlockSchema,
  translatable: ['title', 'prompt'],
  build({ attributes, markdown }, context) {
    context.declareId(attributes.id, context.attributeAt('id'))
    if (!requireBody(markdown, 'reflection prompt', context)) return undefined
    const block: ReflectionBlock = { type: 'reflection', id: attributes.id, prompt: markdown }
    if (attributes.title !== undefined) block.title = attributes.title
    return block
  },
}

/** A learner's answer to one reflection, and when they last saved it. */
export const ReflectionStateSchema = z.object({ text: z.string(), savedAt: Timestamp }).strict()
export type ReflectionState = z.infer<typeof ReflectionStateSchema>

export const ReflectionSavedSchema = z.object({ type: z.literal('reflection.saved'), at: Timestamp, blockId: EventId, text: z.string().max(20_000) }).strict()
export type ReflectionEvent = z.infer<typeof ReflectionSavedSchema>

export const reflectionTrackingSchemas = {
  type: 'reflection',
  slice: 'reflections',
  state: ReflectionStateSchema,
  events: [ReflectionSavedSchema],
} as const satisfies TrackingDefinition
