import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../test-course'
import { learnerBlocks } from './learner-blocks'

/** The test course's bank goes unused here: only errors matter. */
const errors = (problems: string[]) => problems.filter((problem) => problem.includes(' error '))

describe('notes block', () => {
  it('keeps a trainer’s speaker notes in the page, where learners’ blocks leave them out', () => {
    const { blocks, problems } = loadTestCourse('# One {#one}\n\nRead this.\n\n::: notes\nAsk who has **seen** a post like this.\n:::\n')
    expect(errors(problems)).toEqual([])
    expect(blocks.map((block) => block.type)).toEqual(['text', 'notes'])
    expect(blocks[1]).toEqual({ type: 'notes', markdown: 'Ask who has **seen** a post like this.' })
    expect(learnerBlocks(blocks).map((block) => block.type)).toEqual(['text'])
  })

  it('refuses empty notes and attributes they do not have, with the place', () => {
    expect(errors(loadTestCourse('# One {#one}\n\n::: notes\n:::\n').problems)).toEqual([expect.stringMatching(/^module\.md:\d+:1 error The notes block is empty\.$/)])
    expect(errors(loadTestCourse('# One {#one}\n\n::: notes {title: X}\nSay this.\n:::\n').problems)).toEqual([expect.stringMatching(/^module\.md:\d+:\d+ error .*title/)])
  })
})
