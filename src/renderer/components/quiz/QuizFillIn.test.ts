import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { QUESTIONS } from './quiz-testing'
import type { QuestionMode } from './question-view'
import QuizFillIn from './QuizFillIn.vue'

function mountFillIn(mode: QuestionMode = 'answer', response?: string) {
  return mount(QuizFillIn, {
    props: { question: QUESTIONS.fillIn, response, mode, labelledBy: 'prompt' },
    global: { plugins: [createAppI18n()] },
    attachTo: document.body,
  })
}

describe('QuizFillIn', () => {
  it('is a text box labelled "Your answer" and described by the prompt, answering as the learner types', async () => {
    const wrapper = mountFillIn()
    const input = wrapper.get('input')
    expect(document.querySelector(`label[for="${input.attributes('id')}"]`)?.textContent).toBe('Your answer')
    expect(input.attributes('aria-describedby')).toBe('prompt')
    expect(input.attributes('maxlength')).toBe('255')
    await input.setValue('Local')
    await input.setValue('Localism')
    expect(wrapper.emitted('answer')).toEqual([['Local'], ['Localism']])
    wrapper.unmount()
  })

  it('keeps the answer readable but unchangeable once checked, marked with the core scoring (spacing and case ignored)', () => {
    const right = mountFillIn('checked', '  LOCALISM ')
    expect(right.get('input').attributes('readonly')).toBeDefined()
    expect(right.get('.quiz-mark').text()).toBe('Your answer: correct')
    right.unmount()
    const wrong = mountFillIn('checked', 'Decency')
    expect(wrong.get('.quiz-mark').text()).toBe('Your answer: incorrect')
    expect(wrong.text()).not.toContain('Answers accepted')
    wrong.unmount()
  })

  it('lists the accepted answers in the review', () => {
    const wrapper = mountFillIn('review', 'Decency')
    expect(wrapper.get('.quiz-fill-in__accepted').text()).toBe('Answers accepted: Localism, localism act')
    wrapper.unmount()
  })
})
