import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReflectionBlock } from '../../../core/course/blocks/reflection'
import BlockReflection from './BlockReflection.vue'
import { mountBlock } from './block-testing'

const block: ReflectionBlock = { type: 'reflection', id: 'goals', title: 'Your ward', prompt: 'Where do residents talk online?' }

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-21T10:32:00Z') }))
afterEach(() => vi.useRealTimers())

describe('BlockReflection', () => {
  it('saves the answer once typing pauses, says so, and tells the learner it is private', async () => {
    const { wrapper, recorded } = await mountBlock(BlockReflection, block)
    const field = wrapper.get('textarea')
    expect(wrapper.get(`label[for="${field.attributes('id')}"]`).text()).toBe('Your answer')
    const described = field.attributes('aria-describedby')?.split(' ') ?? []
    expect(described.map((id) => wrapper.get(`#${id}`).text())).toEqual(['Where do residents talk online?', expect.stringContaining('nobody marks it')])

    await field.setValue('The ward Facebook group.')
    expect(wrapper.get('[role="status"]').text()).toBe('')
    expect(wrapper.text()).toContain('Not saved yet')
    await vi.advanceTimersByTimeAsync(400)
    await field.setValue('The ward Facebook group and the library.')
    await vi.advanceTimersByTimeAsync(1000)
    expect(wrapper.get('[role="status"]').text()).toMatch(/^Saved: \d\d:\d\d$/)
    expect(wrapper.text()).not.toContain('Not saved yet')
    expect(await recorded()).toEqual([{ type: 'reflection.saved', at: expect.any(String), blockId: 'goals', text: 'The ward Facebook group and the library.' }])
  })

  it('saves at once when the learner leaves the field', async () => {
    const { wrapper, recorded } = await mountBlock(BlockReflection, block)
    await wrapper.get('textarea').setValue('Quick note')
    await wrapper.get('textarea').trigger('blur')
    expect((await recorded()).map((event) => event.type)).toEqual(['reflection.saved'])
  })

  it('shows the answer saved before, and when', async () => {
    const { wrapper } = await mountBlock(BlockReflection, block, {
      progress: { reflections: { goals: { text: 'Earlier answer', savedAt: '2026-11-01T09:00:00.000Z' } } },
    })
    await flushPromises()
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('Earlier answer')
    expect(wrapper.get('[role="status"]').text()).toBe('Saved: 1 November 2026')
  })
})
