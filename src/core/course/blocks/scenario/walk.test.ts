import { describe, expect, it } from 'vitest'
import { floodRumour } from '../../../../../test/support/scenarios'
import type { ScenarioBlock } from './schema'
import { walkScenario } from './walk'

const scenario = floodRumour

describe('walking a scenario: where a learner is, and whether it has ended', () => {
  it('stops replaying at a recorded choice that no longer fits the course', () => {
    const walk = walkScenario(scenario, [
      { stepId: 'post', choiceId: 'a' },
      { stepId: 'post', choiceId: 'b' },
    ])
    expect(walk.taken.map(({ choice }) => choice.text)).toEqual(['Share it at once.'])
    expect(walk.current?.id).toBe('correction')
  })

  it('ends on a step without choices', () => {
    const withEnding: ScenarioBlock = { ...scenario, steps: [{ id: 'post', text: 'Start', choices: [{ id: 'a', text: 'Go', feedback: 'Gone', next: 'end' }] }, { id: 'end', text: 'The end.', choices: [] }] }
    const walk = walkScenario(withEnding, [{ stepId: 'post', choiceId: 'a' }])
    expect(walk.current).toBeNull()
    expect(walk.ending?.text).toBe('The end.')
  })
})
