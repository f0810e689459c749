import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../core/app-defaults'
import type { TabsBlock } from '../../../core/course/blocks/tabs'
import BlockTabs from './BlockTabs.vue'
import { mountBlock } from './block-testing'

const perNation: TabsBlock = {
  type: 'tabs',
  title: 'Declaring interests',
  tabs: [
    { title: 'England', jurisdiction: ['england'], markdown: 'In England.' },
    { title: 'Wales', jurisdiction: ['wales'], markdown: 'In Wales.' },
    { title: 'Scotland', jurisdiction: ['scotland'], markdown: 'In Scotland.' },
  ],
}

const visiblePanel = (wrapper: Awaited<ReturnType<typeof mountBlock>>['wrapper']) =>
  wrapper.findAll('[role="tabpanel"]').filter((panel) => panel.attributes('hidden') === undefined)

describe('BlockTabs', () => {
  it('follows the ARIA tabs pattern: one selected, focusable tab controlling the one visible panel', async () => {
    const { wrapper } = await mountBlock(BlockTabs, perNation)
    const tabs = wrapper.findAll('[role="tab"]')
    expect(tabs.map((tab) => tab.attributes('aria-selected'))).toEqual(['true', 'false', 'false'])
    expect(tabs.map((tab) => tab.attributes('tabindex'))).toEqual(['0', '-1', '-1'])
    const panels = visiblePanel(wrapper)
    expect(panels).toHaveLength(1)
    expect(panels[0]?.attributes('id')).toBe(tabs[0]?.attributes('aria-controls'))
    expect(panels[0]?.attributes('aria-labelledby')).toBe(tabs[0]?.attributes('id'))
    expect(wrapper.get('[role="tablist"]').attributes('aria-labelledby')).toBe(wrapper.get('h2').attributes('id'))
  })

  it('moves with the arrow keys, Home and End, wrapping around and taking focus along', async () => {
    const { wrapper } = await mountBlock(BlockTabs, perNation)
    const list = wrapper.get('[role="tablist"]')
    await list.trigger('keydown', { key: 'ArrowLeft' })
    expect(visiblePanel(wrapper)[0]?.text()).toBe('In Scotland.')
    expect(document.activeElement?.textContent).toContain('Scotland')
    await list.trigger('keydown', { key: 'ArrowRight' })
    expect(visiblePanel(wrapper)[0]?.text()).toBe('In England.')
    await list.trigger('keydown', { key: 'End' })
    expect(visiblePanel(wrapper)[0]?.text()).toBe('In Scotland.')
    await list.trigger('keydown', { key: 'Home' })
    expect(visiblePanel(wrapper)[0]?.text()).toBe('In England.')
  })

  it('opens on the learner’s nation and marks its tab', async () => {
    const { wrapper, settings } = await mountBlock(BlockTabs, perNation, { nation: 'wales' })
    expect(visiblePanel(wrapper)[0]?.text()).toBe('In Wales.')
    expect(wrapper.get('[aria-selected="true"]').text()).toBe('Wales · your nation')
    settings.settings = { ...DEFAULT_SETTINGS, language: 'en', nation: 'scotland' }
    await wrapper.vm.$nextTick()
    expect(visiblePanel(wrapper)[0]?.text()).toBe('In Scotland.')
  })

  it('shows every tab one after another in a handout', async () => {
    const { wrapper } = await mountBlock(BlockTabs, perNation, { host: { handout: true } })
    expect(wrapper.find('[role="tablist"]').exists()).toBe(false)
    expect(wrapper.findAll('h3').map((heading) => heading.text())).toEqual(['England', 'Wales', 'Scotland'])
    expect(wrapper.text()).toContain('In Scotland.')
  })
})
