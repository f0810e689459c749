import { describe, expect, it } from 'vitest'
import BlockImage from './BlockImage.vue'
import { mountBlock } from './block-testing'

describe('BlockImage', () => {
  it('shows the course image with its alt text, caption and credit', async () => {
    const { wrapper } = await mountBlock(BlockImage, { type: 'image', src: 'media/council chamber.jpg', alt: 'The council chamber', caption: 'A *full* meeting.', credit: 'Jo Bloggs' })
    expect(wrapper.get('img').attributes()).toMatchObject({ src: 'courses/demo/media/council%20chamber.jpg', alt: 'The council chamber' })
    expect(wrapper.get('figcaption em').text()).toBe('full')
    expect(wrapper.get('figcaption').text()).toContain('Image: Jo Bloggs')
  })

  it('has no caption when there is nothing to say', async () => {
    const { wrapper } = await mountBlock(BlockImage, { type: 'image', src: 'media/a.png', alt: 'A' })
    expect(wrapper.find('figcaption').exists()).toBe(false)
  })
})
