import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { QUESTIONS } from './quiz-testing'
import type { QuestionMode } from './question-view'
import QuizMatching from './QuizMatching.vue'

function mountMatching(mode: QuestionMode = 'answer', response?: Record<string, string>) {
  const wrapper = mount(QuizMatching, {
    props: {
      question: QUESTIONS.matching,
      order: ['c', 'b', 'a'],
      response,
      mode,
      labelledBy: 'prompt',
      'onAnswer': (next: Record<string, string>) => void wrapper.setProps({ response: next }),
    },
    global: { plugins: [createAppI18n()] },
    attachTo: document.body,
  })
  return wrapper
}

const marks = (wrapper: ReturnType<typeof mountMatching>) => wrapper.findAll('.quiz-matching__row').map((row) => row.find('.quiz-mark').exists() && row.get('.quiz-mark').text())

describe('QuizMatching', () => {
  it('gives each prompt a select labelled by it, listing every match (distractors too) in the attempt’s order', () => {
    const wrapper = mountMatching()
    expect(wrapper.get('[role="group"]').attributes('aria-labelledby')).toBe('prompt')
    const selects = wrapper.findAll('select')
    expect(selects.map((select) => document.querySelector(`label[for="${select.attributes('id')}"]`)?.textContent?.trim())).toEqual(['Wales', 'Scotland'])
    expect(selects[0]?.findAll('option').map((option) => option.text())).toEqual(['Choose a match', 'Manchester', 'Edinburgh', 'Cardiff'])
    wrapper.unmount()
  })

  it('answers with each prompt’s chosen match, and forgets a match set back to none', async () => {
    const wrapper = mountMatching()
    const [wales, scotland] = wrapper.findAll('select')
    await wales?.setValue('c')
    await scotland?.setValue('b')
    await wales?.setValue('')
    expect(wrapper.emitted('answer')).toEqual([[{ a: 'c' }], [{ a: 'c', b: 'b' }], [{ b: 'b' }]])
    wrapper.unmount()
  })

  it('shows the saved answer, locked and marked once checked, with the right matches in the review', () => {
    const checked = mountMatching('checked', { a: 'c', b: 'b' })
    expect(checked.findAll('select').map((select) => [(select.element as HTMLSelectElement).value, select.attributes('disabled') !== undefined])).toEqual([
      ['c', true],
      ['b', true],
    ])
    expect(marks(checked)).toEqual(['Your answer: incorrect', 'Your answer: correct'])
    expect(checked.find('.quiz-matching__answer').exists()).toBe(false)
    checked.unmount()
    const review = mountMatching('review', { b: 'b' })
    expect(marks(review)).toEqual([false, 'Your answer: correct'])
    expect(review.findAll('.quiz-matching__answer').map((answer) => answer.text())).toEqual(['The correct match is Cardiff.'])
    review.unmount()
  })
})
