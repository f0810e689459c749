import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { QUESTIONS } from './quiz-testing'
import type { QuestionMode } from './question-view'
import QuizMultipleResponse from './QuizMultipleResponse.vue'

function mountMultiple(mode: QuestionMode = 'answer', response?: string[]) {
  const wrapper = mount(QuizMultipleResponse, {
    props: {
      question: QUESTIONS.multiple,
      order: ['b', 'a', 'r'],
      response,
      mode,
      labelledBy: 'prompt',
      'onAnswer': (next: string[]) => void wrapper.setProps({ response: next }),
    },
    global: { plugins: [createAppI18n()] },
  })
  return wrapper
}

const labels = (wrapper: ReturnType<typeof mountMultiple>) => wrapper.findAll('label').map((label) => label.text().replace(/\s+/g, ' '))

describe('QuizMultipleResponse', () => {
  it('is a group of native checkboxes named by the prompt, in the attempt’s order, with a hint', () => {
    const wrapper = mountMultiple()
    expect(wrapper.get('[role="group"]').attributes('aria-labelledby')).toBe('prompt')
    expect(wrapper.text()).toContain('Choose every answer that applies.')
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(3)
    expect(labels(wrapper)).toEqual(['Loud', 'Blue', 'Red'])
  })

  it('answers with every ticked option, in authored order, and unticks', async () => {
    const wrapper = mountMultiple()
    const [loud, blue, red] = wrapper.findAll('input')
    await blue?.setValue(true)
    await red?.setValue(true)
    await loud?.setValue(true)
    await loud?.setValue(false)
    expect(wrapper.emitted('answer')).toEqual([[['a']], [['r', 'a']], [['r', 'a', 'b']], [['r', 'a']]])
  })

  it('marks what was ticked once checked, and what was missed in the review', () => {
    expect(labels(mountMultiple('checked', ['r', 'b']))).toEqual(['Loud Your answer: incorrect', 'Blue', 'Red Your answer: correct'])
    expect(labels(mountMultiple('review', ['r', 'b']))).toEqual(['Loud Your answer: incorrect', 'Blue Correct answer', 'Red Your answer: correct'])
  })
})
