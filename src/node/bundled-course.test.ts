import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CourseProblem } from '../core/api'
import type { Block, CourseBundle, Module } from '../core/course'
import type { Jurisdiction } from '../core/course/ids'
import { planAttempt } from '../core/quiz/attempt'
import { loadCourseFolder } from './course-loader'

const COURSE_ID = 'social-media-for-local-leaders'
const folder = path.resolve(__dirname, '../../courses', COURSE_ID)
const NATIONS: Jurisdiction[] = ['england', 'wales', 'scotland', 'northern-ireland']

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>

function blocks(module: Module): Block[] {
  return module.pages.flatMap((page) => page.blocks)
}

function blocksOfType<T extends Block['type']>(module: Module, type: T): BlockOf<T>[] {
  return blocks(module).filter((block): block is BlockOf<T> => block.type === type)
}

/** Every file under a folder with its size, hidden files included, since they ship too. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(dir, entry.name)
    return total + (entry.isDirectory() ? folderBytes(full) : statSync(full).size)
  }, 0)
}

interface Box {
  type: string
  start: number
  end: number
}

/** The ISO BMFF boxes directly inside [start, end) of an MP4 file. */
function boxes(data: Buffer, start = 0, end = data.length): Box[] {
  const found: Box[] = []
  let offset = start
  while (offset + 8 <= end) {
    let size = data.readUInt32BE(offset)
    const type = data.toString('latin1', offset + 4, offset + 8)
    let header = 8
    if (size === 1) {
      size = Number(data.readBigUInt64BE(offset + 8))
      header = 16
    } else if (size === 0) {
      size = end - offset
    }
    if (size < header || offset + size > end) throw new Error(`Box ${type} at ${offset} overruns its parent`)
    found.push({ type, start: offset + header, end: offset + size })
    offset += size
  }
  return found
}

/** The movie's duration in seconds, from the movie header (mvhd) inside moov. */
function mp4Seconds(data: Buffer): number {
  const moov = boxes(data).find((box) => box.type === 'moov')
  const mvhd = moov && boxes(data, moov.start, moov.end).find((box) => box.type === 'mvhd')
  if (!mvhd) throw new Error('No mvhd box')
  const version = data.readUInt8(mvhd.start)
  const timescale = version === 1 ? data.readUInt32BE(mvhd.start + 20) : data.readUInt32BE(mvhd.start + 12)
  const duration = version === 1 ? Number(data.readBigUInt64BE(mvhd.start + 24)) : data.readUInt32BE(mvhd.start + 16)
  return duration / timescale
}

function vttEnd(text: string): number {
  const times = [...text.matchAll(/--> (\d\d):(\d\d):(\d\d)\.(\d\d\d)/g)].map(([, h, m, s, ms]) => Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000)
  return Math.max(...times)
}

function words(text: string): string {
  return text
    .replace(/\*\*[^*]+\*\*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

let problems: CourseProblem[]
let bundle: CourseBundle
let english: Module[]
let welsh: Module[]

beforeAll(async () => {
  const result = await loadCourseFolder(folder)
  problems = result.problems
  if (!result.bundle) throw new Error(`The bundled course did not load: ${JSON.stringify(problems, null, 2)}`)
  bundle = result.bundle
  english = bundle.content.en?.modules ?? []
  welsh = bundle.content.cy?.modules ?? []
})

describe('the bundled course "Social media for local leaders"', () => {
  it('loads with no errors or warnings, from a folder named by its id', () => {
    expect(problems).toEqual([])
    expect(bundle.id).toBe(path.basename(folder))
    expect(bundle).toMatchObject({ language: 'en', languages: ['en', 'cy'], jurisdiction: 'uk-wide', passMark: 80, licence: 'CC BY 4.0' })
    expect(bundle.completion).toEqual(['all-pages-viewed', 'all-quizzes-passed'])
  })

  it('has nine modules and a final assessment', () => {
    expect(english).toHaveLength(10)
    expect(english[9]?.id).toBe('final-assessment')
  })

  describe.each(Array.from({ length: 9 }, (_, index) => index))('module %i', (index) => {
    const module = () => english[index] as Module

    it('has objectives and four to eleven pages', () => {
      expect(module().objectives.length).toBeGreaterThan(0)
      expect(module().pages.length).toBeGreaterThanOrEqual(4)
      expect(module().pages.length).toBeLessThanOrEqual(11)
    })

    it('has a branching scenario where every choice has a consequence and an outcome', () => {
      const scenarios = blocksOfType(module(), 'scenario')
      expect(scenarios.length).toBeGreaterThan(0)
      for (const scenario of scenarios) {
        const choices = scenario.steps.flatMap((step) => step.choices)
        expect(choices.every((choice) => choice.feedback.trim() !== '' && choice.outcome !== undefined)).toBe(true)
        expect(choices.some((choice) => choice.next !== undefined)).toBe(true)
        expect(new Set(choices.map((choice) => choice.outcome))).toEqual(new Set(['good', 'mixed', 'poor']))
        // The best choice must not give itself away by always coming first.
        expect(scenario.shuffle).toBe(true)
      }
    })

    it('has one reflection prompt and a key points block', () => {
      expect(blocksOfType(module(), 'reflection')).toHaveLength(1)
      expect(blocksOfType(module(), 'key-points').length).toBeGreaterThan(0)
    })

    it('has a captioned video with a poster and a transcript', () => {
      const videos = blocksOfType(module(), 'video')
      expect(videos).toHaveLength(1)
      const [video] = videos
      expect(video?.src).toMatch(/^media\/.+\.mp4$/)
      expect(video?.captions).toMatch(/^media\/.+\.vtt$/)
      expect(video?.poster).toMatch(/^media\/.+\.png$/)
      expect(video?.transcript.length).toBeGreaterThan(200)
    })

    it('has a quiz of five to eight questions of at least three types, every one with feedback', () => {
      const quizzes = blocksOfType(module(), 'quiz')
      expect(quizzes).toHaveLength(1)
      const quiz = quizzes[0] as BlockOf<'quiz'>
      expect(quiz.draw).toBe(quiz.questions.length)
      expect(quiz.draw).toBeGreaterThanOrEqual(5)
      expect(quiz.draw).toBeLessThanOrEqual(8)
      expect(quiz.passMark).toBe(80)
      expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3)
      for (const question of quiz.questions) {
        const optionFeedback = 'options' in question && question.options.every((option) => option.feedback !== undefined)
        expect(question.feedback !== undefined || optionFeedback).toBe(true)
        expect(question.explanation.trim()).not.toBe('')
      }
    })

    it('ends with a resources page of links to public sources over https', () => {
      const last = module().pages.at(-1)
      const links = last?.blocks.filter((block) => block.type === 'links') ?? []
      expect(links).toHaveLength(1)
      const items = links[0]?.type === 'links' ? links[0].items : []
      expect(items.length).toBeGreaterThan(0)
      expect(items.every((item) => item.url.startsWith('https://'))).toBe(true)
    })
  })

  it('marks the legal modules with a review date', () => {
    for (const id of ['listening-and-casework', 'publicity-and-elections', 'conduct-and-standards', 'legal-risks', 'abuse-security-wellbeing']) {
      expect(english.find((module) => module.id === id)?.lastReviewed).toBe('2026-12-04')
    }
  })

  it('tags every legal note and every tab with where it applies, with one tab per nation', () => {
    for (const module of english) {
      for (const callout of blocksOfType(module, 'callout').filter((block) => block.kind === 'legal')) {
        expect(callout.jurisdiction?.length, `${module.id}: ${callout.title}`).toBeGreaterThan(0)
      }
      for (const tabs of blocksOfType(module, 'tabs')) {
        expect(tabs.tabs.map((tab) => tab.jurisdiction)).toEqual(NATIONS.map((nation) => [nation]))
      }
    }
    const legal = english.flatMap((module) => blocksOfType(module, 'callout').filter((block) => block.kind === 'legal'))
    expect(legal.length).toBeGreaterThan(10)
  })

  it('has a final assessment that draws two questions from each module’s bank in every attempt, feedback held to the end, three attempts and a pass mark of 80', () => {
    const final = english[9] as Module
    const [quiz] = blocksOfType(final, 'quiz')
    if (!quiz) throw new Error('no final assessment')
    expect({ draw: quiz.draw, passMark: quiz.passMark, feedback: quiz.feedback, attempts: quiz.attempts, shuffle: quiz.shuffle }).toEqual({
      draw: 18,
      passMark: 80,
      feedback: 'end',
      attempts: 3,
      shuffle: true,
    })
    expect(quiz.intro).toBeTruthy()
    expect(quiz.pools?.map((pool) => [pool.name, pool.draw, pool.questionIds.length])).toEqual(
      Array.from({ length: 9 }, (_, index) => [`final-0${index + 1}-bank`, 2, 4]),
    )
    const moduleOf = new Map(quiz.pools?.flatMap((pool) => pool.questionIds.map((id) => [id, pool.name])))
    for (let seed = 0; seed < 500; seed++) {
      const drawn = planAttempt(quiz, seed).questionIds
      expect(drawn).toHaveLength(18)
      expect(new Set(drawn.map((id) => moduleOf.get(id))).size).toBe(9)
    }
    expect(final.pages.map((page) => page.id)).toContain('top-tips')
  })

  it('has its title, summary, module titles, objectives and assessment instructions in Welsh', () => {
    const cy = bundle.content.cy
    expect(cy?.title).not.toBe(bundle.content.en?.title)
    expect(cy?.summary).not.toBe(bundle.content.en?.summary)
    expect(welsh).toHaveLength(english.length)
    welsh.forEach((module, index) => {
      expect(module.title).not.toBe(english[index]?.title)
      module.objectives.forEach((objective, objectiveIndex) => expect(objective).not.toBe(english[index]?.objectives[objectiveIndex]))
    })
    const [welshQuiz] = blocksOfType(welsh[9] as Module, 'quiz')
    const [englishQuiz] = blocksOfType(english[9] as Module, 'quiz')
    expect(welshQuiz?.intro).not.toBe(englishQuiz?.intro)
  })

  it('fits in 25 MB', () => {
    expect(folderBytes(folder)).toBeLessThanOrEqual(25 * 1024 * 1024)
  })

  it('has videos of 30 to 90 seconds, with captions that fit them and transcripts that match the narration', () => {
    const videos = english.slice(0, 9).flatMap((module) => blocksOfType(module, 'video'))
    expect(videos).toHaveLength(9)
    for (const video of videos) {
      const data = readFileSync(path.join(folder, video.src ?? ''))
      const seconds = mp4Seconds(data)
      expect(seconds, video.src).toBeGreaterThanOrEqual(30)
      expect(seconds, video.src).toBeLessThanOrEqual(90)
      // Moov before mdat (faststart), H.264 video and AAC audio.
      const top = boxes(data).map((box) => box.type)
      expect(top.indexOf('moov')).toBeLessThan(top.indexOf('mdat'))
      expect(data.includes('avc1', 0, 'latin1')).toBe(true)
      expect(data.includes('mp4a', 0, 'latin1')).toBe(true)
      const captions = readFileSync(path.join(folder, video.captions ?? ''), 'utf8')
      expect(captions.startsWith('WEBVTT')).toBe(true)
      expect(vttEnd(captions)).toBeLessThanOrEqual(seconds)

      const name = path.basename(video.src ?? '', '.mp4')
      const narration = parse(readFileSync(path.join(folder, 'narration', `${name}.yaml`), 'utf8')) as { cards: { lines: (string | { text: string })[] }[] }
      const transcript = words(video.transcript)
      for (const line of narration.cards.flatMap((card) => card.lines)) {
        expect(transcript).toContain(typeof line === 'string' ? line : line.text)
      }
    }
  })
})

describe('the videos of "Social media for local leaders" in Welsh', () => {
  type NarrationLine = string | { text: string; voice?: string }
  const narrationLines = (file: string): NarrationLine[] =>
    (parse(readFileSync(file, 'utf8')) as { cards: { lines: NarrationLine[] }[] }).cards.flatMap((card) => card.lines)
  const lineText = (line: NarrationLine) => (typeof line === 'string' ? line : line.text)
  const welshNarrations = () =>
    readdirSync(path.join(folder, 'narration', 'cy'))
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => file.slice(0, -'.yaml'.length))

  it('has Welsh media of 30 to 90 seconds for every Welsh narration, captioned with its lines', () => {
    for (const name of welshNarrations()) {
      const data = readFileSync(path.join(folder, 'media', `${name}.cy.mp4`))
      const seconds = mp4Seconds(data)
      expect(seconds, name).toBeGreaterThanOrEqual(30)
      expect(seconds, name).toBeLessThanOrEqual(90)
      const top = boxes(data).map((box) => box.type)
      expect(top.indexOf('moov')).toBeLessThan(top.indexOf('mdat'))
      expect(data.includes('avc1', 0, 'latin1') && data.includes('mp4a', 0, 'latin1')).toBe(true)
      expect(readFileSync(path.join(folder, 'media', `${name}.cy.poster.png`)).subarray(1, 4).toString('latin1')).toBe('PNG')
      const captions = readFileSync(path.join(folder, 'media', `${name}.cy.vtt`), 'utf8')
      expect(captions.startsWith('WEBVTT')).toBe(true)
      expect(vttEnd(captions)).toBeLessThanOrEqual(seconds)
      // A long line may be split across two cues, so compare the captions' words as one text.
      const spoken = captions
        .split(/\n\n+/)
        .slice(1)
        .map((cue) => cue.split('\n').slice(2).join(' '))
        .join(' ')
        .replace(/\s+/g, ' ')
      for (const line of narrationLines(path.join(folder, 'narration', 'cy', `${name}.yaml`))) expect(spoken, name).toContain(lineText(line).replace(/\s+/g, ' '))
    }
  })

  it('has every Welsh narration line in the transcript of each Welsh video block that plays the Welsh media', () => {
    for (const video of welsh.slice(0, 9).flatMap((module) => blocksOfType(module, 'video'))) {
      const name = /^media\/(.+)\.cy\.mp4$/.exec(video.src ?? '')?.[1]
      if (name === undefined) continue
      const transcript = words(video.transcript)
      for (const line of narrationLines(path.join(folder, 'narration', 'cy', `${name}.yaml`))) expect(transcript, name).toContain(lineText(line))
    }
  })

  it('marks each Welsh video block with the language its media speak: Welsh for .cy media, else English', () => {
    for (const video of welsh.slice(0, 9).flatMap((module) => blocksOfType(module, 'video'))) {
      const welshMedia = /\.cy\.mp4$/.test(video.src ?? '')
      expect(video.language, video.src).toBe(welshMedia ? 'cy' : 'en')
      expect(video.captions, video.src).toMatch(welshMedia ? /\.cy\.vtt$/ : /\.en\.vtt$/)
    }
  })

  it('credits every voice the narration uses, and uses none whose licence forbids commercial use', () => {
    const credits = (bundle.content.en?.credits ?? []).join('\n')
    const CREDITED: Record<string, string> = { 'pico-en-gb': 'SVOX Pico', 'rhvoice-alan': 'RHVoice “Alan”', 'mbrola-en1': 'MBROLA en1', 'espeak-cy': 'eSpeak NG Welsh' }
    const files = [
      ...readdirSync(path.join(folder, 'narration')).filter((file) => file.endsWith('.yaml')).map((file) => ['pico-en-gb', path.join(folder, 'narration', file)]),
      ...welshNarrations().map((name) => ['espeak-cy', path.join(folder, 'narration', 'cy', `${name}.yaml`)]),
    ]
    for (const [narrator, file] of files as [string, string][]) {
      const voices = new Set([narrator, ...narrationLines(file).flatMap((line) => (typeof line === 'string' || line.voice === undefined ? [] : [line.voice]))])
      for (const voice of voices) expect(credits, `${file}: ${voice}`).toContain(CREDITED[voice] ?? `a credit for ${voice}`)
      expect(readFileSync(file, 'utf8')).not.toMatch(/evgeniy|lyubov/i)
    }
  })
})
