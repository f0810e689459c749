import { hashText, seededRandom, shuffled } from '../../../quiz/random'
import type { ScenarioBlock } from './schema'

// Kept apart from the block's definition, whose schemas would bring the validation library into
// the SCORM player, which only shows scenarios.
type ScenarioStep = ScenarioBlock['steps'][number]

/**
 * The choices of a step in the order learners see them. A shuffled scenario mixes them with a
 * seed taken from the scenario and step ids, so the order is the same on every visit, after a
 * resume, in every host and in a SCORM package, with nothing to store.
 */
export function choicesShown(scenario: ScenarioBlock, step: ScenarioStep): ScenarioStep['choices'] {
  if (!scenario.shuffle) return step.choices
  return shuffled(step.choices, seededRandom(hashText(`${scenario.id}/${step.id}`)))
}
