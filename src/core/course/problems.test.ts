import { describe, expect, it } from 'vitest'
import { formatProblem, nearest, ProblemList, suggestion } from './problems'

describe('did you mean', () => {
  it('suggests a close candidate and nothing for a distant one', () => {
    expect(nearest('calout', ['callout', 'image', 'video'])).toBe('callout')
    expect(nearest('banana', ['callout', 'image', 'video'])).toBeUndefined()
    expect(suggestion('banana', ['tip', 'note'])).toBe('Expected one of: tip, note.')
  })
})

describe('ProblemList', () => {
  it('lists problems sorted by file and position, and counts errors', () => {
    const problems = new ProblemList()
    problems.warning('b.md', { line: 2, column: 1 }, 'Second.')
    problems.error('a.md', () => ({ line: 9, column: 3 }), 'First.', 'A hint.')
    expect(problems.errorCount).toBe(1)
    expect(problems.all().map((problem) => formatProblem(problem))).toEqual(['a.md:9:3 error First.\n  hint: A hint.', 'b.md:2:1 warning Second.'])
  })

  it('lists at most 50 problems per file and counts the rest', () => {
    const problems = new ProblemList()
    for (let line = 1; line <= 70; line++) problems.error('big.yaml', { line, column: 1 }, `Problem ${line}.`)
    const all = problems.all()
    expect(all).toHaveLength(51)
    expect(all).toContainEqual(expect.objectContaining({ line: 1, column: 1, severity: 'error', message: '20 more problems in this file are not listed.' }))
    expect(problems.errorCount).toBe(70)
  })
})
