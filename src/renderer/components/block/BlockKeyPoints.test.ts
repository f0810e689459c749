import { describe, expect, it } from 'vitest'
import BlockKeyPoints from './BlockKeyPoints.vue'
import { mountBlock } from './block-testing'

describe('BlockKeyPoints', () => {
  it('lists the points under a heading, with a default title in the interface language', async () => {
    const { wrapper } = await mountBlock(BlockKeyPoints, { type: 'key-points', markdown: '- Listen first.\n- Check before you share.' }, { language: 'cy' })
    expect(wrapper.get('h2').text()).toBe('Pwyntiau allweddol')
    expect(wrapper.findAll('li').map((item) => item.text())).toEqual(['Listen first.', 'Check before you share.'])
    expect(wrapper.get('section').attributes('aria-labelledby')).toBe(wrapper.get('h2').attributes('id'))
  })
})
