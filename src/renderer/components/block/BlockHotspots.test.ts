import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { HotspotsBlock } from '../../../core/course/blocks/hotspots'
import { mountBlock } from './block-testing'
import BlockHotspots from './BlockHotspots.vue'

const block: HotspotsBlock = {
  type: 'hotspots',
  title: "A councillor's page",
  src: 'media/page.webp',
  alt: 'A councillor’s Facebook Page',
  spots: [
    { x: 20, y: 25, title: 'Profile picture', markdown: 'A clear photo of **you**.' },
    { x: 70, y: 60, title: 'Bio', markdown: 'What the account is for.' },
  ],
}

describe('BlockHotspots', () => {
  it('shows the picture with its description and the points as a list of buttons, none open', async () => {
    const { wrapper } = await mountBlock(BlockHotspots, block)
    expect(wrapper.get('h2').text()).toBe("A councillor's page")
    expect(wrapper.get('img').attributes()).toMatchObject({ src: 'courses/demo/media/page.webp', alt: 'A councillor’s Facebook Page' })
    const points = wrapper.findAll('.block-hotspots__point')
    expect(points.map((point) => point.text())).toEqual(['1 Profile picture', '2 Bio'])
    expect(points.map((point) => point.attributes('aria-expanded'))).toEqual(['false', 'false'])
    expect(wrapper.get('.block-hotspots__panel').attributes('hidden')).toBeDefined()
  })

  it('opens a point from the list: its text shows under the picture, and focus moves there; again closes it', async () => {
    const { wrapper } = await mountBlock(BlockHotspots, block)
    const bio = wrapper.findAll('.block-hotspots__point')[1]
    await bio?.trigger('click')
    await flushPromises()
    const panel = wrapper.get('.block-hotspots__panel')
    expect(panel.attributes('hidden')).toBeUndefined()
    expect(panel.get('.block-hotspots__panel-title').text()).toBe('Point 2: Bio')
    expect(panel.attributes('aria-labelledby')).toBe(panel.get('.block-hotspots__panel-title').attributes('id'))
    expect(panel.get('.markdown').text()).toBe('What the account is for.')
    expect(bio?.attributes()).toMatchObject({ 'aria-expanded': 'true', 'aria-controls': panel.attributes('id') })
    expect(document.activeElement).toBe(panel.element)
    await bio?.trigger('click')
    expect(panel.attributes('hidden')).toBeDefined()
  })

  it('places the numbers on the picture for a pointer, hidden from screen readers and out of the tab order', async () => {
    const { wrapper } = await mountBlock(BlockHotspots, block)
    const markers = wrapper.findAll('.block-hotspots__marker')
    expect(markers.map((marker) => [marker.attributes('aria-hidden'), marker.attributes('tabindex'), (marker.element as HTMLElement).style.left, (marker.element as HTMLElement).style.top])).toEqual([
      ['true', '-1', '20%', '25%'],
      ['true', '-1', '70%', '60%'],
    ])
    await markers[0]?.trigger('click')
    expect(wrapper.get('.block-hotspots__panel').text()).toContain('A clear photo of you.')
    expect(wrapper.findAll('.block-hotspots__point')[0]?.attributes('aria-expanded')).toBe('true')
  })

  it('lists every point with its text in a handout, with no buttons', async () => {
    const { wrapper } = await mountBlock(BlockHotspots, block, { host: { handout: true } })
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.findAll('.block-hotspots__list li').map((item) => [item.get('strong').text(), item.get('.markdown').text()])).toEqual([
      ['Profile picture', 'A clear photo of you.'],
      ['Bio', 'What the account is for.'],
    ])
  })
})
