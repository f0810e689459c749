import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { QUESTIONS } from './quiz-testing'
import type { QuestionMode } from './question-view'
import QuizTrueFalse from './QuizTrueFalse.vue'

const labels = (wrapper: ReturnType<typeof mountTrueFalse>) => wrapper.findAll('label').map((label) => label.text().replace(/\s+/g, ' '))

function mountTrueFalse(mode: QuestionMode = 'answer', response?: boolean, locale: 'en' | 'cy' = 'en') {
  return mount(QuizTrueFalse, {
    props: { question: QUESTIONS.trueFalse, response, mode, labelledBy: 'prompt' },
    global: { plugins: [createAppI18n(locale)] },
  })
}

describe('QuizTrueFalse', () => {
  it('is a radio group of True and False named by the prompt, answering with a boolean', async () => {
    const wrapper = mountTrueFalse()
    expect(wrapper.get('[role="radiogroup"]').attributes('aria-labelledby')).toBe('prompt')
    expect(labels(wrapper)).toEqual(['True', 'False'])
    await wrapper.findAll('input')[1]?.setValue(true)
    await wrapper.findAll('input')[0]?.setValue(true)
    expect(wrapper.emitted('answer')).toEqual([[false], [true]])
  })

  it('speaks Welsh', () => {
    expect(labels(mountTrueFalse('answer', undefined, 'cy'))).toEqual(['Gwir', 'Gau'])
  })

  it('marks the answer once checked, and the right one in the review', () => {
    expect(labels(mountTrueFalse('checked', true))).toEqual(['True Your answer: incorrect', 'False'])
    expect(labels(mountTrueFalse('review', true))).toEqual(['True Your answer: incorrect', 'False Correct answer'])
    expect(mountTrueFalse('checked', false).findAll('input').every((input) => input.attributes('disabled') !== undefined)).toBe(true)
  })
})
