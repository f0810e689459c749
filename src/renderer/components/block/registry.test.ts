import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { BLOCK_TYPES } from '../../../core/course/blocks'
import BlockRenderer from './BlockRenderer.vue'
import { mountBlock } from './block-testing'
import { BLOCK_COMPONENTS, loadBlockComponents } from './registry'

describe('block registry', () => {
  it('has a component for every block type of the course format, and plain text', () => {
    expect(Object.keys(BLOCK_COMPONENTS).sort()).toEqual(['text', ...BLOCK_TYPES.keys()].sort())
  })

  it('loads the components a page needs ahead of showing it', async () => {
    await expect(loadBlockComponents(['text', 'callout', 'text'])).resolves.toBeUndefined()
  })

  it('renders each block with the component of its type, in order', async () => {
    const Page = defineComponent({
      setup: () => () =>
        h(BlockRenderer, {
          courseId: 'demo',
          blocks: [
            { type: 'text', markdown: 'Opening words.' },
            { type: 'callout', kind: 'tip', markdown: 'A tip.' },
            { type: 'key-points', markdown: '- One point.' },
          ],
        }),
    })
    await loadBlockComponents(['text', 'callout', 'key-points'])
    const { wrapper } = await mountBlock(Page, { type: 'text', markdown: '' })
    await flushPromises()
    const blocks = wrapper.findAll('.block')
    expect(blocks.map((block) => block.classes().find((name) => name.startsWith('block--')))).toEqual(['block--text', 'block--callout', 'block--key-points'])
    expect(blocks.map((block) => block.text().replace(/\s+/g, ' '))).toEqual(['Opening words.', 'TipA tip.', 'Key points One point.'])
  })
})
