import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../course/test-course'

/** A course whose one quiz asks the given questions (YAML, indented as list items of the bank). */
const withQuestions = (questions: string) => loadTestCourse('# One {#one}\n\n::: quiz {id: quiz, bank: bank}\n:::\n', { 'bank.yaml': `id: bank\nquestions:\n${questions}` })
const errors = (problems: string[]) => problems.filter((problem) => problem.includes(' error '))
const common = '    prompt: Q?\n    explanation: Because.\n    feedback: {correct: Yes., incorrect: No.}\n'

describe('texts a learner must tell apart', () => {
  it('refuses each repeated group and item of a sort question at its own line, whatever its case and spaces', () => {
    const sort = `  - id: s\n    type: sort\n${common}    groups:\n      - name: Public\n        items: [Bins, Parking]\n      - name: " public "\n        items: [bins, Housing]\n`
    expect(errors(withQuestions(sort).problems)).toEqual([
      'bank.yaml:11:15 error The group " public " appears twice.',
      'bank.yaml:12:17 error The item "bins" appears twice.',
    ])
  })

  it('refuses each repeated prompt and match of a matching question, distractors included', () => {
    const matching = `  - id: m\n    type: matching\n${common}    pairs:\n      - {prompt: Wales, match: Cardiff}\n      - {prompt: wales, match: Edinburgh}\n    distractors: [CARDIFF]\n`
    expect(errors(withQuestions(matching).problems).map((problem) => problem.replace(/^\S+ /, ''))).toEqual(['error The prompt "wales" appears twice.', 'error The match "CARDIFF" appears twice.'])
  })
})
