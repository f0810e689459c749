import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contrastRatio as contrast } from '../src/core/colour'
import { captionCues, frames, readNarration, speakerOf } from './make-videos'

/** The frames need the Lato font, which only the machine that makes the videos installs. */
function hasLato(): boolean {
  try {
    return /Lato-Regular\.ttf$/.test(execFileSync('fc-match', ['-f', '%{file}', 'Lato:style=Regular'], { encoding: 'utf8' }))
  } catch {
    return false
  }
}

let folder = ''
afterEach(() => {
  if (folder !== '') rmSync(folder, { recursive: true, force: true })
  folder = ''
})

/** A course folder holding the given narration files (paths under narration/). */
function course(files: Record<string, string>): string {
  folder = mkdtempSync(path.join(os.tmpdir(), 'make-videos-test-'))
  mkdirSync(path.join(folder, 'narration', 'cy'), { recursive: true })
  writeFileSync(path.join(folder, 'course.yaml'), 'title: Test course\n')
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, 'narration', name), text)
  return folder
}

describe('captions', () => {
  it('keeps a short line as one cue', () => {
    expect(captionCues('A short line.', 1, 3)).toEqual([{ start: 1, end: 3, text: 'A short line.' }])
  })

  it('splits a line too long for two caption lines into cues of two lines, timed by length', () => {
    const text = 'Potholes, missed bins and broken lights go through the council forms, and you help residents use them, then follow up.'
    const cues = captionCues(text, 0, 10)
    expect(cues.length).toBe(2)
    expect(cues.every((cue) => cue.text.split('\n').length <= 2 && cue.text.split('\n').every((row) => row.length <= 42))).toBe(true)
    expect(cues.map((cue) => cue.text.replace(/\n/g, ' ')).join(' ')).toBe(text)
    expect(cues[0]?.start).toBe(0)
    expect(cues[0]?.end).toBe(cues[1]?.start)
    expect(cues[1]?.end).toBe(10)
  })
})

describe('colours', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrast('#12355b', '#f4b942')).toBeGreaterThan(4.5)
  })
})

describe('speakers', () => {
  it('finds a fictional speaker named before the colon, in English or Welsh', () => {
    expect(speakerOf({ text: 'Cllr Tom Hale (fictional): I put my imprint in my bio.' })).toBe('Cllr Tom Hale (fictional)')
    expect(speakerOf({ text: 'Y Cynghorydd Euan Reid (dychmygol): Rwy’n ateb unwaith.' })).toBe('Y Cynghorydd Euan Reid (dychmygol)')
    expect(speakerOf({ text: 'I ask myself: could I prove it?' })).toBeUndefined()
    expect(speakerOf({ text: 'Outside the UK, check your own law: in some countries it is a crime.' })).toBeUndefined()
  })
})

describe('narration files', () => {
  it('names the file and line of an unknown voice', () => {
    const dir = course({ 'talk.yaml': 'module: 1\ncards:\n  - heading: One\n    lines:\n      - Hello.\n      - text: Hi.\n        voice: lyubov\n' })
    expect(() => readNarration(path.join(dir, 'narration', 'talk.yaml'), 'en')).toThrow(/talk\.yaml:7: unknown voice "lyubov"; use one of pico-en-gb, rhvoice-alan, mbrola-en1, espeak-cy\./)
  })

  it('names the file and line of a key it does not know', () => {
    const dir = course({ 'talk.yaml': 'module: 1\ncards:\n  - heading: One\n    visuals: {kind: quote}\n    lines: [Hello.]\n' })
    expect(() => readNarration(path.join(dir, 'narration', 'talk.yaml'), 'en')).toThrow(/talk\.yaml:3: cards\.0: Unrecognized key: "visuals"/)
  })

  describe.skipIf(!hasLato())('with the frames laid out', () => {
    const english = [
      'module: 5',
      'cards:',
      '  - heading: Four nations',
      '    visual: {kind: nations}',
      '    lines:',
      '      - In England and Wales, one rule.',
      '      - In Scotland, another.',
      '      - text: "Cllr Euan Reid (fictional): I say how to have your say."',
      '        voice: rhvoice-alan',
      '      - text: Not how I will vote.',
      '        voice: rhvoice-alan',
      '  - heading: Three steps',
      '    visual: {kind: checklist, items: [One, Two, Three], at: [1, 1, 2]}',
      '    lines: [First and second., Third., The end.]',
    ].join('\n')
    const welsh = [
      'module: 5',
      'cards:',
      '  - heading: Pedair gwlad',
      '    lines:',
      '      - Yng Nghymru a Lloegr, un rheol.',
      '      - "Y Cynghorydd Euan Reid (dychmygol): Dywedaf sut i leisio barn."',
      '      - Nid sut y pleidleisiaf.',
      '  - heading: Tri cham',
      '    lines: [Un., Dau., Tri.]',
    ].join('\n')

    it('gives a Welsh line the voice the English card gives its speaker, to the end of the card', () => {
      const dir = course({ 'talk.yaml': english, 'cy/talk.yaml': welsh })
      const narration = readNarration(path.join(dir, 'narration', 'cy', 'talk.yaml'), 'cy')
      expect(narration.cards[0]?.lines.map((line) => [line.voice, line.voiced])).toEqual([
        ['espeak-cy', false],
        ['rhvoice-alan', true],
        ['rhvoice-alan', true],
      ])
      expect(narration.cards[1]?.lines.every((line) => line.voice === 'espeak-cy')).toBe(true)
    })

    it('changes the frame as nations are named, ticks arrive and a speaker talks', () => {
      const dir = course({ 'talk.yaml': english })
      const scenes = frames(readNarration(path.join(dir, 'narration', 'talk.yaml'), 'en'), 'Test course')
      expect(scenes.map((scene) => [scene.card, scene.line])).toEqual([
        [0, 0],
        [0, 1],
        [0, 2],
        [1, 0],
        [1, 1],
      ])
      expect(scenes[2]?.svg).toContain('Cllr Euan Reid (fictional)')
      // Two of the three items are ticked as the first line starts, the third with the second.
      expect(scenes[3]?.svg.match(/width="48" height="48"/g)?.length).toBe(2)
      expect(scenes[4]?.svg.match(/width="48" height="48"/g)?.length).toBe(3)
    })

    it('stops at text that does not fit its place, naming the card', () => {
      const long = 'A very long heading that goes on and on about many things until it cannot fit'
      const dir = course({ 'talk.yaml': `module: 1\ncards:\n  - heading: ${long}\n    visual: {kind: compare, do: [A], dont: [B]}\n    lines: [Hello.]\n` })
      expect(() => readNarration(path.join(dir, 'narration', 'talk.yaml'), 'en')).toThrow(/talk\.yaml:3: heading: .* is too long/)
    })
  })
})
