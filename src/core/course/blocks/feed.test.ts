import { describe, expect, it } from 'vitest'
import { BitReader, BitWriter } from '../../scorm/bits'
import { loadTestCourse } from '../test-course'
import { feedScore, feedTracking, type FeedBlock, type FeedEvent, type FeedState } from './feed'

const errors = (problems: string[]) => problems.filter((problem) => problem.includes(' error '))
const AT = '2026-12-05T10:00:00.000Z'

const FEED = `# One {#one}

::: feed {id: ward-feed, title: Your Page this morning}
intro: Two residents have posted.
posts:
  - id: bins
    author: Sam
    time: 2 h
    text: When do the new bin days start?
    options:
      - do: reply
        text: From 3 March.
        feedback: A clear answer.
        rating: best
      - do: hide
        feedback: Sam may think you are ignoring him.
        rating: poor
    own: A short answer with a link helps.
  - id: rant
    author: Alex
    avatar: 5
    text: The council are all crooks.
    comments:
      - author: Jo
        text: Hear, hear.
    options:
      - do: nothing
        feedback: Let it stand.
        rating: best
      - do: block
        feedback: It can look like silencing.
        rating: poor
:::
`

function feedOf(source = FEED): FeedBlock {
  const { blocks, problems } = loadTestCourse(source)
  expect(errors(problems)).toEqual([])
  return blocks[0] as FeedBlock
}

const run = (block: FeedBlock, events: FeedEvent[]) => events.reduce<FeedState | undefined>((state, event) => feedTracking.reduce(block, state, event), undefined)
const acted = (postId: string, choice: { option: string } | { own: string }): FeedEvent => ({ type: 'feed.acted', at: AT, blockId: 'ward-feed', postId, ...choice })

describe('practice feed block', () => {
  it('reads posts with their authors, drawings, replies and options, lettering the options', () => {
    const block = feedOf()
    expect(block).toMatchObject({ type: 'feed', id: 'ward-feed', title: 'Your Page this morning', intro: 'Two residents have posted.' })
    expect(block.posts.map((post) => [post.id, post.author, post.avatar, post.time])).toEqual([
      ['bins', 'Sam', 1, '2 h'],
      ['rant', 'Alex', 5, undefined],
    ])
    expect(block.posts[0]?.options.map((option) => [option.id, option.do, option.rating])).toEqual([
      ['a', 'reply', 'best'],
      ['b', 'hide', 'poor'],
    ])
    expect(block.posts[1]?.comments).toEqual([{ author: 'Jo', text: 'Hear, hear.' }])
  })

  it('refuses a reply without its draft, a draft on another action, a half-rated feed and a rated post with no best option, at their places', () => {
    const noDraft = FEED.replace('        text: From 3 March.\n', '')
    expect(errors(loadTestCourse(noDraft).problems)).toEqual([expect.stringMatching(/^module\.md:\d+:\d+ error A reply option needs the draft reply as its text\.$/)])
    const draftOnHide = FEED.replace('      - do: hide\n', '      - do: hide\n        text: Hidden.\n')
    expect(errors(loadTestCourse(draftOnHide).problems)).toEqual([expect.stringMatching(/error A "hide" option has no text; only replies do\.$/)])
    const halfRated = FEED.replace('        rating: poor\n    own:', '    own:')
    expect(errors(loadTestCourse(halfRated).problems)).toEqual([expect.stringMatching(/error Some options of this feed have a rating and some do not\.$/)])
    const noBest = FEED.replace('        feedback: Let it stand.\n        rating: best', '        feedback: Let it stand.\n        rating: acceptable')
    expect(errors(loadTestCourse(noBest).problems)).toEqual([expect.stringMatching(/error The post "rant" has no option rated best\.$/)])
  })

  it('keeps one action per post, an own reply only where the post allows one, and forgets everything on a restart', () => {
    const block = feedOf()
    const state = run(block, [acted('bins', { option: 'a' }), acted('bins', { option: 'b' }), acted('rant', { own: 'Thanks, Alex.' }), acted('nope', { option: 'a' }), acted('rant', { option: 'z' })])
    expect({ ...state }).toEqual({ bins: { option: 'a' } })
    expect({ ...run(block, [acted('bins', { own: 'From March; see the council page.' })]) }).toEqual({ bins: { own: 'From March; see the council page.' } })
    expect(run(block, [acted('bins', { own: '   ' })])).toBeUndefined()
    expect(feedTracking.reduce(block, state, { type: 'feed.restarted', blockId: 'ward-feed' })).toEqual({})
  })

  it('scores a rated feed by the posts met with a best option, and an unrated one not at all', () => {
    const block = feedOf()
    expect(feedScore(block, undefined)).toEqual({ best: 0, of: 2 })
    expect(feedScore(block, run(block, [acted('bins', { option: 'a' }), acted('rant', { option: 'b' })]))).toEqual({ best: 1, of: 2 })
    expect(feedScore(block, run(block, [acted('bins', { own: 'Mine.' })]))).toEqual({ best: 0, of: 2 })
    const unrated = feedOf(FEED.replaceAll(/\n\s+rating: \w+/g, ''))
    expect(feedScore(unrated, undefined)).toBeNull()
  })

  it('packs its state in suspend data and reads it back, leaving own replies out when text must go', () => {
    const block = feedOf()
    const state = run(block, [acted('bins', { own: 'From March — see the council’s page.' }), acted('rant', { option: 'b' })])
    const roundTrip = (keepText: boolean) => {
      const writer = new BitWriter()
      feedTracking.codec.write(writer, block, state, keepText)
      return feedTracking.codec.read(new BitReader(writer.toString()), block, AT)
    }
    expect({ ...roundTrip(true) }).toEqual({ bins: { own: 'From March — see the council’s page.' }, rant: { option: 'b' } })
    expect({ ...roundTrip(false) }).toEqual({ rant: { option: 'b' } })
    expect(feedTracking.codec.optionalTextBytes?.(block, state as FeedState)).toBeGreaterThan(0)
    expect(feedTracking.codec.shape([block])).toBe('ward-feed:bins=2+;rant=2')
  })
})
