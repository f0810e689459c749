import { describe, expect, it } from 'vitest'
import { loadCourse } from '../load-course'
import type { CourseSourceFile } from '../source'
import { BANK, COURSE, FRONT, loadTestCourse } from '../test-course'
import { languageInFileName } from './video'

const VTT = 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHello.\n'
const CY_VTT = 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHelo.\n'
/** The media of one video in English (talk.*) and in Welsh (talk.cy.*), as make-videos.ts names them. */
const MEDIA: Record<string, string> = { 'media/talk.mp4': 'mp4', 'media/talk.en.vtt': VTT, 'media/talk.cy.mp4': 'mp4', 'media/talk.cy.vtt': CY_VTT }

/** The media files the given module texts refer to (an unused file would be reported). */
function mediaFor(...texts: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(MEDIA).filter(([path]) => texts.some((text) => text.split(/[\s,{}]+/).includes(path))))
}

const QUIZ = '::: quiz {id: quiz, bank: bank}\n:::\n'
const video = (attributes: string, transcript = 'Hello.') => `# One {#one}\n\n::: video {id: talk, ${attributes}}\n${transcript}\n:::\n\n${QUIZ}`
const ENGLISH = 'src: media/talk.mp4, captions: media/talk.en.vtt'
const WELSH = 'src: media/talk.cy.mp4, captions: media/talk.cy.vtt'

/** Loads a course in English and Welsh whose one module holds the given video blocks. */
function loadTranslated(body: string, welshBody: string) {
  const files = new Map<string, CourseSourceFile>()
  const entries = {
    'course.yaml': COURSE.replace('language: en\n', 'language: en\ntranslations: [cy]\n'),
    'module.md': FRONT + body,
    'bank.yaml': BANK,
    'translations/cy/course.yaml': 'title: Prawf\nsummary: Prawf.\n',
    'translations/cy/module.md': FRONT + welshBody,
    'translations/cy/bank.yaml': BANK,
    ...mediaFor(body, welshBody),
  }
  for (const [path, text] of Object.entries(entries)) files.set(path, { kind: 'text', size: text.length, text })
  const result = loadCourse({ files, problems: [] })
  const first = (language: 'en' | 'cy') => result.bundle?.content[language]?.modules[0]?.pages[0]?.blocks[0]
  return {
    english: first('en'),
    welsh: first('cy'),
    problems: result.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`),
  }
}

describe('the video block language', () => {
  it('leaves a course-language video unmarked, since it is in the course language', () => {
    const { blocks, problems } = loadTestCourse(video(ENGLISH), mediaFor(ENGLISH))
    expect(problems).toEqual([])
    expect(blocks[0]).toMatchObject({ type: 'video', src: 'media/talk.mp4', captions: 'media/talk.en.vtt' })
    expect(blocks[0]).not.toHaveProperty('language')
  })

  it('takes the language an author states', () => {
    const { blocks, problems } = loadTestCourse(video(`${WELSH}, language: cy`), mediaFor(WELSH))
    expect(problems).toEqual([])
    expect(blocks[0]).toMatchObject({ type: 'video', language: 'cy' })
  })

  it('refuses a language that is not a language code, at its value', () => {
    const { blocks, problems } = loadTestCourse(video(`${ENGLISH}, language: Welsh`), mediaFor(ENGLISH))
    expect(blocks).toEqual([])
    expect(problems).toEqual([expect.stringMatching(/^module\.md:9:\d+ error "language" is not a language code/)])
  })

  it('marks a translation that points at its own media with its own language', () => {
    const { english, welsh, problems } = loadTranslated(video(ENGLISH), video(WELSH, 'Helo.'))
    expect(problems).toEqual([])
    expect(english).not.toHaveProperty('language')
    expect(welsh).toMatchObject({ type: 'video', src: 'media/talk.cy.mp4', captions: 'media/talk.cy.vtt', language: 'cy', transcript: 'Helo.' })
  })

  it('marks course-language media kept by a translation with the language the translation states', () => {
    const { welsh, problems } = loadTranslated(video(ENGLISH), video(`${ENGLISH}, language: en`, 'Helo.'))
    expect(problems).toEqual([])
    expect(welsh).toMatchObject({ type: 'video', src: 'media/talk.mp4', captions: 'media/talk.en.vtt', language: 'en', transcript: 'Helo.' })
  })

  it('warns when a translation keeps English media without saying so, which would mark English as Welsh', () => {
    const { welsh, problems } = loadTranslated(video(ENGLISH), video(ENGLISH, 'Helo.'))
    expect(welsh).toMatchObject({ language: 'cy' })
    expect(problems).toEqual([
      'translations/cy/module.md:9:43 warning "media/talk.en.vtt" is named as English ("en"), but this video is marked as Welsh ("cy"), the language of this file.',
    ])
  })

  it('warns when a block says one language and its media are named for another', () => {
    const { problems } = loadTranslated(video(ENGLISH), video(`${WELSH}, language: en`, 'Helo.'))
    expect(problems).toEqual([
      expect.stringMatching(/^translations\/cy\/module\.md:9:\d+ warning "media\/talk\.cy\.vtt" is named as Welsh \("cy"\), but this video is marked as English \("en"\)\.$/),
    ])
    const course = loadTestCourse(video(`${ENGLISH}, language: cy`), mediaFor(ENGLISH))
    expect(course.problems).toEqual([expect.stringContaining('warning "media/talk.en.vtt" is named as English ("en"), but this video is marked as Welsh ("cy").')])
  })
})

describe('languageInFileName', () => {
  it('reads a language code before the extension, and nothing else', () => {
    expect(languageInFileName('media/talk.cy.vtt')).toBe('cy')
    expect(languageInFileName('media/talk.en.vtt')).toBe('en')
    expect(languageInFileName('media/talk.cy.mp4')).toBe('cy')
    expect(languageInFileName('media/talk.en-GB.vtt')).toBe('en-GB')
    expect(languageInFileName('media/talk.mp4')).toBeUndefined()
    expect(languageInFileName('media/talk.old.vtt')).toBeUndefined()
    expect(languageInFileName('media/talk.v2.vtt')).toBeUndefined()
  })
})
