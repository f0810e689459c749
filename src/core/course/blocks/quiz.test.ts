import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../test-course'

function loadQuiz(attributes: string) {
  const { blocks, problems } = loadTestCourse(`# One {#one}\n\n::: quiz {id: quiz, bank: bank${attributes}}\n:::\n`)
  return { quiz: blocks[0], problems }
}

describe('quiz feedback timing', () => {
  it('shows feedback as each answer is checked unless the author says otherwise', () => {
    const { quiz, problems } = loadQuiz('')
    expect(problems).toEqual([])
    expect(quiz?.type).toBe('quiz')
    expect(quiz).not.toHaveProperty('feedback')
    expect(loadQuiz(', feedback: immediate').quiz).not.toHaveProperty('feedback')
  })

  it('keeps feedback for the end of the quiz when the author asks for it', () => {
    const { quiz, problems } = loadQuiz(', feedback: end')
    expect(problems).toEqual([])
    expect(quiz).toMatchObject({ type: 'quiz', feedback: 'end' })
  })

  it('reports any other timing at its value on the ::: line', () => {
    const { quiz, problems } = loadQuiz(', feedback: later')
    expect(quiz).toBeUndefined()
    expect(problems).toContain('module.md:9:43 error "feedback" cannot be "later".')
  })
})
