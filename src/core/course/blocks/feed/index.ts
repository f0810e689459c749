import { bitsFor } from '../../../scorm/bits'
import { idRecord, ownValue, withId } from '../../../progress/id-record'
import type { TrackedBlockType } from '../tracked-contract'
import { MAX_OWN_REPLY } from './limits'
import type { FeedBlock, FeedEvent, FeedState } from './schema'

export type { FeedBlock, FeedEvent, FeedState } from './schema'

type Post = FeedBlock['posts'][number]

/** Longer texts than this are not data any own reply could hold (up to 4 bytes a character). */
const MAX_OWN_BYTES = MAX_OWN_REPLY * 4

/** Where the author rated every option: the learner's score is the posts they met with a best option. */
export function feedScore(block: FeedBlock, state: FeedState | undefined): { best: number; of: number } | null {
  if (!block.posts.every((post) => post.options.every((option) => option.rating !== undefined))) return null
  const best = block.posts.filter((post) => {
    const done = state ? ownValue(state, post.id) : undefined
    return done && 'option' in done && post.options.find((option) => option.id === done.option)?.rating === 'best'
  }).length
  return { best, of: block.posts.length }
}

/** A practice feed keeps what the learner did with each post: one choice each, until they start again. */
export const feedTracking: TrackedBlockType<FeedBlock, FeedState, FeedEvent, 'feeds'> = {
  type: 'feed',
  slice: 'feeds',
  events: ['feed.acted', 'feed.restarted'],

  reduce(block, state, event) {
    switch (event.type) {
      case 'feed.acted': {
        const post = block.posts.find((candidate) => candidate.id === event.postId)
        // One action per post, as on a real page: the learner starts the feed again to change it.
        if (!post || (state && ownValue(state, post.id) !== undefined)) return state
        if (event.option !== undefined && event.own === undefined && post.options.some((option) => option.id === event.option)) {
          return withId(state ?? idRecord(), post.id, { option: event.option })
        }
        if (event.own !== undefined && event.option === undefined && post.own !== undefined && event.own.trim() !== '') {
          return withId(state ?? idRecord(), post.id, { own: event.own })
        }
        return state
      }
      case 'feed.restarted':
        return state === undefined ? state : idRecord()
    }
  },

  codec: {
    shape: (blocks) => blocks.map((block) => `${block.id}:${block.posts.map((post) => `${post.id}=${post.options.length}${post.own === undefined ? '' : '+'}`).join(';')}`).join('|'),
    write(writer, block, state, keepText) {
      writer.bool(state !== undefined)
      if (state === undefined) return
      for (const post of block.posts) {
        const done = ownValue(state, post.id)
        // 0: nothing yet; 1..n: an option; n + 1: the learner's own reply, then its text.
        const own = done !== undefined && 'own' in done && post.own !== undefined && keepText
        const option = done !== undefined && 'option' in done ? post.options.findIndex((candidate) => candidate.id === done.option) : -1
        writer.uint(own ? post.options.length + 1 : option + 1, codeBits(post))
        if (own) writer.text(done.own)
      }
    },
    read(reader, block) {
      if (!reader.bool()) return undefined
      let state: FeedState = idRecord()
      for (const post of block.posts) {
        const code = reader.uint(codeBits(post))
        if (code === 0) continue
        if (code <= post.options.length) state = withId(state, post.id, { option: (post.options[code - 1] as Post['options'][number]).id })
        else if (code === post.options.length + 1 && post.own !== undefined) state = withId(state, post.id, { own: reader.text(MAX_OWN_BYTES) })
        else throw new Error('a feed post has no such choice')
      }
      return state
    },
    // Own replies are optional texts, left out to fit: the worst case is the last option everywhere.
    longest: (block) => block.posts.reduce<FeedState>((state, post) => withId(state, post.id, { option: (post.options.at(-1) as Post['options'][number]).id }), idRecord()),
    optionalTextBytes: (_block, state) => Object.values(state).reduce((sum, done) => sum + ('own' in done ? done.own.length * 3 : 0), 0),
  },
}

/** Room for "nothing yet", each option and an own reply. */
function codeBits(post: Post): number {
  return bitsFor(post.options.length + 1)
}
