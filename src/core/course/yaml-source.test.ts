import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ProblemList } from './problems'
import { checkSchema, parseYaml } from './yaml-source'

const Schema = z
  .object({
    title: z.string().min(1),
    kind: z.enum(['tip', 'note', 'warning']).optional(),
    items: z.array(z.object({ text: z.string(), correct: z.boolean().optional() }).strict()).optional(),
    minutes: z.number().int().optional(),
  })
  .strict()

function check(text: string, origin?: { line: number; column: number }) {
  const problems = new ProblemList()
  const source = parseYaml(text, 'file.yaml', problems, origin)
  const value = source && checkSchema(Schema, source.value, source, problems)
  return { value, problems: problems.all().map((problem) => `${problem.line}:${problem.column} ${problem.message}${problem.hint ? ` | ${problem.hint}` : ''}`) }
}

describe('parseYaml and checkSchema', () => {
  it('returns the value when it fits the schema', () => {
    expect(check('title: Hello\nkind: tip\n')).toEqual({ value: { title: 'Hello', kind: 'tip' }, problems: [] })
  })

  it('locates syntax errors, shifted by where the YAML starts in its file', () => {
    expect(check('title: "Hello\n', { line: 5, column: 1 }).problems[0]).toMatch(/^6:1 YAML: /)
    expect(check('{title: Hello, kind: [tip}', { line: 3, column: 12 }).problems[0]).toMatch(/^3:\d+ YAML: /)
  })

  it('reports an unknown key where it is written, with a "did you mean"', () => {
    expect(check('title: Hello\nitems:\n  - text: One\n    corect: true\n').problems).toEqual(['4:5 Unknown key "corect" in "items[0]". | Did you mean "correct"?'])
  })

  it('reports a misspelt required key once, as unknown, not also as missing', () => {
    expect(check('titel: Hello\n').problems).toEqual(['1:1 Unknown key "titel". | Did you mean "title"?'])
  })

  it('names the allowed values of an enum, or the nearest one', () => {
    expect(check('title: A\nkind: tipp\n').problems).toEqual(['2:7 "kind" cannot be "tipp". | Did you mean "tip"?'])
    expect(check('title: A\nkind: danger\n').problems).toEqual(['2:7 "kind" cannot be "danger". | Expected one of: tip, note, warning.'])
  })

  it('explains wrong types in words, with a hint for numbers meant as text', () => {
    expect(check('title: 2026\n').problems).toEqual(['1:8 "title" should be text, not the number 2026. | Put the value in quotes: "2026".'])
    expect(check('title: A\nminutes: ten\n').problems).toEqual(['2:10 "minutes" should be a number, not text "ten".'])
  })

  it('reports missing keys at their mapping', () => {
    expect(check('kind: tip\n').problems).toEqual(['1:1 "title" is missing.'])
  })

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, index) => `${name}: &${name} [${Array(8).fill(`*${'abcdefg'[index]}`).join(', ')}]`)].join('\n')
    const result = check(bomb)
    expect(result.value).toBeUndefined()
    expect(result.problems[0]).toContain('YAML')
  })
})
