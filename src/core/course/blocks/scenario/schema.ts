import { z } from 'zod'
import { CHOICE_KEYS, IdSchema, MAX_CHOICES } from '../../ids'
import { suggestion } from '../../problems'
import { EventId } from '../../../progress/event-fields'
import type { BlockDefinition } from '../definition'
import type { TrackingDefinition } from '../tracked-contract'

const OUTCOMES = ['good', 'mixed', 'poor'] as const
/** How many avatar drawings there are (the renderer's ScenarioAvatar draws each). */
export const AVATARS = 8
const MAX_CHARACTERS = 6

const AuthoredCharacterSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).describe('What the character is called: "Cllr Tom Hale", "Gail".'),
    role: z.string().min(1).describe('Who they are in the story: "councillor, Wexbridge Town Council", "a resident".'),
    avatar: z.number().int().min(1).max(AVATARS).optional().describe(`Which of the ${AVATARS} drawings shows them; each character gets a different one when left out.`),
  })
  .strict()

export const ScenarioAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course.'),
    title: z.string().min(1),
    shuffle: z
      .boolean()
      .default(false)
      .describe('Show each step\'s choices in a mixed order (the same for every learner and every visit), so the best choice is not always first.'),
  })
  .strict()

const AuthoredChoiceSchema = z
  .object({
    text: z.string().min(1).describe('What the learner chooses to do.'),
    feedback: z.string().min(1).describe('The consequence, in Markdown.'),
    next: IdSchema.optional().describe('The step this choice leads to; without it the scenario ends here.'),
    outcome: z.enum(OUTCOMES).optional().describe('How good the choice is: good, mixed or poor.'),
  })
  .strict()

const AuthoredStepSchema = z
  .object({
    id: IdSchema,
    text: z.string().min(1).describe('The situation, in Markdown.'),
    choices: z.array(AuthoredChoiceSchema).max(MAX_CHOICES).default([]).describe('Without choices, the step is an ending.'),
  })
  .strict()

export const ScenarioBodySchema = z
  .object({
    characters: z.array(AuthoredCharacterSchema).max(MAX_CHARACTERS).default([]).describe('The people in the story, shown with a drawing, their name and their role before it starts.'),
    start: IdSchema.optional().describe('The first step; defaults to the first in the list.'),
    steps: z.array(AuthoredStepSchema).min(1),
  })
  .strict()

const ChoiceSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    feedback: z.string(),
    next: z.string().optional(),
    outcome: z.enum(OUTCOMES).optional(),
  })
  .strict()

export const ScenarioBlockSchema = z
  .object({
    type: z.literal('scenario'),
    id: IdSchema,
    title: z.string(),
    start: z.string(),
    /** Left out when choices show in authored order, so older bundles stay valid. */
    shuffle: z.literal(true).optional(),
    /** The people in the story; left out when it names none. */
    characters: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), avatar: z.number().int().min(1).max(AVATARS) }).strict()).optional(),
    steps: z.array(z.object({ id: z.string(), text: z.string(), choices: z.array(ChoiceSchema) }).strict()),
  })
  .strict()
export type ScenarioBlock = z.infer<typeof ScenarioBlockSchema>

type Body = z.infer<typeof ScenarioBodySchema>

/** A learner's walk through one scenario: the choices made, in order. */
export const ScenarioStateSchema = z.array(z.object({ stepId: z.string(), choiceId: z.string() }).strict())
export type ScenarioState = z.infer<typeof ScenarioStateSchema>

export const ScenarioChoseSchema = z.object({ type: z.literal('scenario.chose'), blockId: EventId, stepId: EventId, choiceId: EventId }).strict()
export const ScenarioRestartedSchema = z.object({ type: z.literal('scenario.restarted'), blockId: EventId }).strict()
export type ScenarioEvent = z.infer<typeof ScenarioChoseSchema> | z.infer<typeof ScenarioRestartedSchema>

export const scenarioTrackingSchemas = {
  type: 'scenario',
  slice: 'scenarios',
  state: ScenarioStateSchema,
  events: [ScenarioChoseSchema, ScenarioRestartedSchema],
} as const satisfies TrackingDefinition

export const scenario: BlockDefinition<z.infer<typeof ScenarioAttributesSchema>, Body, never, ScenarioBlock> = {
  type: 'scenario',
  summary: 'a branching story; the body is YAML with steps and choices: ::: scenario {id: …, title: "…"}',
  attributes: ScenarioAttributesSchema,
  body: 'yaml',
  bodySchema: ScenarioBodySchema,
  schema: ScenarioBlockSchema,
  translatable: ['title', 'text', 'feedback', 'name', 'role'],
  build({ attributes, yaml }, context) {
    context.declareId(attributes.id, context.attributeAt('id'))
    if (yaml === undefined) return undefined
    const stepIds = yaml.steps.map((step) => step.id)
    let ok = true
    const cast = new Set<string>()
    yaml.characters.forEach((character, index) => {
      if (cast.has(character.id)) {
        context.problems.error(context.file, context.bodyAt(['characters', index, 'id']), `Two characters have the id "${character.id}".`)
        ok = false
      }
      cast.add(character.id)
    })
    const seen = new Set<string>()
    yaml.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        context.problems.error(context.file, context.bodyAt(['steps', index, 'id']), `Two steps have the id "${step.id}".`)
        ok = false
      }
      seen.add(step.id)
    })
    const known = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) return true
      context.problems.error(context.file, context.bodyAt(path), `There is no step "${id}" in this scenario.`, suggestion(id, stepIds))
      ok = false
      return false
    }
    const start = yaml.start ?? stepIds[0] ?? ''
    if (yaml.start !== undefined) known(yaml.start, ['start'])
    yaml.steps.forEach((step, stepIndex) =>
      step.choices.forEach((choice, choiceIndex) => {
        if (choice.next !== undefined) known(choice.next, ['steps', stepIndex, 'choices', choiceIndex, 'next'])
      }),
    )
    if (!ok) return undefined
    if (!checkPaths(yaml, start, context)) return undefined
    const block: ScenarioBlock = {
      type: 'scenario',
      id: attributes.id,
      title: attributes.title,
      start,
      steps: yaml.steps.map((step) => ({
        id: step.id,
        text: step.text,
        choices: step.choices.map((choice, index) => ({ id: CHOICE_KEYS.charAt(index), ...choice })),
      })),
    }
    if (attributes.shuffle) block.shuffle = true
    if (yaml.characters.length > 0) block.characters = withAvatars(yaml.characters)
    return block
  },
}

/** Each character's drawing: the one the author chose, or the first not taken in the story. */
function withAvatars(characters: Body['characters']): NonNullable<ScenarioBlock['characters']> {
  const taken = new Set(characters.flatMap((character) => character.avatar ?? []))
  let next = 1
  return characters.map(({ id, name, role, avatar }) => {
    if (avatar !== undefined) return { id, name, role, avatar }
    while (taken.has(next) && next < AVATARS) next++
    taken.add(next)
    return { id, name, role, avatar: next }
  })
}

/**
 * Every step should be reachable from the start, and from every reachable step the learner
 * must be able to reach an ending; otherwise they would be stuck going round in circles.
 */
function checkPaths(body: Body, start: string, context: Parameters<typeof scenario.build>[1]): boolean {
  const byId = new Map(body.steps.map((step) => [step.id, step]))
  const reachable = new Set<string>()
  const queue = [start]
  while (queue.length > 0) {
    const id = queue.pop() as string
    if (reachable.has(id)) continue
    reachable.add(id)
    for (const choice of byId.get(id)?.choices ?? []) if (choice.next !== undefined) queue.push(choice.next)
  }
  const ends = new Set<string>()
  let changed = true
  while (changed) {
    changed = false
    for (const step of body.steps) {
      if (ends.has(step.id)) continue
      if (step.choices.length === 0 || step.choices.some((choice) => choice.next === undefined || ends.has(choice.next))) {
        ends.add(step.id)
        changed = true
      }
    }
  }
  let ok = true
  body.steps.forEach((step, index) => {
    if (!reachable.has(step.id)) {
      context.problems.warning(context.file, context.bodyAt(['steps', index, 'id']), `No choice leads to the step "${step.id}".`, 'Point a choice at it with "next", or remove it.')
    } else if (!ends.has(step.id)) {
      context.problems.error(context.file, context.bodyAt(['steps', index, 'id']), `From the step "${step.id}" the scenario can never end.`, 'Give some choice on this path no "next", or add a step without choices.')
      ok = false
    }
  })
  return ok
}
