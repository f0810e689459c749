import { bitsFor } from '../../../scorm/bits'
import type { TrackedBlockType } from '../tracked-contract'
import type { ScenarioBlock, ScenarioEvent, ScenarioState } from './schema'

export type { ScenarioBlock, ScenarioEvent, ScenarioState } from './schema'

type Step = ScenarioBlock['steps'][number]

/** Longer paths than this are not data any walk could make. */
const MAX_PATH = 10_000

/** A scenario keeps the learner's path through it: each step's choice, in order, until they restart. */
export const scenarioTracking: TrackedBlockType<ScenarioBlock, ScenarioState, ScenarioEvent, 'scenarios'> = {
  type: 'scenario',
  slice: 'scenarios',
  events: ['scenario.chose', 'scenario.restarted'],

  reduce(block, state, event) {
    switch (event.type) {
      case 'scenario.chose': {
        const step = block.steps.find((candidate) => candidate.id === event.stepId)
        if (!step?.choices.some((choice) => choice.id === event.choiceId)) return state
        return [...(state ?? []), { stepId: event.stepId, choiceId: event.choiceId }]
      }
      case 'scenario.restarted':
        return state === undefined ? state : []
    }
  },

  codec: {
    shape: (blocks) => blocks.map((block) => `${block.id}:${block.steps.map((step) => `${step.id}=${step.choices.map((choice) => choice.id).join('')}`).join(';')}`).join('|'),
    write(writer, block, state) {
      writer.bool(state !== undefined)
      if (state === undefined) return
      // Only the entries that still name a step and a choice of the block, by position.
      const steps = state.flatMap((entry) => {
        const step = block.steps.findIndex((candidate) => candidate.id === entry.stepId)
        const choice = block.steps[step]?.choices.findIndex((candidate) => candidate.id === entry.choiceId) ?? -1
        return choice >= 0 ? [[step, choice] as const] : []
      })
      writer.varuint(steps.length)
      for (const [step, choice] of steps) {
        writer.uint(step, bitsFor(block.steps.length - 1))
        writer.uint(choice, bitsFor((block.steps[step]?.choices.length ?? 1) - 1))
      }
    },
    read(reader, block) {
      if (!reader.bool()) return undefined
      const length = reader.varuint()
      if (length > MAX_PATH) throw new Error('a scenario path is too long')
      const path: ScenarioState = []
      for (let index = 0; index < length; index++) {
        const step = block.steps[reader.index(block.steps.length)] as Step
        const choice = step.choices[reader.index(step.choices.length)]
        if (!choice) throw new Error('a scenario step has no such choice')
        path.push({ stepId: step.id, choiceId: choice.id })
      }
      return path
    },
    longest: (block) => block.steps.filter((step) => step.choices.length > 0).map((step) => ({ stepId: step.id, choiceId: (step.choices.at(-1) as { id: string }).id })),
  },
}
