import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../test-course'

/** The test course's bank goes unused here: only errors matter. */
const errors = (problems: string[]) => problems.filter((problem) => problem.includes(' error '))
const deck = (cards: string) => `# One {#one}\n\n:::: flashcards {title: Words to know}\n${cards}::::\n`

describe('flashcards block', () => {
  it('reads a deck: each card’s front from its attribute, its back from its Markdown', () => {
    const { blocks, problems } = loadTestCourse(deck('::: card {front: Predisposition}\nA view held with a mind **still open**.\n:::\n::: card {front: "Predetermination"}\nA closed mind.\n:::\n'))
    expect(errors(problems)).toEqual([])
    expect(blocks).toEqual([
      {
        type: 'flashcards',
        title: 'Words to know',
        cards: [
          { front: 'Predisposition', back: 'A view held with a mind **still open**.' },
          { front: 'Predetermination', back: 'A closed mind.' },
        ],
      },
    ])
  })

  it('refuses a card with nothing on its back, a deck of one card, and a card without a front, each at its place', () => {
    expect(errors(loadTestCourse(deck('::: card {front: A}\n:::\n::: card {front: B}\nB.\n:::\n')).problems)).toEqual([
      expect.stringMatching(/^module\.md:\d+:1 error The card "A" has nothing on its back\.$/),
    ])
    expect(errors(loadTestCourse(deck('::: card {front: A}\nA.\n:::\n')).problems)).toEqual([expect.stringMatching(/^module\.md:\d+:\d+ error .*card/)])
    expect(errors(loadTestCourse(deck('::: card\nA.\n:::\n::: card {front: B}\nB.\n:::\n')).problems)).toContainEqual('module.md:10:1 error The attribute "front" is missing.')
  })
})
