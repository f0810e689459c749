import { describe, expect, it } from 'vitest'
import { loadCourse } from '../load-course'
import type { CourseSourceFile } from '../source'

const COURSE = `id: test
version: 1.0.0
title: Test
summary: A test.
language: en
minutes: 1
jurisdiction: wales
lastReviewed: 2026-01-01
passMark: 60
completion: [all-pages-viewed]
licence: CC0-1.0
questionBanks: [bank.yaml]
modules: [module.md]
`
const MODULE = '---\nid: module\ntitle: Module\nobjectives: [Learn.]\nminutes: 1\n---\n# One {#one}\n\n'
const BANK = `id: bank
questions:
  - id: q
    type: true-false
    prompt: True?
    answer: true
    feedback: {correct: Yes., incorrect: No.}
    explanation: Because.
`

function loadQuiz(attributes: string) {
  const files = new Map<string, CourseSourceFile>()
  for (const [path, text] of Object.entries({ 'course.yaml': COURSE, 'module.md': `${MODULE}::: quiz {id: quiz, bank: bank${attributes}}\n:::\n`, 'bank.yaml': BANK })) {
    files.set(path, { kind: 'text', size: text.length, text })
  }
  const result = loadCourse({ files, problems: [] })
  return {
    quiz: result.bundle?.content.en?.modules[0]?.pages[0]?.blocks[0],
    problems: result.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`),
  }
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
