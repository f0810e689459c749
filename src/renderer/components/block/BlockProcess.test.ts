import { describe, expect, it } from 'vitest'
import type { ProcessBlock } from '../../../core/course/blocks/process'
import { mountBlock } from './block-testing'
import BlockProcess from './BlockProcess.vue'

const block: ProcessBlock = {
  type: 'process',
  title: 'When a post goes wrong',
  steps: [
    { title: 'Stop', markdown: 'Do not post again in **anger**.' },
    { title: 'Check', markdown: 'Read what you wrote as a resident would.' },
    { title: 'Correct', markdown: 'Say what was wrong, and fix it where people saw it.' },
  ],
}

const titles = (wrapper: Awaited<ReturnType<typeof mountBlock>>['wrapper']) => wrapper.findAll('.block-process__title').map((title) => title.text())

describe('BlockProcess', () => {
  it('shows the first step, then one more at a time, taking focus to each new step', async () => {
    const { wrapper } = await mountBlock(BlockProcess, block)
    expect(wrapper.get('h2').text()).toBe('When a post goes wrong')
    expect(titles(wrapper)).toEqual(['Step 1 of 3: Stop'])
    expect(wrapper.html()).toContain('<strong>anger</strong>')
    await wrapper.findAll('button').find((button) => button.text() === 'Show the next step')?.trigger('click')
    expect(titles(wrapper)).toEqual(['Step 1 of 3: Stop', 'Step 2 of 3: Check'])
    expect(document.activeElement?.textContent?.trim()).toBe('Step 2 of 3: Check')
    await wrapper.findAll('button').find((button) => button.text() === 'Show every step')?.trigger('click')
    expect(titles(wrapper)).toHaveLength(3)
    expect(document.activeElement?.textContent?.trim()).toBe('Step 3 of 3: Correct')
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('shows every step at once in a handout, and speaks Welsh', async () => {
    const { wrapper } = await mountBlock(BlockProcess, { ...block, title: undefined }, { host: { handout: true }, language: 'cy' })
    expect(wrapper.get('h2').text()).toBe('Cam wrth gam')
    expect(titles(wrapper)).toEqual(['Cam 1 o 3: Stop', 'Cam 2 o 3: Check', 'Cam 3 o 3: Correct'])
    expect(wrapper.find('button').exists()).toBe(false)
  })
})
