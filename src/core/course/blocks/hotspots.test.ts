import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../test-course'

/** The test course's bank goes unused here: only errors matter. */
const errors = (problems: string[]) => problems.filter((problem) => problem.includes(' error '))
const picture = (spots: string, attributes = 'src: photo.png, alt: "A councillor\'s page"') => `# One {#one}\n\n:::: hotspots {${attributes}}\n${spots}::::\n`
const two = '::: spot {x: 20, y: 25, title: Profile picture}\nA clear photo of **you**.\n:::\n::: spot {x: 70, y: 60, title: Bio}\nWhat the account is for.\n:::\n'

describe('hotspots block', () => {
  it('reads a picture and its points: where each is in percent, its title, and its text', () => {
    const { blocks, problems } = loadTestCourse(picture(two))
    expect(errors(problems)).toEqual([])
    expect(blocks).toEqual([
      {
        type: 'hotspots',
        src: 'photo.png',
        alt: "A councillor's page",
        spots: [
          { x: 20, y: 25, title: 'Profile picture', markdown: 'A clear photo of **you**.' },
          { x: 70, y: 60, title: 'Bio', markdown: 'What the account is for.' },
        ],
      },
    ])
  })

  it('refuses a point that says nothing, a point off the picture, a missing picture and an empty description, each at its place', () => {
    expect(errors(loadTestCourse(picture('::: spot {x: 20, y: 25, title: A}\n:::\n::: spot {x: 1, y: 1, title: B}\nB.\n:::\n')).problems)).toEqual([
      expect.stringMatching(/^module\.md:\d+:1 error The point "A" says nothing\.$/),
    ])
    expect(errors(loadTestCourse(picture('::: spot {x: 120, y: 25, title: A}\nA.\n:::\n::: spot {x: 1, y: 1, title: B}\nB.\n:::\n')).problems)).toContainEqual('module.md:10:14 error "x" must be at most 100.')
    expect(errors(loadTestCourse(picture(two, 'src: media/missing.png, alt: A page')).problems)).toEqual([expect.stringMatching(/error The file "media\/missing\.png" does not exist\./)])
    expect(errors(loadTestCourse(picture(two, 'src: photo.png, alt: " "')).problems)).toEqual([expect.stringMatching(/error "alt" is empty: describe the picture/)])
  })
})
