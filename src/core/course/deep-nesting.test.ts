import fc from 'fast-check'
import { dump } from 'js-yaml'
import { cpuUsage } from 'node:process'
import { describe, expect, it } from 'vitest'
import { parseDocument, stringify } from 'yaml'
import { LIMITS } from './limits'
import { createCourseMarkdown, MAX_NESTING } from './markdown'
import { ProblemList } from './problems'
import { loadTestCourse } from './test-course'
import { findDeepNesting } from './yaml-depth'
import { parseYaml } from './yaml-source'

const QUIZ = '# One {#one}\n\n::: quiz {id: quiz, bank: bank}\n:::\n'
const TOO_DEEP = `error The YAML is nested more than ${LIMITS.yamlDepth} levels deep here (lists and mappings inside each other), so it was not read.`
/** Half a million levels: just under the 1 MB a course's text file may have. */
const LEVELS = 500_000

/** A question bank whose questions are `nested`, written after "questions:" on line 2. */
function deepBank(nested: string): string {
  return `id: bank\nquestions: ${nested}\n`
}

function cpuMs(run: () => void): number {
  const before = cpuUsage()
  run()
  const used = cpuUsage(before)
  return (used.user + used.system) / 1000
}

describe('deeply nested YAML', () => {
  it('refuses a megabyte of [[[[ with a located error, at less cost than a normal file of that size', () => {
    const deep = deepBank('['.repeat(LEVELS) + ']'.repeat(LEVELS))
    // A bank of the same size that loads normally, to compare the cost with on this machine now.
    const question = '  - {id: q%, type: true-false, prompt: True?, answer: %%, feedback: {correct: Yes., incorrect: No.}, explanation: Because.}\n'
    let normal = 'id: bank\nquestions:\n'
    for (let index = 0; normal.length < deep.length; index++) normal += question.replace('%%', String(index % 2 === 0)).replace('%', String(index))

    let deepResult: ReturnType<typeof loadTestCourse> | undefined
    let normalResult: ReturnType<typeof loadTestCourse> | undefined
    const deepCost = cpuMs(() => (deepResult = loadTestCourse(QUIZ, { 'bank.yaml': deep })))
    const normalCost = cpuMs(() => (normalResult = loadTestCourse(QUIZ, { 'bank.yaml': normal })))

    // The root mapping is one level, so the 50th [ (at column 12 + 49) is the 51st.
    expect(deepResult?.problems).toContain(`bank.yaml:2:61 ${TOO_DEEP}`)
    expect(normalResult?.problems).toEqual([])
    // Parsing it would cost seconds and a gigabyte (or crash); refused, it costs a few lexer tokens.
    expect(deepCost).toBeLessThan(normalCost)
  })

  it('refuses a megabyte of nested block lists, "- - - …", with a located error', () => {
    const { problems } = loadTestCourse(QUIZ, { 'bank.yaml': deepBank(`\n${'- '.repeat(LEVELS)}x`) })
    // The mapping and the list of "questions" are two levels: the 50th "-" on line 3 is the 51st.
    expect(problems).toContain(`bank.yaml:3:99 ${TOO_DEEP}`)
  })

  it('refuses mappings indented ever deeper with a located error', () => {
    let staircase = ''
    for (let level = 0; staircase.length < 1_000_000; level++) staircase += `${' '.repeat(level)}key:\n`
    const { problems } = loadTestCourse(QUIZ, { 'bank.yaml': staircase })
    expect(problems).toContain(`bank.yaml:51:51 ${TOO_DEEP}`)
  })

  it('refuses deep nesting in a module’s front matter and in a block’s attributes, where they are written', () => {
    const front = loadTestCourse(QUIZ, { 'module.md': `---\nid: module\ntitle: Module\nobjectives: ${'['.repeat(LEVELS)}\nminutes: 1\n---\n${QUIZ}` })
    // The 50th [ after "objectives: ", in the mapping that is the first level.
    expect(front.problems).toContain(`module.md:4:62 ${TOO_DEEP}`)
    const attributes = loadTestCourse(`# One {#one}\n\n::: callout {kind: tip, x: ${'{a: '.repeat(LEVELS / 4)}}\nText.\n:::\n`)
    // The ::: line follows the 6 lines of front matter and the heading's 2; the attributes are the
    // first level, x the second, and each "{a: " one more: the 51st starts at 28 + 49 × 4.
    expect(attributes.problems).toContain(`module.md:9:224 ${TOO_DEEP}`)
  })

  it('reads YAML exactly as deep as the limit, and refuses one level more', () => {
    const read = (text: string) => {
      const problems = new ProblemList()
      const source = parseYaml(text, 'file.yaml', problems)
      return { value: source?.value, problems: problems.all().map((problem) => `${problem.line}:${problem.column} ${problem.message}`) }
    }
    const limit = LIMITS.yamlDepth
    expect(read(`${'['.repeat(limit)}${']'.repeat(limit)}`).problems).toEqual([])
    expect(read(`${'['.repeat(limit + 1)}${']'.repeat(limit + 1)}`).problems).toEqual([`1:${limit + 1} ${TOO_DEEP.replace('error ', '')}`])
    const block = (levels: number) => Array.from({ length: levels }, (_, level) => `${' '.repeat(level)}k:`).join('\n') + ' x\n'
    expect(read(block(limit)).problems).toEqual([])
    expect(read(block(limit + 1)).problems).toEqual([`${limit + 1}:${limit + 1} ${TOO_DEEP.replace('error ', '')}`])
  })

  it('counts the depth of the value however the YAML is written, and ignores brackets in text', () => {
    const depth = (value: unknown): number => (value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0)
    /** The smallest limit the text stays within. */
    const measured = (text: string) => {
      let limit = 0
      while (findDeepNesting(text, limit) !== undefined) limit++
      return limit
    }
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(4), (value, style) => {
        const texts = [stringify(value), stringify(value, { collectionStyle: 'flow' }), stringify(value, { indentSeq: false }), dump(value), dump(value, { flowLevel: 2, indent: 1 })]
        const text = texts[style] ?? ''
        // A writer may get it wrong: js-yaml writes the key "(:{" bare in a flow mapping, which
        // neither parser reads back. Text the parser rejects may count deeper, never shallower.
        if (parseDocument(text).errors.length === 0) expect(measured(text)).toBe(depth(value))
        else expect(measured(text)).toBeGreaterThanOrEqual(depth(value))
      }),
      { numRuns: 300 },
    )
    // The case that showed it (fast-check's seed -488279414): the text is refused, and counted deeper.
    const misWritten = dump({ '': [[{ '(:{': '' }]] }, { flowLevel: 2, indent: 1 })
    expect(parseDocument(misWritten).errors).not.toEqual([])
    expect(measured(misWritten)).toBe(5)
    expect(measured('a: "[[[[" \nb: \'{{{\'\nc: |\n  [[[[\n  - - - -\nd: text [with {brackets\n# [[[[\n')).toBe(1)
  })

  it('still refuses alias bombs', () => {
    const problems = new ProblemList()
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n')
    expect(parseYaml(bomb, 'file.yaml', problems)).toBeUndefined()
    expect(problems.errorCount).toBe(1)
  })
})

describe('deeply nested Markdown', () => {
  it('stops at a bounded depth, so a megabyte of "> > > …" or "- - - …" loads without trouble', () => {
    expect((createCourseMarkdown().options as { maxNesting?: number }).maxNesting).toBe(MAX_NESTING)
    for (const marker of ['> ', '- ']) {
      const { problems } = loadTestCourse(`# One {#one}\n\n${marker.repeat(LEVELS)}x\n\n::: quiz {id: quiz, bank: bank}\n:::\n`)
      expect(problems.filter((problem) => problem.includes(' error '))).toEqual([])
    }
  })
})
