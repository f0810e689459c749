import { z } from 'zod'
import { isPrivacyEnhancedEmbed } from '../../embeds'
import { IdSchema } from '../ids'
import { type BlockDefinition, requireBody } from './definition'

export const VideoAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course; progress records how much of the video was watched.'),
    src: z.string().min(1).optional().describe('The video file (.mp4 or .webm), from the course folder.'),
    poster: z.string().min(1).optional().describe('An image shown before the video plays.'),
    captions: z.string().min(1).optional().describe('WebVTT captions (.vtt); required with a video file.'),
    chapters: z.string().min(1).optional().describe('WebVTT chapters (.vtt).'),
    online: z.string().min(1).optional().describe('A privacy-enhanced embed address (youtube-nocookie.com, or player.vimeo.com with dnt=1).'),
    title: z.string().min(1).optional(),
  })
  .strict()

export const VideoBlockSchema = z
  .object({
    type: z.literal('video'),
    id: IdSchema,
    title: z.string().optional(),
    src: z.string().optional(),
    poster: z.string().optional(),
    captions: z.string().optional(),
    chapters: z.string().optional(),
    online: z.string().optional(),
    transcript: z.string(),
  })
  .strict()
export type VideoBlock = z.infer<typeof VideoBlockSchema>

export const video: BlockDefinition<z.infer<typeof VideoAttributesSchema>, never, never, VideoBlock> = {
  type: 'video',
  summary: 'a captioned video; the body is its transcript: ::: video {id: …, src: media/talk.mp4, captions: media/talk.vtt}',
  attributes: VideoAttributesSchema,
  body: 'markdown',
  schema: VideoBlockSchema,
  translatable: ['title', 'src', 'poster', 'captions', 'chapters', 'online', 'transcript'],
  build({ attributes, markdown }, context) {
    let ok = true
    context.declareId(attributes.id, context.attributeAt('id'))
    const block: VideoBlock = { type: 'video', id: attributes.id, transcript: markdown }
    if (attributes.title !== undefined) block.title = attributes.title
    if (attributes.src === undefined && attributes.online === undefined) {
      context.problems.error(context.file, context.at, 'The video has neither a file nor an online source.', 'Give "src: media/…mp4" (and optionally "online").')
      ok = false
    }
    if (attributes.src !== undefined) {
      const src = context.courseFile(attributes.src, 'video', context.attributeAt('src'))
      if (src === undefined) ok = false
      else block.src = src
      if (attributes.captions === undefined) {
        context.problems.error(context.file, context.attributeAt('src'), 'The video has no captions.', 'Add "captions: media/….vtt" with a WebVTT file; captions are required for every video file.')
        ok = false
      }
    }
    for (const key of ['poster', 'captions', 'chapters'] as const) {
      const reference = attributes[key]
      if (reference === undefined) continue
      const path = context.courseFile(reference, key === 'poster' ? 'image' : 'captions', context.attributeAt(key))
      if (path === undefined) ok = false
      else block[key] = path
    }
    if (attributes.online !== undefined) {
      // The local file or the transcript stays the fallback: workshops often run with no network.
      if (!isPrivacyEnhancedEmbed(attributes.online)) {
        context.problems.error(
          context.file,
          context.attributeAt('online'),
          'The online video is not on a privacy-enhanced host.',
          'Use https://www.youtube-nocookie.com/embed/<id>, or https://player.vimeo.com/video/<id>?dnt=1.',
        )
        ok = false
      } else {
        block.online = attributes.online
      }
    }
    if (!requireBody(markdown, 'video transcript', context)) ok = false
    return ok ? block : undefined
  },
}
