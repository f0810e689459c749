import { describe, expect, it } from 'vitest'
import BlockText from './BlockText.vue'
import { mountBlock } from './block-testing'

describe('BlockText', () => {
  it('renders the Markdown with course links pointed at the course files and author HTML shown as text', async () => {
    const { wrapper } = await mountBlock(BlockText, {
      type: 'text',
      markdown: '## Listening\n\nRead **the handout** [here](media/handout.pdf). <b onclick="x()">bold?</b>',
    })
    expect(wrapper.get('h2').text()).toBe('Listening')
    expect(wrapper.get('strong').text()).toBe('the handout')
    expect(wrapper.get('a').attributes()).toMatchObject({ href: 'courses/demo/media/handout.pdf', target: '_blank', rel: 'noopener noreferrer' })
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.text()).toContain('<b onclick="x()">bold?</b>')
  })
})
