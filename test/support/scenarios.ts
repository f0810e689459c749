import type { ScenarioBlock } from '../../src/core/course/blocks/scenario'

/** A short scenario with a branch, an ending reached by one choice and a step reached by the other. */
export const floodRumour: ScenarioBlock = {
  type: 'scenario',
  id: 'flood-rumour',
  title: 'A rumour during a flood',
  start: 'post',
  steps: [
    {
      id: 'post',
      text: 'A resident posts that the bridge has collapsed.',
      choices: [
        { id: 'a', text: 'Share it at once.', feedback: 'The bridge was fine; people took long detours.', next: 'correction', outcome: 'poor' },
        { id: 'b', text: 'Check with the emergency team first.', feedback: 'You share a verified update instead.', outcome: 'good' },
      ],
    },
    { id: 'correction', text: 'People ask where you heard it.', choices: [{ id: 'a', text: 'Post a correction.', feedback: 'Residents thank you.', outcome: 'mixed' }] },
  ],
}
