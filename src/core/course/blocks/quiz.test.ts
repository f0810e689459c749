import { describe, expect, it } from 'vitest'
import { BANK, COURSE, loadTestCourse } from '../test-course'

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

describe('a bank that tests a module', () => {
  const course = (banks: string) => COURSE.replace('questionBanks: [bank.yaml]', `questionBanks: [${banks}]`)
  const tested = (module: string) => BANK.replace('id: bank\n', `id: tested\nmodule: ${module}\n`).replace('id: q\n', 'id: t\n')

  it('gives a quiz that draws per bank the module of each bank that names one', () => {
    const { blocks, problems } = loadTestCourse('# One {#one}\n\n::: quiz {id: quiz, bank: [bank, tested], draw: 1, drawPer: bank}\n:::\n', { 'course.yaml': course('bank.yaml, tested.yaml'), 'tested.yaml': tested('module') })
    expect(problems).toEqual([])
    expect(blocks[0]).toMatchObject({ pools: [{ name: 'bank', questionIds: ['q'] }, { name: 'tested', questionIds: ['t'], module: 'module' }] })
    expect((blocks[0] as { pools: object[] }).pools[0]).not.toHaveProperty('module')
  })

  it('must name a module the course has, reported where it is named', () => {
    const { problems } = loadTestCourse('# One {#one}\n\n::: quiz {id: quiz, bank: [bank, tested], draw: 1, drawPer: bank}\n:::\n', { 'course.yaml': course('bank.yaml, tested.yaml'), 'tested.yaml': tested('modul') })
    expect(problems).toEqual(['tested.yaml:2:9 error The bank names the module "modul", which the course does not have.'])
  })
})
