import { describe, expect, it } from 'vitest'
import type { AccordionBlock } from '../../../core/course/blocks/accordion'
import BlockAccordion from './BlockAccordion.vue'
import { mountBlock } from './block-testing'

const block: AccordionBlock = {
  type: 'accordion',
  title: 'Questions people ask',
  panels: [
    { title: 'First', markdown: 'The first panel.' },
    { title: 'Second', markdown: 'The second panel.' },
  ],
}

describe('BlockAccordion', () => {
  it('shows each panel closed behind its title, in one group that opens one at a time', async () => {
    const { wrapper } = await mountBlock(BlockAccordion, block)
    expect(wrapper.get('h2').text()).toBe('Questions people ask')
    const panels = wrapper.findAll('details')
    expect(panels.map((panel) => panel.get('summary').text())).toEqual(['First', 'Second'])
    expect(panels.every((panel) => panel.attributes('open') === undefined)).toBe(true)
    const names = new Set(panels.map((panel) => panel.attributes('name')))
    expect(names.size).toBe(1)
    expect([...names][0]).toBeTruthy()
  })

  it('opens every panel in a handout', async () => {
    const { wrapper } = await mountBlock(BlockAccordion, block, { host: { handout: true } })
    expect(wrapper.findAll('details[open]')).toHaveLength(2)
  })
})
