import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { floodRumour } from '../../../../test/support/scenarios'
import BlockScenario from './BlockScenario.vue'
import { mountBlock } from './block-testing'

const scenario = floodRumour

describe('BlockScenario', () => {
  it('branches: a choice shows its consequence, takes focus there, and leads to the next step', async () => {
    const { wrapper, recorded } = await mountBlock(BlockScenario, scenario)
    expect(wrapper.text()).toContain('A resident posts that the bridge has collapsed.')
    const choices = wrapper.findAll('fieldset button')
    expect(choices.map((button) => button.text())).toEqual(['Share it at once.', 'Check with the emergency team first.'])
    await choices[0]?.trigger('click')
    await flushPromises()
    const consequence = wrapper.get('.block-scenario__consequence')
    expect(consequence.text()).toContain('A poor choice')
    expect(consequence.text()).toContain('people took long detours')
    expect(document.activeElement).toBe(consequence.element)
    expect(wrapper.text()).toContain('You chose: Share it at once.')
    expect(wrapper.text()).toContain('People ask where you heard it.')
    expect(await recorded()).toEqual([{ type: 'scenario.chose', blockId: 'flood-rumour', stepId: 'post', choiceId: 'a' }])
  })

  it('ends when a choice leads nowhere, and starts again on request', async () => {
    const { wrapper, recorded } = await mountBlock(BlockScenario, scenario, { progress: { scenarios: { 'flood-rumour': [{ stepId: 'post', choiceId: 'b' }] } } })
    expect(wrapper.find('fieldset').exists()).toBe(false)
    expect(wrapper.text()).toContain('This is the end of the scenario.')
    await wrapper.get('button.button--secondary').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('fieldset button')).toHaveLength(2)
    expect(wrapper.text()).not.toContain('You chose')
    expect(await recorded()).toEqual([{ type: 'scenario.restarted', blockId: 'flood-rumour' }])
  })

  it('introduces its characters, each with a drawing hidden from screen readers, a name and a role', async () => {
    const cast = { ...scenario, characters: [{ id: 'councillor', name: 'Cllr Rhian Bevan', role: 'councillor for the river ward', avatar: 1 }, { id: 'resident', name: 'Dai', role: 'a resident', avatar: 6 }] }
    const { wrapper } = await mountBlock(BlockScenario, cast)
    const list = wrapper.get('.block-scenario__cast ul')
    expect(list.attributes('aria-labelledby')).toBe(wrapper.get('.block-scenario__cast p').attributes('id'))
    expect(wrapper.get('.block-scenario__cast p').text()).toBe('In this story:')
    expect(list.findAll('li').map((item) => item.text())).toEqual(['Cllr Rhian Bevan, councillor for the river ward', 'Dai, a resident'])
    expect(list.findAll('svg').map((svg) => svg.attributes('aria-hidden'))).toEqual(['true', 'true'])
    // Two different drawings.
    expect(list.findAll('svg').map((svg) => svg.html()).filter((html, index, all) => all.indexOf(html) === index)).toHaveLength(2)
  })

  it('sums up the path at the end: each choice made with its verdict, and how many of each', async () => {
    const path = [{ stepId: 'post', choiceId: 'a' }, { stepId: 'correction', choiceId: 'a' }]
    const { wrapper } = await mountBlock(BlockScenario, scenario, { progress: { scenarios: { 'flood-rumour': path } } })
    const summary = wrapper.get('[data-testid="scenario-summary"]')
    expect(summary.get('h3').text()).toBe('The path you took')
    expect(summary.get('p').text()).toBe('Good choices: 0. Partly right: 1. Poor choices: 1.')
    expect(summary.findAll('li').map((item) => item.text().replace(/\s+/g, ' '))).toEqual(['Share it at once. (A poor choice)', 'Post a correction. (Partly right)'])
  })

  it('shows no summary while the scenario is still going', async () => {
    const { wrapper } = await mountBlock(BlockScenario, scenario, { progress: { scenarios: { 'flood-rumour': [{ stepId: 'post', choiceId: 'a' }] } } })
    expect(wrapper.find('[data-testid="scenario-summary"]').exists()).toBe(false)
  })

  it('lays out every step and consequence in a handout', async () => {
    const { wrapper } = await mountBlock(BlockScenario, scenario, { host: { handout: true } })
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.text()).toContain('Residents thank you.')
    expect(wrapper.text()).toContain('You share a verified update instead.')
  })
})
