import type { ScenarioBlock } from './schema'

type Step = ScenarioBlock['steps'][number]
type Choice = Step['choices'][number]

export interface ScenarioWalk {
  /** The steps passed so far, each with the choice the learner made there. */
  taken: { step: Step; choice: Choice }[]
  /** The step waiting for a choice; null once the scenario has ended. */
  current: Step | null
  /** The step where the scenario ended, when it ended on a step without choices. */
  ending: Step | null
}

/**
 * Replays the learner's recorded choices through the scenario from its start. A recorded choice
 * that no longer fits (the course changed since) ends the replay there, so the learner carries on
 * from the last step that still makes sense.
 */
export function walkScenario(scenario: ScenarioBlock, made: readonly { stepId: string; choiceId: string }[]): ScenarioWalk {
  const steps = new Map(scenario.steps.map((step) => [step.id, step]))
  const taken: ScenarioWalk['taken'] = []
  let current: Step | null = steps.get(scenario.start) ?? null
  for (const { stepId, choiceId } of made) {
    if (!current || current.id !== stepId) break
    const choice = current.choices.find((candidate) => candidate.id === choiceId)
    if (!choice) break
    taken.push({ step: current, choice })
    current = choice.next === undefined ? null : (steps.get(choice.next) ?? null)
  }
  if (current && current.choices.length === 0) return { taken, current: null, ending: current }
  return { taken, current, ending: null }
}
