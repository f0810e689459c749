import { z } from 'zod'
import { CHOICE_KEYS, IdSchema } from '../../ids'
import { EventId, Timestamp } from '../../../progress/event-fields'
import type { BlockDefinition } from '../definition'
import type { TrackingDefinition } from '../tracked-contract'
import { AVATARS } from '../scenario/schema'
import { MAX_OWN_REPLY } from './limits'

/** What a learner can do with a post, as on any platform. */
export const FEED_ACTIONS = ['reply', 'like', 'hide', 'block', 'report', 'officer', 'police', 'nothing'] as const
/** How good an action is, where the author gives a rubric. */
export const FEED_RATINGS = ['best', 'acceptable', 'poor'] as const
const MAX_POSTS = 8
/** Enough options to practise judgement; the suspend-data codec packs a choice in a few bits. */
const MAX_OPTIONS = 6

const AuthoredOptionSchema = z
  .object({
    do: z.enum(FEED_ACTIONS).describe('What the learner does: reply, like, hide, block, report (to the platform), officer (pass it to a council officer), police or nothing.'),
    text: z.string().min(1).optional().describe('For a reply: the draft the learner would post, in Markdown (inline).'),
    feedback: z.string().min(1).describe('What happens next and why, in Markdown: tied to the code of conduct, the rules of engagement or the misinformation steps.'),
    rating: z.enum(FEED_RATINGS).optional().describe('How good this choice is, for the score: best, acceptable or poor. Rate every option of the feed, or none.'),
  })
  .strict()

const AuthoredPostSchema = z
  .object({
    id: IdSchema,
    author: z.string().min(1).describe('Who posted it, as shown: a fictional resident, "Wexbridge Residents Group".'),
    avatar: z.number().int().min(1).max(AVATARS).optional().describe(`Which of the ${AVATARS} drawings shows the author.`),
    time: z.string().min(1).optional().describe('When, as the platform shows it: "2 h", "Yesterday".'),
    text: z.string().min(1).describe('The post, in Markdown.'),
    comments: z
      .array(z.object({ author: z.string().min(1), text: z.string().min(1) }).strict())
      .max(MAX_POSTS)
      .default([])
      .describe('Replies already under the post, for context.'),
    options: z.array(AuthoredOptionSchema).min(2).max(MAX_OPTIONS).describe('What the learner can do with the post.'),
    own: z
      .string()
      .min(1)
      .optional()
      .describe('Lets the learner write their own reply; this is what they are shown after posting it, to compare with their own (unscored).'),
  })
  .strict()

export const FeedAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course; the learner’s choices are kept under it.'),
    title: z.string().min(1),
  })
  .strict()

export const FeedBodySchema = z
  .object({
    intro: z.string().min(1).optional().describe('Who the learner is and where, in Markdown: "It is Monday morning. These are on your councillor Page."'),
    posts: z.array(AuthoredPostSchema).min(1).max(MAX_POSTS),
  })
  .strict()

const OptionSchema = z
  .object({ id: z.string(), do: z.enum(FEED_ACTIONS), text: z.string().optional(), feedback: z.string(), rating: z.enum(FEED_RATINGS).optional() })
  .strict()

export const FeedBlockSchema = z
  .object({
    type: z.literal('feed'),
    id: IdSchema,
    title: z.string(),
    intro: z.string().optional(),
    posts: z.array(
      z
        .object({
          id: z.string(),
          author: z.string(),
          avatar: z.number().int().min(1).max(AVATARS),
          time: z.string().optional(),
          text: z.string(),
          comments: z.array(z.object({ author: z.string(), text: z.string() }).strict()),
          options: z.array(OptionSchema),
          own: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict()
export type FeedBlock = z.infer<typeof FeedBlockSchema>

type Body = z.infer<typeof FeedBodySchema>

/** What the learner did with each post, by post id: an option's id, or their own reply. */
export const FeedStateSchema = z.record(z.string(), z.union([z.object({ option: z.string() }).strict(), z.object({ own: z.string().max(MAX_OWN_REPLY) }).strict()]))
export type FeedState = z.infer<typeof FeedStateSchema>

export const FeedActedSchema = z
  .object({
    type: z.literal('feed.acted'),
    at: Timestamp,
    blockId: EventId,
    postId: EventId,
    option: EventId.optional(),
    own: z.string().min(1).max(MAX_OWN_REPLY).optional(),
  })
  .strict()
export const FeedRestartedSchema = z.object({ type: z.literal('feed.restarted'), blockId: EventId }).strict()
export type FeedEvent = z.infer<typeof FeedActedSchema> | z.infer<typeof FeedRestartedSchema>

export const feedTrackingSchemas = {
  type: 'feed',
  slice: 'feeds',
  state: FeedStateSchema,
  events: [FeedActedSchema, FeedRestartedSchema],
} as const satisfies TrackingDefinition

export const feed: BlockDefinition<z.infer<typeof FeedAttributesSchema>, Body, never, FeedBlock> = {
  type: 'feed',
  summary: 'a practice social-media feed: residents’ posts, and what the learner does with each; the body is YAML: ::: feed {id: …, title: "…"}',
  attributes: FeedAttributesSchema,
  body: 'yaml',
  bodySchema: FeedBodySchema,
  schema: FeedBlockSchema,
  translatable: ['title', 'intro', 'author', 'time', 'text', 'feedback', 'own'],
  build({ attributes, yaml }, context) {
    context.declareId(attributes.id, context.attributeAt('id'))
    if (yaml === undefined) return undefined
    let ok = true
    const seen = new Set<string>()
    const rated = yaml.posts.flatMap((post) => post.options.map((option) => option.rating !== undefined))
    if (rated.some(Boolean) && !rated.every(Boolean)) {
      context.problems.error(context.file, context.bodyAt(['posts']), 'Some options of this feed have a rating and some do not.', 'Rate every option (best, acceptable or poor) for a scored feed, or none.')
      ok = false
    }
    yaml.posts.forEach((post, postIndex) => {
      if (seen.has(post.id)) {
        context.problems.error(context.file, context.bodyAt(['posts', postIndex, 'id']), `Two posts have the id "${post.id}".`)
        ok = false
      }
      seen.add(post.id)
      post.options.forEach((option, optionIndex) => {
        if ((option.do === 'reply') !== (option.text !== undefined)) {
          const [message, hint] =
            option.do === 'reply'
              ? ['A reply option needs the draft reply as its text.', 'Add text: the words the learner would post.']
              : [`A "${option.do}" option has no text; only replies do.`, 'Put what happens next in its feedback.']
          context.problems.error(context.file, context.bodyAt(['posts', postIndex, 'options', optionIndex]), message, hint)
          ok = false
        }
      })
      if (rated.every(Boolean) && !post.options.some((option) => option.rating === 'best')) {
        context.problems.error(context.file, context.bodyAt(['posts', postIndex, 'options']), `The post "${post.id}" has no option rated best.`, 'The score counts the posts where the learner chose a best option.')
        ok = false
      }
    })
    if (!ok) return undefined
    const block: FeedBlock = {
      type: 'feed',
      id: attributes.id,
      title: attributes.title,
      posts: yaml.posts.map((post, index) => ({
        id: post.id,
        author: post.author,
        // A different drawing for each author who has none, as in scenarios.
        avatar: post.avatar ?? (index % AVATARS) + 1,
        ...(post.time === undefined ? {} : { time: post.time }),
        text: post.text,
        comments: post.comments,
        options: post.options.map((option, optionIndex) => ({ id: CHOICE_KEYS.charAt(optionIndex), ...option })),
        ...(post.own === undefined ? {} : { own: post.own }),
      })),
    }
    if (yaml.intro !== undefined) block.intro = yaml.intro
    return block
  },
}
