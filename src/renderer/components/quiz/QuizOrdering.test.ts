import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createAppI18n } from '../../i18n'
import { QUESTIONS } from './quiz-testing'
import type { QuestionMode } from './question-view'
import QuizOrdering from './QuizOrdering.vue'

function mountOrdering(mode: QuestionMode = 'answer', response?: string[]) {
  const wrapper = mount(QuizOrdering, {
    props: {
      question: QUESTIONS.ordering,
      order: ['c', 'a', 'b'],
      response,
      mode,
      labelledBy: 'prompt',
      'onAnswer': (next: string[]) => void wrapper.setProps({ response: next }),
    },
    global: { plugins: [createAppI18n()] },
    attachTo: document.body,
  })
  return wrapper
}

const items = (wrapper: ReturnType<typeof mountOrdering>) => wrapper.findAll('.quiz-ordering__list > li .quiz-ordering__text').map((item) => item.text())
const liveRegion = (wrapper: ReturnType<typeof mountOrdering>) => wrapper.get('[aria-live="polite"]').text()

describe('QuizOrdering', () => {
  it('lists the items in the attempt’s shuffled order, each with named move buttons, and explains the keys', () => {
    const wrapper = mountOrdering()
    expect(items(wrapper)).toEqual(['Third', 'First', 'Second'])
    expect(wrapper.get('ol').attributes('aria-labelledby')).toBe('prompt')
    expect(wrapper.text()).toContain('Alt and the up or down arrow key')
    const names = wrapper.findAll('button').map((button) => button.attributes('aria-label'))
    expect(names.slice(0, 2)).toEqual(['Move “Third” up', 'Move “Third” down'])
    wrapper.unmount()
  })

  it('moves an item with its buttons, announces the new position and keeps focus on the moved item', async () => {
    const wrapper = mountOrdering()
    await wrapper.get('button[aria-label="Move “Third” down"]').trigger('click')
    await nextTick()
    expect(wrapper.emitted('answer')).toEqual([[['a', 'c', 'b']]])
    expect(items(wrapper)).toEqual(['First', 'Third', 'Second'])
    expect(liveRegion(wrapper)).toBe('“Third” is now number 2 of 3.')
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move “Third” down')
    // At the bottom the down button can do no more, so focus goes to the up button.
    await wrapper.get('button[aria-label="Move “Third” down"]').trigger('click')
    await nextTick()
    expect(items(wrapper)).toEqual(['First', 'Second', 'Third'])
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move “Third” up')
    wrapper.unmount()
  })

  it('moves the focused item with Alt+Arrow keys and ignores moves past either end', async () => {
    const wrapper = mountOrdering()
    const second = wrapper.get('button[aria-label="Move “Second” up"]')
    await second.trigger('keydown', { key: 'ArrowUp', altKey: true })
    await nextTick()
    expect(items(wrapper)).toEqual(['Third', 'Second', 'First'])
    await wrapper.get('button[aria-label="Move “Second” up"]').trigger('keydown', { key: 'ArrowUp', altKey: true })
    await nextTick()
    expect(items(wrapper)).toEqual(['Second', 'Third', 'First'])
    expect(liveRegion(wrapper)).toBe('“Second” is now number 1 of 3.')
    const top = wrapper.get('button[aria-label="Move “Second” up"]')
    expect(top.attributes('aria-disabled')).toBe('true')
    await top.trigger('click')
    await top.trigger('keydown', { key: 'ArrowUp', altKey: true })
    await top.trigger('keydown', { key: 'ArrowDown' })
    expect(wrapper.emitted('answer')).toHaveLength(2)
    wrapper.unmount()
  })

  it('once checked, shows no move buttons and marks each place; the review adds the correct order', () => {
    const checked = mountOrdering('checked', ['a', 'c', 'b'])
    expect(checked.findAll('button')).toHaveLength(0)
    expect(checked.findAll('.quiz-ordering__list .quiz-mark').map((mark) => mark.text())).toEqual(['In the right place', 'In the wrong place', 'In the wrong place'])
    expect(checked.find('.quiz-ordering__answer').exists()).toBe(false)
    checked.unmount()
    const review = mountOrdering('review', ['a', 'c', 'b'])
    expect(review.findAll('.quiz-ordering__answer li').map((item) => item.text())).toEqual(['First', 'Second', 'Third'])
    review.unmount()
  })
})
