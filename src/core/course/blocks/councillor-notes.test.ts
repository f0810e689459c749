import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../test-course'

const errors = (problems: string[]) => problems.filter((problem) => problem.includes(' error '))

describe('councillor-notes block', () => {
  it('reads each note with who it is from and its kind, and the mark that the notes are illustrative', () => {
    const { blocks, problems } = loadTestCourse(
      '# One {#one}\n\nReply within three days.\n\n:::: councillor-notes {illustrative: true}\n::: note {from: "A town councillor", kind: experience}\nI say so in my bio.\n:::\n::: note {from: A county councillor, kind: answer}\nNo, not every comment.\n:::\n::::\n',
    )
    expect(errors(problems)).toEqual([])
    expect(blocks[1]).toEqual({
      type: 'councillor-notes',
      illustrative: true,
      notes: [
        { from: 'A town councillor', kind: 'experience', markdown: 'I say so in my bio.' },
        { from: 'A county councillor', kind: 'answer', markdown: 'No, not every comment.' },
      ],
    })
    const { blocks: real } = loadTestCourse('# One {#one}\n\n:::: councillor-notes\n::: note {from: A clerk, kind: answer}\nYes.\n:::\n::::\n')
    expect(real[0]).toEqual({ type: 'councillor-notes', notes: [{ from: 'A clerk', kind: 'answer', markdown: 'Yes.' }] })
  })

  it('refuses an empty note, a note without its author or with a kind it does not know, and notes with none inside, at their places', () => {
    const empty = errors(loadTestCourse('# One {#one}\n\n:::: councillor-notes\n::: note {from: A clerk, kind: answer}\n:::\n::::\n').problems)
    expect(empty).toEqual([expect.stringMatching(/^module\.md:\d+:1 error The note from "A clerk" is empty\.$/)])
    expect(errors(loadTestCourse('# One {#one}\n\n:::: councillor-notes\n::: note {kind: answer}\nYes.\n:::\n::::\n').problems)).toContainEqual(expect.stringMatching(/^module\.md:\d+:10 error "from" is missing\.$/))
    expect(errors(loadTestCourse('# One {#one}\n\n:::: councillor-notes\n::: note {from: A clerk, kind: rumour}\nYes.\n:::\n::::\n').problems)).toContainEqual(expect.stringMatching(/^module\.md:\d+:\d+ error .*kind/))
    expect(errors(loadTestCourse('# One {#one}\n\n:::: councillor-notes\n::::\n').problems)).toEqual([expect.stringMatching(/error .*note/)])
  })
})
