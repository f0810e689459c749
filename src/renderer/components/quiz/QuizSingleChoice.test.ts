import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { QUESTIONS } from './quiz-testing'
import type { QuestionMode } from './question-view'
import QuizSingleChoice from './QuizSingleChoice.vue'

function mountChoice(mode: QuestionMode = 'answer', response?: string) {
  return mount(QuizSingleChoice, {
    props: { question: QUESTIONS.single, order: ['c', 'a', 'b'], response, mode, labelledBy: 'prompt' },
    global: { plugins: [createAppI18n()] },
  })
}

describe('QuizSingleChoice', () => {
  it('is one native radio group named by the prompt, in the attempt’s order, so arrow keys move between options', () => {
    const wrapper = mountChoice()
    expect(wrapper.get('[role="radiogroup"]').attributes('aria-labelledby')).toBe('prompt')
    const radios = wrapper.findAll('input[type="radio"]')
    expect(radios.map((radio) => radio.element.closest('label')?.textContent?.trim())).toEqual(['Potato', 'Apple', 'Carrot'])
    expect(new Set(radios.map((radio) => radio.attributes('name'))).size).toBe(1)
    expect(radios.every((radio) => !radio.attributes('disabled'))).toBe(true)
  })

  it('answers with the chosen option’s id', async () => {
    const wrapper = mountChoice()
    await wrapper.findAll('input')[2]?.setValue(true)
    expect(wrapper.emitted('answer')).toEqual([['b']])
  })

  it('once checked, locks the answer and marks only the learner’s choice', () => {
    const wrapper = mountChoice('checked', 'b')
    expect(wrapper.findAll('input').every((radio) => radio.attributes('disabled') !== undefined)).toBe(true)
    expect(wrapper.get('input:checked').attributes('value')).toBe('b')
    expect(wrapper.findAll('.quiz-mark').map((mark) => mark.text())).toEqual(['Your answer: incorrect'])
  })

  it('in the review, also points out the right answer', () => {
    const wrapper = mountChoice('review', 'b')
    const marks = wrapper.findAll('label').map((label) => label.find('.quiz-mark').exists() && label.get('.quiz-mark').text())
    expect(marks).toEqual([false, 'Correct answer', 'Your answer: incorrect'])
  })
})
