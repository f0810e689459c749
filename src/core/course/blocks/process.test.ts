import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../test-course'

const errors = (problems: string[]) => problems.filter((problem) => problem.includes(' error '))

describe('process block', () => {
  it('reads numbered steps, each a title and its Markdown', () => {
    const { blocks, problems } = loadTestCourse('# One {#one}\n\n:::: process {title: When a post goes wrong}\n::: step {title: Stop}\nDo not post again.\n:::\n::: step {title: Check}\nRead it again.\n:::\n::::\n')
    expect(errors(problems)).toEqual([])
    expect(blocks).toEqual([{ type: 'process', title: 'When a post goes wrong', steps: [{ title: 'Stop', markdown: 'Do not post again.' }, { title: 'Check', markdown: 'Read it again.' }] }])
  })

  it('refuses an empty step and a process of one step, at their places', () => {
    expect(errors(loadTestCourse('# One {#one}\n\n:::: process\n::: step {title: Stop}\n:::\n::: step {title: Check}\nRead it.\n:::\n::::\n').problems)).toEqual([
      expect.stringMatching(/^module\.md:\d+:1 error The step "Stop" is empty\.$/),
    ])
    expect(errors(loadTestCourse('# One {#one}\n\n:::: process\n::: step {title: Stop}\nStop.\n:::\n::::\n').problems)).toEqual([expect.stringMatching(/error .*step/)])
  })
})
