import { describe, expect, it } from 'vitest'
import BlockLinks from './BlockLinks.vue'
import { mountBlock } from './block-testing'

describe('BlockLinks', () => {
  it('lists outside links and course files, each opening in a new window it cannot control', async () => {
    const { wrapper } = await mountBlock(BlockLinks, {
      type: 'links',
      title: 'Read more',
      items: [
        { title: 'A guide', url: 'https://example.org/guide', description: 'what it covers' },
        { title: 'The handout', url: 'media/handout.pdf' },
      ],
    })
    expect(wrapper.get('h2').text()).toBe('Read more')
    const links = wrapper.findAll('a')
    expect(links.map((link) => link.attributes('href'))).toEqual(['https://example.org/guide', 'courses/demo/media/handout.pdf'])
    for (const link of links) expect(link.attributes()).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' })
    expect(links[0]?.text()).toBe('A guide (opens in a new window)')
    expect(wrapper.findAll('li')[0]?.text()).toContain('– what it covers')
  })

  it('shows a link it cannot follow as plain text', async () => {
    const { wrapper } = await mountBlock(BlockLinks, { type: 'links', items: [{ title: 'Nowhere', url: 'javascript:alert(1)' }] })
    expect(wrapper.find('a').exists()).toBe(false)
    expect(wrapper.get('li').text()).toBe('Nowhere')
    expect(wrapper.get('h2').text()).toBe('Further reading')
  })
})
