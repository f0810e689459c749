import type { FeedBlock } from '../../src/core/course/blocks/feed'

/** A small rated practice feed, as the loader builds it: one post to reply to, one to leave. */
export const wardFeed: FeedBlock = {
  type: 'feed',
  id: 'ward-feed',
  title: 'Your Page this morning',
  intro: 'Two residents have posted on your Page.',
  posts: [
    {
      id: 'bins',
      author: 'Sam',
      avatar: 1,
      time: '2 h',
      text: 'When do the new bin days start?',
      comments: [{ author: 'Jo', text: 'Same question here.' }],
      options: [
        { id: 'a', do: 'reply', text: 'From 3 March.', feedback: 'A clear answer where everyone can see it.', rating: 'best' },
        { id: 'b', do: 'hide', feedback: 'Sam may think you are ignoring him.', rating: 'poor' },
      ],
      own: 'A short answer with a link helps everyone who wonders.',
    },
    {
      id: 'rant',
      author: 'Alex',
      avatar: 5,
      text: 'The council are all crooks.',
      comments: [],
      options: [
        { id: 'a', do: 'nothing', feedback: 'Angry but not abusive: let it stand.', rating: 'best' },
        { id: 'b', do: 'block', feedback: 'Blocking a critic can look like silencing them.', rating: 'poor' },
      ],
    },
  ],
}
