import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createAppI18n } from '../../i18n'
import { SORT_QUESTION } from './quiz-testing'
import type { QuestionMode } from './question-view'
import QuizSort from './QuizSort.vue'

function mountSort(mode: QuestionMode = 'answer', response?: Record<string, string>, language: 'en' | 'cy' = 'en') {
  const wrapper = mount(QuizSort, {
    props: {
      question: SORT_QUESTION,
      order: ['c', 'a', 'b'],
      response,
      mode,
      labelledBy: 'prompt',
      onAnswer: (next: Record<string, string>) => void wrapper.setProps({ response: next }),
    },
    global: { plugins: [createAppI18n(language)] },
    attachTo: document.body,
  })
  return wrapper
}

type Wrapper = ReturnType<typeof mountSort>
/** Each place's name and the items in it, as a sighted learner sees them. */
const places = (wrapper: Wrapper) =>
  Object.fromEntries(wrapper.findAll('.quiz-sort__place').map((place) => [place.get('.quiz-sort__name').text().replace(/\s*\(\d+\)$/, ''), place.findAll('.quiz-sort__text').map((item) => item.text())]))
const liveRegion = (wrapper: Wrapper) => wrapper.get('[aria-live="polite"]').text()

describe('QuizSort', () => {
  it('shows the items to sort in the attempt’s mixed order, an empty place per group, and a named button per group on each item', () => {
    const wrapper = mountSort()
    expect(places(wrapper)).toEqual({ 'To sort': ['Pear', 'Apple', 'Carrot'], Fruit: [], Vegetables: [] })
    expect(wrapper.get('.quiz-sort').attributes('aria-labelledby')).toBe('prompt')
    // Each place is a group named by its heading text, so a screen reader says where an item is.
    const group = wrapper.findAll('[role="group"].quiz-sort__place')[1]
    expect(wrapper.get(`#${group?.attributes('aria-labelledby') ?? 'missing'}`).text()).toContain('Fruit')
    expect(wrapper.findAll('.quiz-sort__item').at(0)?.findAll('button').map((button) => button.attributes('aria-label'))).toEqual(['Put “Pear” in “Fruit”', 'Put “Pear” in “Vegetables”'])
    wrapper.unmount()
  })

  it('puts an item in a group with its button, announces it with what is left, and keeps focus on the item in its new place', async () => {
    const wrapper = mountSort()
    await wrapper.get('button[aria-label="Put “Carrot” in “Vegetables”"]').trigger('click')
    await nextTick()
    expect(wrapper.emitted('answer')).toEqual([[{ b: 'b' }]])
    expect(places(wrapper)).toEqual({ 'To sort': ['Pear', 'Apple'], Fruit: [], Vegetables: ['Carrot'] })
    expect(liveRegion(wrapper)).toBe('“Carrot” is now in “Vegetables”. 2 items left to sort.')
    expect(document.activeElement?.textContent).toContain('Carrot')
    // From a group, the item can move to any other group, and not to the one it is in.
    expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).toContain('Put “Carrot” in “Fruit”')
    expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).not.toContain('Put “Carrot” in “Vegetables”')
    await wrapper.get('button[aria-label="Put “Carrot” in “Fruit”"]').trigger('click')
    await wrapper.get('button[aria-label="Put “Pear” in “Fruit”"]').trigger('click')
    await wrapper.get('button[aria-label="Put “Apple” in “Fruit”"]').trigger('click')
    await nextTick()
    expect(places(wrapper)).toEqual({ 'To sort': [], Fruit: ['Pear', 'Apple', 'Carrot'], Vegetables: [] })
    expect(liveRegion(wrapper)).toBe('“Apple” is now in “Fruit”. Every item is in a group.')
    wrapper.unmount()
  })

  it('takes an item dropped on a group with the mouse', async () => {
    const wrapper = mountSort()
    const dataTransfer = { setData: () => undefined, effectAllowed: 'none' }
    await wrapper.findAll('.quiz-sort__item')[1]?.trigger('dragstart', { dataTransfer })
    const fruit = wrapper.findAll('.quiz-sort__place')[1]
    await fruit?.trigger('dragover', { dataTransfer })
    expect(fruit?.classes()).toContain('quiz-sort__place--over')
    await fruit?.trigger('drop', { dataTransfer })
    await nextTick()
    expect(wrapper.emitted('answer')).toEqual([[{ a: 'a' }]])
    expect(places(wrapper).Fruit).toEqual(['Apple'])
    wrapper.unmount()
  })

  it('once checked, locks the items where the learner put them and marks each in words; the review says where wrong ones belong', () => {
    const checked = mountSort('checked', { a: 'a', b: 'a' })
    expect(checked.findAll('button')).toHaveLength(0)
    expect(checked.find('[draggable="true"]').exists()).toBe(false)
    expect(places(checked)).toEqual({ 'Not sorted': ['Pear'], Fruit: ['Apple', 'Carrot'], Vegetables: [] })
    expect(checked.findAll('.quiz-mark').map((mark) => mark.text())).toEqual(['In the right group', 'In the wrong group'])
    expect(checked.text()).not.toContain('belongs')
    checked.unmount()
    const review = mountSort('review', { a: 'a', b: 'a' })
    expect(review.findAll('.quiz-sort__answer').map((answer) => answer.text())).toEqual(['It belongs in “Fruit”.', 'It belongs in “Vegetables”.'])
    review.unmount()
  })

  it('speaks Welsh in a Welsh interface', async () => {
    const wrapper = mountSort('answer', undefined, 'cy')
    expect(wrapper.text()).toContain('I’w trefnu')
    await wrapper.get('button[aria-label="Rhoi “Pear” yn y grŵp “Fruit”"]').trigger('click')
    expect(liveRegion(wrapper)).toBe('Mae “Pear” bellach yn y grŵp “Fruit”. 2 eitem ar ôl i’w trefnu.')
    wrapper.unmount()
  })
})
