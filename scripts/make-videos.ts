/**
 * Makes the narrated videos of a course from narration files kept beside it.
 *
 * Usage (from the repository root):
 *
 *   npx tsx scripts/make-videos.ts                      every video of the bundled course
 *   npx tsx scripts/make-videos.ts 04-publicity-and-elections   one video, by narration file name
 *   npx tsx scripts/make-videos.ts --course <folder> [name…]    another course folder
 *
 * Needs Debian's espeak-ng, ffmpeg and fonts-dejavu-core (fc-match finds the font):
 *   apt-get install -y ffmpeg espeak-ng fonts-dejavu-core
 *
 * For each <course>/narration/<name>.yaml it writes, into <course>/media/:
 *   <name>.mp4         H.264 (yuv420p, +faststart) with AAC audio, 640×360, title cards
 *   <name>.en.vtt      WebVTT captions, one cue per narration line
 *   <name>.poster.png  the first title card, shown before the video plays
 *
 * A narration file names the module ("module: 3") and lists cards. Each card is one on-screen
 * title; each of its lines is spoken, and shown as one caption. A line may be a string, or
 * {text, say} when the synthetic voice needs a respelling ("Cllr" → "Councillor"); captions
 * always show `text`. Keep the video block's transcript in the module file in step with the
 * narration: the course test checks that every line appears in it.
 *
 * Captions are timed from the audio itself: every line is synthesised on its own, its length
 * read from the WAV file, and the lines joined with fixed silences, so cue times are exact.
 * The output is deterministic for given versions of espeak-ng and ffmpeg (bit-exact flags,
 * one encoder thread, no metadata), so re-running without changes gives the same files.
 * The script refuses a video shorter than 30 or longer than 90 seconds.
 *
 * To use a real recording instead (for example a councillor speaking): replace
 * media/<name>.mp4 with an H.264/AAC MP4 of 30 to 90 seconds, write media/<name>.en.vtt for it,
 * replace media/<name>.poster.png, put the words actually spoken in the video block's transcript,
 * and delete narration/<name>.yaml so that this script cannot overwrite the recording.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'

const VOICE = 'en-gb'
const WORDS_PER_MINUTE = '150'
const WIDTH = 640
const HEIGHT = 360
const FPS = 10
const BACKGROUND = '0x12355b'
const ACCENT = '0xf4b942'
const MIN_SECONDS = 30
const MAX_SECONDS = 90
/** Silences, in seconds, around and between the spoken lines. */
const LEAD_IN = 0.6
const LINE_GAP = 0.35
const CARD_GAP = 0.9
const TAIL = 1.2
/** Captions wrap at this many characters and may have at most two lines. */
const CAPTION_WIDTH = 42
const HEADING_WIDTH = 30

interface Line {
  text: string
  say: string
}

interface Card {
  heading: string
  lines: Line[]
}

interface Narration {
  module: number
  cards: Card[]
}

interface Cue {
  start: number
  end: number
  text: string
}

interface Pcm {
  sampleRate: number
  samples: Buffer
}

function readNarration(file: string): Narration {
  const raw = parse(readFileSync(file, 'utf8')) as { module?: unknown; cards?: unknown }
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`)
  }
  if (typeof raw.module !== 'number') fail('"module" must be the module number.')
  if (!Array.isArray(raw.cards) || raw.cards.length === 0) fail('"cards" must list at least one card.')
  const cards = (raw.cards as { heading?: unknown; lines?: unknown }[]).map((card, index): Card => {
    if (typeof card.heading !== 'string' || !Array.isArray(card.lines) || card.lines.length === 0) {
      return fail(`card ${index + 1} needs a "heading" and at least one line.`)
    }
    const lines = card.lines.map((line: unknown): Line => {
      if (typeof line === 'string') return { text: line, say: line }
      const { text, say } = (line ?? {}) as { text?: unknown; say?: unknown }
      if (typeof text !== 'string' || typeof say !== 'string') return fail(`in card ${index + 1}, write a line as text, or as {text, say}.`)
      return { text, say }
    })
    for (const line of lines) {
      if (wrap(line.text, CAPTION_WIDTH).length > 2) fail(`the line "${line.text}" is too long for a two-line caption; split it.`)
    }
    return { heading: card.heading, lines }
  })
  return { module: raw.module as number, cards }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current)
      current = word
    } else {
      current = current === '' ? word : `${current} ${word}`
    }
  }
  if (current !== '') lines.push(current)
  return lines
}

/** The PCM samples of a mono 16-bit WAV file, as espeak-ng writes it. */
function readWav(file: string): Pcm {
  const data = readFileSync(file)
  if (data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${file} is not a WAV file.`)
  let offset = 12
  let sampleRate = 0
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4)
    const size = data.readUInt32LE(offset + 4)
    if (id === 'fmt ') {
      if (data.readUInt16LE(offset + 8) !== 1 || data.readUInt16LE(offset + 10) !== 1 || data.readUInt16LE(offset + 22) !== 16) {
        throw new Error(`${file} is not mono 16-bit PCM.`)
      }
      sampleRate = data.readUInt32LE(offset + 12)
    } else if (id === 'data') {
      const end = Math.min(data.length, offset + 8 + size)
      return { sampleRate, samples: data.subarray(offset + 8, end - ((end - offset - 8) % 2)) }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error(`${file} has no audio data.`)
}

function wavFile(sampleRate: number, samples: Buffer): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + samples.length, 4)
  header.write('WAVEfmt ', 8, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(samples.length, 40)
  return Buffer.concat([header, samples])
}

/** Speaks every line on its own and joins them with silences, so each cue's times are exact. */
function narrate(narration: Narration, work: string): { wav: Buffer; cues: Cue[]; cardStarts: number[]; seconds: number } {
  const parts: Buffer[] = []
  const cues: Cue[] = []
  const cardStarts: number[] = []
  let sampleRate = 0
  let samples = 0
  const silence = (seconds: number) => {
    const count = Math.round(seconds * sampleRate)
    parts.push(Buffer.alloc(count * 2))
    samples += count
  }
  let index = 0
  for (const [cardIndex, card] of narration.cards.entries()) {
    for (const [lineIndex, line] of card.lines.entries()) {
      const file = path.join(work, `line-${index++}.wav`)
      execFileSync('espeak-ng', ['-v', VOICE, '-s', WORDS_PER_MINUTE, '-w', file, line.say])
      const pcm = readWav(file)
      if (sampleRate === 0) {
        sampleRate = pcm.sampleRate
        silence(LEAD_IN)
      } else if (pcm.sampleRate !== sampleRate) {
        throw new Error('espeak-ng changed its sample rate between lines.')
      } else {
        silence(lineIndex === 0 ? CARD_GAP : LINE_GAP)
      }
      if (lineIndex === 0) cardStarts.push(cardIndex === 0 ? 0 : samples / sampleRate)
      const start = samples / sampleRate
      parts.push(pcm.samples)
      samples += pcm.samples.length / 2
      cues.push({ start, end: samples / sampleRate, text: line.text })
    }
  }
  silence(TAIL)
  return { wav: wavFile(sampleRate, Buffer.concat(parts)), cues, cardStarts, seconds: samples / sampleRate }
}

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  const pad = (value: number, length = 2) => String(value).padStart(length, '0')
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`
}

function webVtt(cues: readonly Cue[]): string {
  const body = cues.map((cue, index) => `${index + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${wrap(cue.text, CAPTION_WIDTH).join('\n')}\n`)
  return `WEBVTT\n\n${body.join('\n')}`
}

function font(pattern: string): string {
  const file = execFileSync('fc-match', ['-f', '%{file}', pattern], { encoding: 'utf8' }).trim()
  if (!file.endsWith('.ttf')) throw new Error(`No font file for ${pattern}; install fonts-dejavu-core.`)
  return file
}

/** One drawtext filter; the text goes through a file so that no character needs escaping. */
function drawText(work: string, name: string, text: string, options: string): string {
  const file = path.join(work, `${name}.txt`)
  writeFileSync(file, text)
  return `drawtext=textfile='${file}':expansion=none:${options}`
}

function filterGraph(narration: Narration, cardStarts: readonly number[], seconds: number, work: string): string {
  const regular = font('DejaVu Sans')
  const bold = font('DejaVu Sans:style=Bold')
  const filters = [
    drawText(work, 'course', `Social media for local leaders · Module ${narration.module}`, `fontfile='${regular}':fontsize=17:fontcolor=0xd6e4f5:x=40:y=28`),
    `drawbox=x=40:y=62:w=80:h=4:color=${ACCENT}:t=fill`,
  ]
  narration.cards.forEach((card, cardIndex) => {
    const from = cardStarts[cardIndex] ?? 0
    const to = cardStarts[cardIndex + 1] ?? seconds + 1
    const enable = `enable='between(t,${from.toFixed(3)},${(to - 0.001).toFixed(3)})'`
    const lines = wrap(card.heading, HEADING_WIDTH)
    const lineHeight = 44
    const top = Math.round(HEIGHT / 2 - (lines.length * lineHeight) / 2)
    lines.forEach((line, lineIndex) => {
      filters.push(drawText(work, `card-${cardIndex}-${lineIndex}`, line, `fontfile='${bold}':fontsize=32:fontcolor=white:x=(w-text_w)/2:y=${top + lineIndex * lineHeight}:${enable}`))
    })
    // Top right, because players draw their controls over the bottom of the picture.
    filters.push(drawText(work, `count-${cardIndex}`, `${cardIndex + 1} / ${narration.cards.length}`, `fontfile='${regular}':fontsize=17:fontcolor=0xd6e4f5:x=w-text_w-40:y=28:${enable}`))
  })
  return filters.join(',\n')
}

const BIT_EXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-threads', '1']

function makeVideo(courseDir: string, name: string): number {
  const narration = readNarration(path.join(courseDir, 'narration', `${name}.yaml`))
  const work = mkdtempSync(path.join(os.tmpdir(), 'civic-video-'))
  try {
    const { wav, cues, cardStarts, seconds } = narrate(narration, work)
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new Error(`${name}: the narration lasts ${seconds.toFixed(1)} s; a video must last ${MIN_SECONDS} to ${MAX_SECONDS} s.`)
    }
    const audio = path.join(work, 'narration.wav')
    writeFileSync(audio, wav)
    const graph = path.join(work, 'graph.txt')
    writeFileSync(graph, filterGraph(narration, cardStarts, seconds, work))
    const media = path.join(courseDir, 'media')
    const background = ['-f', 'lavfi', '-i', `color=c=${BACKGROUND}:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${seconds.toFixed(3)}`]
    const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', ...args], { stdio: ['ignore', 'inherit', 'inherit'] })
    ffmpeg([
      ...background,
      '-i', audio,
      '-filter_script:v', graph,
      '-map', '0:v', '-map', '1:a',
      '-c:v', 'libx264', '-preset', 'medium', '-tune', 'stillimage', '-crf', '30', '-pix_fmt', 'yuv420p', '-g', String(FPS * 5),
      '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-flags:a', '+bitexact',
      '-movflags', '+faststart',
      ...BIT_EXACT,
      path.join(media, `${name}.mp4`),
    ])
    ffmpeg([...background, '-filter_script:v', graph, '-frames:v', '1', ...BIT_EXACT, path.join(media, `${name}.poster.png`)])
    writeFileSync(path.join(media, `${name}.en.vtt`), webVtt(cues))
    return seconds
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function main(args: string[]): void {
  let courseDir = path.resolve(__dirname, '../courses/social-media-for-local-leaders')
  const names: string[] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--course') courseDir = path.resolve(args[++index] ?? '')
    else names.push(arg.replace(/\.yaml$/, ''))
  }
  const all = readdirSync(path.join(courseDir, 'narration'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort()
  for (const name of names.length > 0 ? names : all) {
    const seconds = makeVideo(courseDir, name)
    process.stdout.write(`media/${name}.mp4: ${seconds.toFixed(1)} s\n`)
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
