import { z } from 'zod'
import { isPrivacyEnhancedEmbed } from '../../embeds'
import { TRANSLATIONS_FOLDER } from '../course-file'
import { IdSchema, LanguageCodeSchema } from '../ids'
import { type BlockContext, type BlockDefinition, requireBody } from './definition'

export const VideoAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course; progress records how much of the video was watched.'),
    src: z.string().min(1).optional().describe('The video file (.mp4 or .webm), from the course folder.'),
    poster: z.string().min(1).optional().describe('An image shown before the video plays.'),
    captions: z.string().min(1).optional().describe('WebVTT captions (.vtt); required with a video file.'),
    chapters: z.string().min(1).optional().describe('WebVTT chapters (.vtt).'),
    online: z.string().min(1).optional().describe('A privacy-enhanced embed address (youtube-nocookie.com, or player.vimeo.com with dnt=1).'),
    title: z.string().min(1).optional(),
    language: LanguageCodeSchema.optional().describe(
      'The language the video speaks and its captions are in, such as "en" or "cy"; by default the language of the file the block is in. A translation that keeps the course-language video says so, for example "language: en".',
    ),
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
    /** The language spoken and captioned; absent for a block of the course language, which it then is. */
    language: LanguageCodeSchema.optional(),
    transcript: z.string(),
  })
  .strict()
export type VideoBlock = z.infer<typeof VideoBlockSchema>

/** The language of a translation file (translations/<code>/…), or undefined for the course language. */
function translationLanguage(file: string): string | undefined {
  const match = new RegExp(`^${TRANSLATIONS_FOLDER}/([^/]+)/`).exec(file)
  return match?.[1]
}

/**
 * The language a media file's name gives, as in talk.cy.vtt or talk.en.mp4; only codes that name
 * a language (so not talk.old.vtt).
 */
export function languageInFileName(path: string): string | undefined {
  const code = /\.([a-z]{2,3}(?:-[A-Z]{2})?)\.[a-z0-9]+$/.exec(path)?.[1]
  if (code === undefined) return undefined
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) === undefined ? undefined : code
  } catch {
    return undefined
  }
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/**
 * A translation that still points at the course-language media must say so (language: en), or
 * the app marks English speech and captions as Welsh; and a block that says "en" but points at
 * talk.cy.vtt has been half switched. Warns when a media file's name names another language.
 */
function checkMediaLanguage(language: string, attributes: z.infer<typeof VideoAttributesSchema>, context: BlockContext): void {
  const primary = (code: string) => code.split('-')[0]
  for (const key of ['captions', 'src'] as const) {
    const reference = attributes[key]
    const named = reference === undefined ? undefined : languageInFileName(reference)
    if (named === undefined || primary(named) === primary(language)) continue
    const stated = attributes.language !== undefined
    context.problems.warning(
      context.file,
      context.attributeAt(key),
      `"${reference}" is named as ${languageName(named)} ("${named}"), but this video is marked as ${languageName(language)} ("${language}")${stated ? '' : ', the language of this file'}.`,
      `If the video is in ${languageName(named)}, add "language: ${named}" to the block; otherwise point src and captions at the ${languageName(language)} media.`,
    )
    return
  }
}

export const video: BlockDefinition<z.infer<typeof VideoAttributesSchema>, never, never, VideoBlock> = {
  type: 'video',
  summary: 'a captioned video; the body is its transcript: ::: video {id: …, src: media/talk.mp4, captions: media/talk.vtt}',
  attributes: VideoAttributesSchema,
  body: 'markdown',
  schema: VideoBlockSchema,
  translatable: ['title', 'src', 'poster', 'captions', 'chapters', 'online', 'language', 'transcript'],
  build({ attributes, markdown }, context) {
    let ok = true
    context.declareId(attributes.id, context.attributeAt('id'))
    const block: VideoBlock = { type: 'video', id: attributes.id, transcript: markdown }
    if (attributes.title !== undefined) block.title = attributes.title
    // A translation's block always carries its language, so that the merged course knows it; a
    // course-language block carries one only when stated.
    const language = attributes.language ?? translationLanguage(context.file)
    if (language !== undefined) {
      block.language = language
      checkMediaLanguage(language, attributes, context)
    }
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
