/**
 * Makes the narrated videos of a course from narration files kept beside it.
 *
 * Usage (from the repository root):
 *
 *   npx tsx scripts/make-videos.ts                  every video, English and Welsh, of the bundled course
 *   npx tsx scripts/make-videos.ts 04-publicity-and-elections      one video in every language it has
 *   npx tsx scripts/make-videos.ts cy/04-publicity-and-elections   only its Welsh version
 *   npx tsx scripts/make-videos.ts --check          checks every narration file, renders nothing (fast)
 *   npx tsx scripts/make-videos.ts --course <folder> [name…]       another course folder
 *
 * Install (Debian 12, as root). The voices come from Debian's contrib and non-free sections, which
 * only this script needs (CI does not: the videos are committed):
 *
 *   cat > /etc/apt/sources.list.d/debian-contrib-non-free.sources <<'EOF'
 *   Types: deb
 *   URIs: http://deb.debian.org/debian
 *   Suites: bookworm bookworm-updates
 *   Components: contrib non-free
 *   Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
 *   EOF
 *   apt-get update
 *   apt-get install -y --no-install-recommends ffmpeg espeak-ng libttspico-utils rhvoice \
 *     rhvoice-english mbrola mbrola-en1 librsvg2-bin fonts-lato
 *
 * Voices (a line names one with `voice:`; record each voice used in the course's credits):
 *   pico-en-gb    SVOX Pico en-GB, a British woman: the narrator of English videos (pico2wave)
 *   rhvoice-alan  RHVoice "alan", a Scottish man (RHVoice-test); never use evgeniy-eng or lyubov,
 *                 whose licences forbid commercial use
 *   mbrola-en1    MBROLA en1, an English man, through espeak-ng ("mb-en1")
 *   espeak-cy     eSpeak NG Welsh: the narrator of Welsh videos, the only Welsh voice here
 * In a Welsh file the voice names the speaker, who is then heard in Welsh: the narrator as
 * espeak-ng "cy", pico-en-gb as "cy+f2", rhvoice-alan as "cy+m4" and mbrola-en1 as "cy+m3", so a
 * change of speaker still sounds like one.
 *
 * Files. For each <course>/narration/<name>.yaml it writes, into <course>/media/:
 *   <name>.mp4         H.264 (yuv420p, +faststart) 1280×720 with AAC audio
 *   <name>.en.vtt      WebVTT captions, one cue per narration line (two cues when a line is long)
 *   <name>.poster.png  the first card, shown before the video plays
 * and for a Welsh narration/cy/<name>.yaml (same structure, Welsh lines): <name>.cy.mp4,
 * <name>.cy.vtt and <name>.cy.poster.png. Point the Welsh module's video block at the .cy files
 * once they exist; where they do not, give the block `language: en` so the app marks the English
 * media as English.
 *
 * A narration file names the module ("module: 3") and lists cards. Each card is one frame with a
 * heading; each of its lines is spoken and shown as a caption. A line is a string, or
 * {text, say?, voice?}: `say` respells for the voice ("Cllr" is said "Councillor", "Cyng." is said
 * "Cynghorydd" without one), `voice` names another voice; captions always show `text`. Keep
 * the video block's transcript in the module file in step: the course test checks that every
 * line appears in it.
 *
 * A card without `visual` is a title card: its heading with the module's icon. `visual:` shows
 * something the narration talks about instead of repeating it (the heading stays on top):
 *   visual: {kind: title, icon: lock}              a title card with another icon (ICONS below)
 *   visual: {kind: post, author: Cllr Tom Hale, handle: "@cllrtomhale", text: "…",
 *            tag: Sponsored, note: "Promoted by …", mark: good | bad,
 *            replies: [{author: …, text: …}], reveal: 2}   a social media post (all but author and
 *            text optional); its note, replies and mark show from line `reveal` of the card on
 *   visual: {kind: checklist, title: "…", items: [a, b, c], at: [1, 1, 2]}   ticked one by one as
 *            the lines are spoken: item k at line at[k], or, without `at`, with the last lines
 *   visual: {kind: nations, highlight: [wales], notes: {scotland: "…"}}   four labelled tiles; a
 *            nation lights up when a line first names it, or from the start when listed in highlight
 *   visual: {kind: compare, do: [a, b], dont: [c, d], doLabel: "…", dontLabel: "…"}   do and don't
 *   visual: {kind: quote, text: "…", name: "Cllr Alys Morgan (fictional)", role: "…"}
 * While a line that names a fictional speaker is spoken ("Cllr Euan Reid (fictional): …", in Welsh
 * "(ffuglennol)" or "(dychmygol)"), the frame shows that speaker, and goes on showing them for the
 * lines after it in the same voice. In a Welsh file such a line without a voice of its own takes
 * the voice the English card gives that speaker, and so do the lines after it when the speaker
 * goes on to the end of the card in English too. Text that does not fit its place, a character
 * the font lacks, or an unknown voice or key stops the script with the file and line.
 *
 * Captions are timed from the audio itself: every line is synthesised on its own, resampled to
 * 24 kHz, trimmed of silence and levelled, and the lines joined with fixed silences, so cue times
 * are exact. Frames are drawn as SVG and rendered with rsvg-convert; text is measured with the
 * font's own advance widths; the colours pass WCAG AA (4.5:1), checked on every run.
 * The output is deterministic for given versions of the voices, librsvg and ffmpeg (bit-exact
 * flags, one encoder thread, no metadata), so re-running without changes gives the same files.
 * The script refuses a video shorter than 30 or longer than 90 seconds.
 *
 * To use a real recording instead (for example a councillor speaking): replace
 * media/<name>.mp4 with an H.264/AAC MP4 of 30 to 90 seconds, write media/<name>.en.vtt for it,
 * replace media/<name>.poster.png, put the words actually spoken in the video block's transcript,
 * and delete narration/<name>.yaml so that this script cannot overwrite the recording.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LineCounter, type Node, parse, parseDocument } from 'yaml'
import { z } from 'zod'
import { AA_CONTRAST, contrastRatio } from '../src/core/colour'

const WIDTH = 1280
const HEIGHT = 720
/** Frames are still pictures that change at cues, so few frames a second are enough. */
const FPS = 5
const SAMPLE_RATE = 24000
const MIN_SECONDS = 30
const MAX_SECONDS = 90
/** Silences, in seconds, around and between the spoken lines. */
const LEAD_IN = 0.7
const LINE_GAP = 0.4
const CARD_GAP = 0.9
const TAIL = 1.2
/** A new card's frame appears this long before its first line is spoken. */
const CARD_LEAD = 0.45
/** Captions wrap at this many characters and may have at most two lines per cue. */
const CAPTION_WIDTH = 42

type Language = 'en' | 'cy'
const LANGUAGES: readonly Language[] = ['en', 'cy']

// ---------------------------------------------------------------------------------------------
// Voices

interface VoiceDefinition {
  /** The language the voice speaks. */
  language: Language
  /** What the voice is, for messages. */
  description: string
}

const VOICES = {
  'pico-en-gb': { language: 'en', description: 'SVOX Pico en-GB (British woman)' },
  'rhvoice-alan': { language: 'en', description: 'RHVoice alan (Scottish man)' },
  'mbrola-en1': { language: 'en', description: 'MBROLA en1 through espeak-ng (English man)' },
  'espeak-cy': { language: 'cy', description: 'eSpeak NG Welsh' },
} satisfies Record<string, VoiceDefinition>
type VoiceName = keyof typeof VOICES
const VOICE_NAMES = Object.keys(VOICES) as VoiceName[]
const NARRATOR: Record<Language, VoiceName> = { en: 'pico-en-gb', cy: 'espeak-cy' }
/** The espeak-ng Welsh voice each speaker has in a Welsh file. */
const WELSH_VOICE: Record<VoiceName, string> = { 'espeak-cy': 'cy', 'pico-en-gb': 'cy+f2', 'rhvoice-alan': 'cy+m4', 'mbrola-en1': 'cy+m3' }

/** eSpeak NG's Welsh, in words a minute: a little slower than its default, as Welsh lines run longer than English. */
const WELSH_RATE = '160'

/** Respellings applied when a line has no `say` of its own. */
const SPOKEN: Record<Language, [RegExp, string][]> = {
  en: [[/\bCllr\b\.?/g, 'Councillor']],
  cy: [[/\bCyng\.(?=\s)/g, 'Cynghorydd']],
}

/** Writes `text` spoken by `voice` (in a file of `language`) to a WAV file. */
function synthesise(voice: VoiceName, language: Language, text: string, file: string): void {
  const run = (command: string, args: string[], input?: string) => execFileSync(command, args, { input, stdio: ['pipe', 'ignore', 'pipe'] })
  if (language === 'cy') {
    run('espeak-ng', ['-v', WELSH_VOICE[voice], '-s', WELSH_RATE, '-w', file, '--stdin'], text)
    return
  }
  switch (voice) {
    case 'pico-en-gb':
      run('pico2wave', ['-l', 'en-GB', '-w', file, '--', text])
      return
    case 'rhvoice-alan':
      run('RHVoice-test', ['-p', 'alan', '-o', file], text)
      return
    case 'mbrola-en1':
      run('espeak-ng', ['-v', 'mb-en1', '-s', '150', '-w', file, '--stdin'], text)
      return
    case 'espeak-cy':
      run('espeak-ng', ['-v', 'cy', '-s', '150', '-w', file, '--stdin'], text)
  }
}

// ---------------------------------------------------------------------------------------------
// Narration files

const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const
type Nation = (typeof NATIONS)[number]

export const ICONS = {
  chat: '<rect x="3" y="4" width="18" height="12.5" rx="3"/><path d="M8 16.5 7 20.5l5-4"/><circle cx="8" cy="10.3" r="1.1" class="f"/><circle cx="12" cy="10.3" r="1.1" class="f"/><circle cx="16" cy="10.3" r="1.1" class="f"/>',
  signpost: '<path d="M12 2.5v19M8.5 21.5h7"/><path d="M5 5h11l3 2.5-3 2.5H5z"/><path d="M19 12H8l-3 2.5L8 17h11z"/>',
  inbox: '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3.5 6.5 12 13l8.5-6.5"/>',
  megaphone: '<path d="M3.5 9.5v5h3.5l9 5v-15l-9 5z"/><path d="m7 14.5 1.6 5.5h2.6l-1.4-4.6"/><path d="M19 9a4 4 0 0 1 0 6"/>',
  scales: '<path d="M12 4.5v15M8 20h8M4.5 7h15"/><circle cx="12" cy="4" r="1.2"/><path d="M4.5 7 2 13M4.5 7 7 13M19.5 7 17 13M19.5 7l2.5 6"/><path d="M1.8 13h5.4a2.7 2.7 0 0 1-5.4 0zM16.8 13h5.4a2.7 2.7 0 0 1-5.4 0z"/>',
  gavel: '<g transform="rotate(45 12 12)"><rect x="6.5" y="2.5" width="11" height="6" rx="1.5"/><path d="M12 8.5v11.5"/></g><path d="M3 21.5h10"/>',
  shield: '<path d="M12 2.8 19.5 6v5.5c0 4.6-3.1 8.2-7.5 9.9-4.4-1.7-7.5-5.3-7.5-9.9V6z"/><path d="m8.5 12 2.5 2.5 4.5-5"/>',
  captions: '<rect x="2.5" y="5" width="19" height="14" rx="2.5"/><path d="M10.6 10.1a2.1 2.1 0 1 0 0 3.8M16.6 10.1a2.1 2.1 0 1 0 0 3.8"/>',
  council: '<path d="M3 9.5 12 4l9 5.5z"/><path d="M5.5 10v8M9.8 10v8M14.2 10v8M18.5 10v8M3 20.5h18"/>',
  lock: '<rect x="5" y="10.5" width="14" height="10.5" rx="2"/><path d="M8 10.5V7.5a4 4 0 0 1 8 0v3"/><circle cx="12" cy="15.7" r="1.3" class="f"/>',
  heart: '<path d="M12 20.5S4 15.6 4 9.8A4.2 4.2 0 0 1 12 7.6a4.2 4.2 0 0 1 8 2.2c0 5.8-8 10.7-8 10.7z"/>',
  eye: '<path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z"/><circle cx="12" cy="12" r="3.2"/>',
  people: '<circle cx="9" cy="8" r="3.2"/><path d="M3 20a6 6 0 0 1 12 0"/><circle cx="17.2" cy="9" r="2.5"/><path d="M15.8 14.4A4.8 4.8 0 0 1 21.5 19"/>',
  search: '<circle cx="10.5" cy="10.5" r="6.5"/><path d="m15.3 15.3 5.2 5.2"/>',
  camera: '<rect x="2.5" y="7" width="19" height="13" rx="2"/><path d="M8 7l1.6-3h4.8L16 7"/><circle cx="12" cy="13.5" r="3.6"/>',
  clock: '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.2 2.2"/>',
  document: '<path d="M6 2.5h8.5l4 4v15H6z"/><path d="M14.5 2.5v4h4M9 11.5h6.5M9 15h6.5M9 18.5h4"/>',
  pin: '<path d="M12 21.5s-6.5-6-6.5-11.5a6.5 6.5 0 0 1 13 0c0 5.5-6.5 11.5-6.5 11.5z"/><circle cx="12" cy="10" r="2.4"/>',
} as const
type IconName = keyof typeof ICONS
const ICON_NAMES = Object.keys(ICONS) as IconName[]
/** The icon of each module's title cards. */
const MODULE_ICONS: IconName[] = ['chat', 'signpost', 'inbox', 'megaphone', 'scales', 'gavel', 'shield', 'captions', 'council']

const Text = z.string().trim().min(1, { message: 'must not be empty' })
const LineSchema = z.union([Text, z.object({ text: Text, say: Text.optional(), voice: z.string().optional() }).strict()])
const VisualSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title'), icon: z.enum(ICON_NAMES as [IconName, ...IconName[]]) }).strict(),
  z
    .object({
      kind: z.literal('post'),
      author: Text,
      handle: Text.optional(),
      text: Text,
      tag: Text.optional(),
      note: Text.optional(),
      mark: z.enum(['good', 'bad']).optional(),
      replies: z.array(z.object({ author: Text, text: Text }).strict()).max(2).optional(),
      reveal: z.number().int().positive().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('checklist'), title: Text.optional(), items: z.array(Text).min(2).max(5), at: z.array(z.number().int().positive()).optional() }).strict(),
  z.object({ kind: z.literal('nations'), highlight: z.array(z.enum(NATIONS)).optional(), notes: z.partialRecord(z.enum(NATIONS), Text).optional() }).strict(),
  z.object({ kind: z.literal('compare'), do: z.array(Text).min(1).max(3), dont: z.array(Text).min(1).max(3), doLabel: Text.optional(), dontLabel: Text.optional() }).strict(),
  z.object({ kind: z.literal('quote'), text: Text, name: Text, role: Text.optional() }).strict(),
])
type Visual = z.infer<typeof VisualSchema>
const NarrationSchema = z
  .object({
    module: z.number().int().positive(),
    cards: z.array(z.object({ heading: Text, visual: VisualSchema.optional(), lines: z.array(LineSchema).min(1) }).strict()).min(1),
  })
  .strict()

interface Line {
  text: string
  say: string
  voice: VoiceName
  /** Whether the voice was chosen for this line (or, in a translation, for its speaker), not left to the narrator. */
  voiced: boolean
  /** "file:line" of the line in its narration file. */
  where: string
}

interface Card {
  heading: string
  visual: Visual | undefined
  lines: Line[]
  where: string
}

interface Narration {
  file: string
  language: Language
  module: number
  cards: Card[]
}

/** "Cllr Tom Hale (fictional)" for a line "Cllr Tom Hale (fictional): …", in either language. */
const FICTIONAL_SPEAKER = /^(.{2,60}?\s*\((?:fictional|ffuglennol|dychmygol)\))\s*:\s/i

/** The fictional speaker a line names before its colon, if any. */
export function speakerOf(line: Pick<Line, 'text'>): string | undefined {
  return FICTIONAL_SPEAKER.exec(line.text)?.[1]
}

/** A speaker's name without titles or notes, to match the same person across languages. */
function speakerKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !/^(Y|Cllr|Cyng\.?|Councillor|Cynghorydd)$/i.test(word))
    .join(' ')
    .toLowerCase()
}

/**
 * The voices a translation's card takes from the course-language card at the same place: each
 * named speaker's voice, and whether that speaker goes on speaking to the end of the card.
 */
function castVoices(card: Card | undefined): Map<string, { voice: VoiceName; toEnd: boolean }> {
  const cast = new Map<string, { voice: VoiceName; toEnd: boolean }>()
  card?.lines.forEach((line, index) => {
    const name = speakerOf(line)
    if (name === undefined || !line.voiced) return
    const toEnd = card.lines.slice(index + 1).every((next) => next.voiced && next.voice === line.voice && speakerOf(next) === undefined)
    cast.set(speakerKey(name), { voice: line.voice, toEnd })
  })
  return cast
}

/**
 * Reads and checks a narration file; every problem names the file and line. In a translation,
 * a line that names a fictional speaker and has no voice of its own takes the voice the
 * course-language card gives that speaker (and so do the lines after it, when that speaker goes
 * on to the end of the card there too).
 */
export function readNarration(file: string, language: Language): Narration {
  const source = readFileSync(file, 'utf8')
  const lineCounter = new LineCounter()
  const document = parseDocument(source, { lineCounter, prettyErrors: false })
  const relative = path.relative(process.cwd(), file)
  const at = (keys: (string | number)[]): string => {
    for (let depth = keys.length; depth >= 0; depth--) {
      const node = document.getIn(keys.slice(0, depth), true) as Node | undefined
      if (node?.range) return `${relative}:${lineCounter.linePos(node.range[0]).line}`
    }
    return relative
  }
  if (document.errors.length > 0) {
    const [error] = document.errors
    throw new Error(`${relative}:${error?.linePos?.[0].line ?? 1}: ${error?.message ?? 'not valid YAML'}`)
  }
  const checked = NarrationSchema.safeParse(document.toJS())
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const keys = (issue?.path ?? []).filter((key): key is string | number => typeof key !== 'symbol')
    throw new Error(`${at(keys)}: ${keys.length > 0 ? `${keys.join('.')}: ` : ''}${issue?.message ?? 'not a narration file'}.`)
  }
  const spoken = (text: string) => SPOKEN[language].reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
  const original = language === 'en' ? undefined : courseLanguageNarration(file)
  const cards = checked.data.cards.map((card, cardIndex): Card => {
    const cast = castVoices(original?.cards[cardIndex])
    let speaking: VoiceName | undefined
    const lines = card.lines.map((line, lineIndex): Line => {
      const where = at(['cards', cardIndex, 'lines', lineIndex])
      const { text, say, voice } = typeof line === 'string' ? { text: line, say: undefined, voice: undefined } : line
      if (voice !== undefined && !(VOICE_NAMES as string[]).includes(voice)) {
        throw new Error(`${at(['cards', cardIndex, 'lines', lineIndex, 'voice'])}: unknown voice "${voice}"; use one of ${VOICE_NAMES.join(', ')}.`)
      }
      const name = speakerOf({ text })
      const mirrored = name === undefined ? undefined : cast.get(speakerKey(name))
      if (name !== undefined) speaking = mirrored?.toEnd ? mirrored.voice : undefined
      const chosen = (voice as VoiceName | undefined) ?? mirrored?.voice ?? (name === undefined ? speaking : undefined)
      return { text, say: say ?? spoken(text), voice: chosen ?? NARRATOR[language], voiced: chosen !== undefined, where }
    })
    if (card.visual?.kind === 'post' && (card.visual.reveal ?? 1) > lines.length) {
      throw new Error(`${at(['cards', cardIndex, 'visual', 'reveal'])}: "reveal" is the number of the line (1 to ${lines.length}) from which the note, replies and mark show.`)
    }
    if (card.visual?.kind === 'checklist' && card.visual.at) {
      const ticks = card.visual.at
      const bad = ticks.length !== card.visual.items.length || ticks.some((tick, index) => tick > lines.length || tick < (ticks[index - 1] ?? 1))
      if (bad) throw new Error(`${at(['cards', cardIndex, 'visual', 'at'])}: "at" gives, for each item, the number of the line (1 to ${lines.length}) at which it is ticked, in order.`)
    }
    return { heading: card.heading, visual: card.visual, lines, where: at(['cards', cardIndex]) }
  })
  const narration: Narration = { file: relative, language, module: checked.data.module, cards }
  // Lay out every frame now, so that text that does not fit stops the script before any audio is made.
  frames(narration, courseLabel(path.dirname(path.dirname(language === 'en' ? file : path.dirname(file))), language))
  return narration
}

/** The course-language narration beside a translation's, if it exists and reads cleanly. */
function courseLanguageNarration(file: string): Narration | undefined {
  const english = path.join(path.dirname(path.dirname(file)), path.basename(file))
  try {
    return existsSync(english) ? readNarration(english, 'en') : undefined
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------
// Audio

interface Pcm {
  sampleRate: number
  samples: Int16Array
}

/** The PCM samples of a mono 16-bit WAV file. */
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
      const count = Math.floor((end - offset - 8) / 2)
      const samples = new Int16Array(count)
      for (let index = 0; index < count; index++) samples[index] = data.readInt16LE(offset + 8 + index * 2)
      return { sampleRate, samples }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error(`${file} has no audio data.`)
}

function wavFile(sampleRate: number, samples: Int16Array): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + samples.length * 2, 4)
  header.write('WAVEfmt ', 8, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(samples.length * 2, 40)
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)])
}

/**
 * Cuts the silence each voice leaves around its speech (keeping a short margin) and levels the
 * line to one loudness, so that every voice sounds as loud and every gap is as long as intended.
 */
function trimAndLevel(samples: Int16Array): Int16Array {
  const threshold = 300
  let first = 0
  while (first < samples.length && Math.abs(samples[first] ?? 0) < threshold) first++
  let last = samples.length - 1
  while (last > first && Math.abs(samples[last] ?? 0) < threshold) last--
  const margin = Math.round(0.04 * SAMPLE_RATE)
  const trimmed = samples.slice(Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin))
  let sum = 0
  let peak = 1
  for (const sample of trimmed) {
    sum += sample * sample
    peak = Math.max(peak, Math.abs(sample))
  }
  const rms = Math.sqrt(sum / Math.max(1, trimmed.length))
  const gain = Math.min(0.1 * 32767 / Math.max(1, rms), 0.89 * 32767 / peak)
  return trimmed.map((sample) => Math.max(-32768, Math.min(32767, Math.round(sample * gain))))
}

interface Cue {
  start: number
  end: number
  text: string
}

interface Timing {
  wav: Buffer
  seconds: number
  /** When each line of each card starts and ends. */
  lines: { start: number; end: number }[][]
}

const BIT_EXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', '-threads', '1']

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', ...args], { stdio: ['ignore', 'inherit', 'inherit'] })
}

/** Speaks every line on its own and joins them with silences, so each cue's times are exact. */
function narrate(narration: Narration, work: string): Timing {
  const parts: Int16Array[] = []
  let samples = 0
  const silence = (seconds: number) => {
    const count = Math.round(seconds * SAMPLE_RATE)
    parts.push(new Int16Array(count))
    samples += count
  }
  silence(LEAD_IN)
  let index = 0
  const lines = narration.cards.map((card, cardIndex) =>
    card.lines.map((line, lineIndex) => {
      const raw = path.join(work, `line-${index}.raw.wav`)
      const resampled = path.join(work, `line-${index++}.wav`)
      try {
        synthesise(line.voice, narration.language, line.say, raw)
      } catch (error) {
        throw new Error(`${line.where}: the voice ${line.voice} failed: ${error instanceof Error ? error.message : String(error)}`)
      }
      ffmpeg(['-i', raw, '-af', `aresample=${SAMPLE_RATE}`, '-ac', '1', '-c:a', 'pcm_s16le', ...BIT_EXACT, resampled])
      const pcm = readWav(resampled)
      if (pcm.sampleRate !== SAMPLE_RATE) throw new Error(`${resampled}: expected ${SAMPLE_RATE} Hz.`)
      if (cardIndex > 0 || lineIndex > 0) silence(lineIndex === 0 ? CARD_GAP : LINE_GAP)
      const start = samples / SAMPLE_RATE
      const speech = trimAndLevel(pcm.samples)
      parts.push(speech)
      samples += speech.length
      return { start, end: samples / SAMPLE_RATE }
    }),
  )
  silence(TAIL)
  const all = new Int16Array(samples)
  let offset = 0
  for (const part of parts) {
    all.set(part, offset)
    offset += part.length
  }
  return { wav: wavFile(SAMPLE_RATE, all), seconds: samples / SAMPLE_RATE, lines }
}

// ---------------------------------------------------------------------------------------------
// Captions

function wrapWords(text: string, width: number): string[] {
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

/**
 * One cue per line; a line too long for two caption lines becomes consecutive cues of at most
 * two lines each, its time shared out by length.
 */
export function captionCues(text: string, start: number, end: number): Cue[] {
  const rows = wrapWords(text, CAPTION_WIDTH)
  const chunks: string[] = []
  for (let index = 0; index < rows.length; index += 2) chunks.push(rows.slice(index, index + 2).join('\n'))
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
  let at = start
  return chunks.map((chunk, index) => {
    const to = index === chunks.length - 1 ? end : at + ((end - start) * chunk.length) / total
    const cue = { start: at, end: to, text: chunk }
    at = to
    return cue
  })
}

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  const pad = (value: number, length = 2) => String(value).padStart(length, '0')
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`
}

function webVtt(cues: readonly Cue[]): string {
  const body = cues.map((cue, index) => `${index + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${cue.text}\n`)
  return `WEBVTT\n\n${body.join('\n')}`
}

// ---------------------------------------------------------------------------------------------
// Fonts: text is measured with the font's own advance widths, so that layout never guesses.

class FontMetrics {
  private readonly unitsPerEm: number
  private readonly advances: number[] = []
  private readonly glyphs = new Map<number, number>()

  constructor(readonly file: string) {
    const data = readFileSync(file)
    const tables = new Map<string, number>()
    const count = data.readUInt16BE(4)
    for (let index = 0; index < count; index++) tables.set(data.toString('latin1', 12 + index * 16, 16 + index * 16), data.readUInt32BE(20 + index * 16))
    const table = (tag: string) => {
      const offset = tables.get(tag)
      if (offset === undefined) throw new Error(`${file} has no ${tag} table.`)
      return offset
    }
    this.unitsPerEm = data.readUInt16BE(table('head') + 18)
    const metrics = data.readUInt16BE(table('hhea') + 34)
    for (let index = 0; index < metrics; index++) this.advances.push(data.readUInt16BE(table('hmtx') + index * 4))
    const cmap = table('cmap')
    let best = -1
    for (let index = 0; index < data.readUInt16BE(cmap + 2); index++) {
      const platform = data.readUInt16BE(cmap + 4 + index * 8)
      const encoding = data.readUInt16BE(cmap + 6 + index * 8)
      const offset = cmap + data.readUInt32BE(cmap + 8 + index * 8)
      const format = data.readUInt16BE(offset)
      if (platform === 3 && encoding === 10 && format === 12) best = offset
      else if (best < 0 && platform === 3 && encoding === 1 && format === 4) best = offset
    }
    if (best < 0) throw new Error(`${file} has no Unicode character map.`)
    if (data.readUInt16BE(best) === 12) {
      for (let group = 0; group < data.readUInt32BE(best + 12); group++) {
        const base = best + 16 + group * 12
        const [first, last, glyph] = [data.readUInt32BE(base), data.readUInt32BE(base + 4), data.readUInt32BE(base + 8)]
        for (let code = first; code <= last; code++) this.glyphs.set(code, glyph + code - first)
      }
    } else {
      const segments = data.readUInt16BE(best + 6) / 2
      const ends = best + 14
      const starts = ends + segments * 2 + 2
      const deltas = starts + segments * 2
      const ranges = deltas + segments * 2
      for (let segment = 0; segment < segments; segment++) {
        const end = data.readUInt16BE(ends + segment * 2)
        const start = data.readUInt16BE(starts + segment * 2)
        const delta = data.readInt16BE(deltas + segment * 2)
        const range = data.readUInt16BE(ranges + segment * 2)
        for (let code = start; code <= end && code !== 0xffff; code++) {
          let glyph: number
          if (range === 0) glyph = (code + delta) & 0xffff
          else {
            const raw = data.readUInt16BE(ranges + segment * 2 + range + (code - start) * 2)
            glyph = raw === 0 ? 0 : (raw + delta) & 0xffff
          }
          if (glyph !== 0) this.glyphs.set(code, glyph)
        }
      }
    }
  }

  /** The first character of `text` the font cannot draw, if any. */
  missing(text: string): string | undefined {
    return [...text].find((character) => !/\s/.test(character) && !this.glyphs.has(character.codePointAt(0) ?? 0))
  }

  width(text: string, size: number): number {
    let units = 0
    for (const character of text) {
      const glyph = this.glyphs.get(character.codePointAt(0) ?? 0) ?? 0
      units += this.advances[Math.min(glyph, this.advances.length - 1)] ?? 0
    }
    return (units * size) / this.unitsPerEm
  }
}

type FontStyle = 'regular' | 'bold' | 'italic'
const FONT_FAMILY = 'Lato'
const FONT_PATTERNS: Record<FontStyle, string> = { regular: 'Lato:style=Regular', bold: 'Lato:style=Bold', italic: 'Lato:style=Italic' }
const fonts = new Map<FontStyle, FontMetrics>()

function font(style: FontStyle): FontMetrics {
  let metrics = fonts.get(style)
  if (!metrics) {
    const file = execFileSync('fc-match', ['-f', '%{file}', FONT_PATTERNS[style]], { encoding: 'utf8' }).trim()
    if (!/Lato-(Regular|Bold|Italic)\.ttf$/.test(file)) throw new Error(`No Lato font for ${style} (fc-match gave ${file}); install fonts-lato.`)
    metrics = new FontMetrics(file)
    fonts.set(style, metrics)
  }
  return metrics
}

/** Breaks text into lines no wider than `width`; a single word wider than that is an error. */
function wrapText(text: string, style: FontStyle, size: number, width: number): string[] | undefined {
  const metrics = font(style)
  const lines: string[] = []
  let current = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current === '' ? word : `${current} ${word}`
    if (metrics.width(candidate, size) <= width) current = candidate
    else {
      if (current === '' || metrics.width(word, size) > width) return undefined
      lines.push(current)
      current = word
    }
  }
  if (current !== '') lines.push(current)
  return lines
}

interface Fitted {
  lines: string[]
  size: number
}

class LayoutError extends Error {}

/** The largest size from `sizes` at which `text` fits in `maxLines` lines of `width`. */
function fit(text: string, style: FontStyle, sizes: readonly number[], width: number, maxLines: number, what: string): Fitted {
  const missing = font(style).missing(text)
  if (missing !== undefined) throw new LayoutError(`${what}: the font has no "${missing}" (U+${(missing.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}); write it another way.`)
  for (const size of sizes) {
    const lines = wrapText(text, style, size, width)
    if (lines && lines.length <= maxLines) return { lines, size }
  }
  throw new LayoutError(`${what}: "${text}" is too long for its place on the frame (at most ${maxLines} line${maxLines === 1 ? '' : 's'}); shorten it.`)
}

/** Several texts at one size, the largest at which every one of them fits, so that a list looks even. */
function fitAll(texts: readonly string[], style: FontStyle, sizes: readonly number[], width: number, maxLines: number, what: (index: number) => string): Fitted[] {
  const smallest = Math.min(...texts.map((text, index) => fit(text, style, sizes, width, maxLines, what(index)).size))
  return texts.map((text, index) => fit(text, style, [smallest], width, maxLines, what(index)))
}

// ---------------------------------------------------------------------------------------------
// Colours, checked against WCAG AA on every run

const COLOUR = {
  navy: '#12355b',
  navyDeep: '#0d2946',
  navyLight: '#1f4c7c',
  gold: '#f4b942',
  white: '#ffffff',
  mist: '#d6e4f5',
  paper: '#ffffff',
  ink: '#17212e',
  grey: '#56606d',
  rule: '#d9dee5',
  bubble: '#eef2f7',
  green: '#1b7340',
  red: '#b3261e',
}

/** Every pair of text and background colour the frames use. */
const TEXT_ON: [keyof typeof COLOUR, keyof typeof COLOUR][] = [
  ['white', 'navy'],
  ['mist', 'navy'],
  ['gold', 'navy'],
  ['mist', 'navyLight'],
  ['white', 'navyLight'],
  ['navy', 'gold'],
  ['ink', 'paper'],
  ['grey', 'paper'],
  ['ink', 'bubble'],
  ['green', 'paper'],
  ['red', 'paper'],
  ['white', 'green'],
  ['white', 'red'],
]

function checkColours(): void {
  for (const [text, background] of TEXT_ON) {
    const ratio = contrastRatio(COLOUR[text], COLOUR[background])
    if (ratio < AA_CONTRAST) throw new Error(`${text} text on ${background} has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs ${AA_CONTRAST}:1.`)
  }
}

// ---------------------------------------------------------------------------------------------
// Frames

const LABELS: Record<Language, { module: string; do: string; dont: string; nations: Record<Nation, string> }> = {
  en: { module: 'Module', do: 'Do', dont: "Don't", nations: { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' } },
  cy: { module: 'Modiwl', do: 'Gwnewch', dont: 'Peidiwch', nations: { england: 'Lloegr', wales: 'Cymru', scotland: 'Yr Alban', 'northern-ireland': 'Gogledd Iwerddon' } },
}

/** How each language names each nation in running text, to light its tile when a line names it. */
const NATION_WORDS: Record<Language, Record<Nation, RegExp>> = {
  en: { england: /\bEngland\b/i, wales: /\bWales\b/i, scotland: /\bScotland\b/i, 'northern-ireland': /\bNorthern Ireland\b/i },
  // With the mutations a name takes after a preposition: "i Loegr", "yng Nghymru", "yng Ngogledd Iwerddon".
  cy: { england: /\bL?loegr\b/i, wales: /\b(Cymru|Gymru|Nghymru|Chymru)\b/i, scotland: /\bAlban\b/i, 'northern-ireland': /\b(Gogledd|Ogledd|Ngogledd) Iwerddon\b/i },
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

interface TextOptions {
  size: number
  style?: FontStyle
  fill: string
  anchor?: 'start' | 'middle' | 'end'
}

function svgText(text: string, x: number, y: number, options: TextOptions): string {
  const style = options.style ?? 'regular'
  const weight = style === 'bold' ? ' font-weight="700"' : ''
  const italic = style === 'italic' ? ' font-style="italic"' : ''
  const anchor = options.anchor && options.anchor !== 'start' ? ` text-anchor="${options.anchor}"` : ''
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-size="${options.size}"${weight}${italic}${anchor} fill="${options.fill}">${escapeXml(text)}</text>`
}

function svgLines(fitted: Fitted, x: number, top: number, leading: number, options: Omit<TextOptions, 'size'>): string {
  return fitted.lines.map((line, index) => svgText(line, x, Math.round(top + fitted.size * 0.8 + index * fitted.size * leading), { ...options, size: fitted.size })).join('')
}

function icon(name: IconName, cx: number, cy: number, size: number, colour: string, strokeWidth = 1.7): string {
  const scale = size / 24
  const body = ICONS[name].replace(/ class="f"/g, ` fill="${colour}" stroke="none"`)
  return `<g transform="translate(${cx - size / 2} ${cy - size / 2}) scale(${scale})" fill="none" stroke="${colour}" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round">${body}</g>`
}

const TICK = '<path d="m6 12.5 4 4 8-9"/>'
const CROSS = '<path d="m7 7 10 10M17 7 7 17"/>'

function mark(kind: 'tick' | 'cross', cx: number, cy: number, size: number, colour: string, strokeWidth = 2.6): string {
  return `<g transform="translate(${cx - size / 2} ${cy - size / 2}) scale(${size / 24})" fill="none" stroke="${colour}" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round">${kind === 'tick' ? TICK : CROSS}</g>`
}

function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !/^(Y|Cllr|Cyng\.?|Councillor|Cynghorydd)$/i.test(word) && /^\p{L}/u.test(word))
  const letters = words.length > 1 ? [words[0], words.at(-1)] : words.slice(0, 1)
  return letters.map((word) => [...(word ?? '')][0]?.toUpperCase() ?? '').join('')
}

interface FrameContext {
  narration: Narration
  course: string
  card: number
}

/** The background, the course and module line, and one progress segment per card. */
function chrome(context: FrameContext, content: string): string {
  const { narration, card } = context
  const segments = narration.cards.length
  const gap = 10
  const segment = (WIDTH - 128 - gap * (segments - 1)) / segments
  const bars = narration.cards
    .map((_, index) => `<rect x="${(64 + index * (segment + gap)).toFixed(1)}" y="34" width="${segment.toFixed(1)}" height="6" rx="3" fill="${index <= card ? COLOUR.gold : COLOUR.navyLight}"/>`)
    .join('')
  // The opening card names the module in large type; the others name it here.
  const label = card === 0 ? context.course : `${context.course} · ${LABELS[narration.language].module} ${narration.module}`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 1280 720">`,
    `<rect width="1280" height="720" fill="${COLOUR.navy}"/>`,
    `<circle cx="1180" cy="700" r="260" fill="${COLOUR.navyDeep}"/>`,
    bars,
    svgText(label, 64, 86, { size: 24, fill: COLOUR.mist }),
    content,
    '</svg>',
  ].join('')
}

/** The first card: module number, heading and the module's icon, large. */
function openingCard(context: FrameContext, heading: string, iconName: IconName, where: string): string {
  const title = fit(heading, 'bold', [72, 66, 60, 54], 680, 3, `${where}: heading`)
  const leading = 1.15
  const height = title.size * leading * title.lines.length
  const top = Math.round(360 - height / 2 + 20)
  return [
    svgText(`${LABELS[context.narration.language].module} ${context.narration.module}`.toUpperCase(), 96, top - 24, { size: 28, style: 'bold', fill: COLOUR.gold }),
    svgLines(title, 96, top, leading, { style: 'bold', fill: COLOUR.white }),
    `<circle cx="1000" cy="370" r="150" fill="${COLOUR.gold}"/>`,
    icon(iconName, 1000, 370, 190, COLOUR.navy, 1.5),
  ].join('')
}

function titleCard(heading: string, iconName: IconName, where: string): string {
  const title = fit(heading, 'bold', [64, 58, 52, 46], 1040, 2, `${where}: heading`)
  return [
    `<circle cx="640" cy="255" r="92" fill="${COLOUR.gold}"/>`,
    icon(iconName, 640, 255, 112, COLOUR.navy, 1.6),
    svgLines(title, 640, 392, 1.15, { style: 'bold', fill: COLOUR.white, anchor: 'middle' }),
  ].join('')
}

/** The heading above a visual. */
function visualHeading(heading: string, where: string): string {
  const title = fit(heading, 'bold', [46, 42, 38, 34], 1088, 1, `${where}: heading`)
  return svgLines(title, 64, 122, 1, { style: 'bold', fill: COLOUR.white })
}

const VISUAL_TOP = 196
const VISUAL_BOTTOM = 612

/** A social media post; its note, replies and mark show once `revealed` (see `reveal`). */
function post(visual: Extract<Visual, { kind: 'post' }>, revealed: boolean, where: string): string {
  const width = 900
  const x = (WIDTH - width) / 2
  const pad = 32
  const inner = width - pad * 2
  const author = fit(visual.author, 'bold', [28, 26, 24], inner - 90 - (visual.tag ? 170 : 0), 1, `${where}: visual.author`)
  const headerHeight = 72
  const actionsHeight = 54
  /** The post at a smaller step of type sizes, until it fits the frame. */
  const layout = (step: number) => {
    const body = fit(visual.text, 'regular', [30, 28, 26, 24].slice(step), inner, visual.replies?.length ? 3 : 4, `${where}: visual.text`)
    const note = visual.note ? fit(visual.note, 'regular', [22, 21, 20, 20].slice(step), inner - 18, 2, `${where}: visual.note`) : undefined
    const replies = (visual.replies ?? []).map((reply, index) => ({
      author: fit(reply.author, 'bold', [24, 23, 22, 22].slice(step), inner - 100, 1, `${where}: visual.replies.${index}.author`),
      text: fit(reply.text, 'regular', [26, 25, 24, 22].slice(step), inner - 100, 2, `${where}: visual.replies.${index}.text`),
    }))
    const bodyHeight = body.lines.length * body.size * 1.3
    const noteHeight = note ? 20 + note.lines.length * note.size * 1.3 : 0
    const repliesHeight = replies.reduce((sum, reply) => sum + 12 + 16 + 30 + reply.text.lines.length * reply.text.size * 1.3 + 16, 0)
    const height = Math.round(pad + headerHeight + 14 + bodyHeight + noteHeight + actionsHeight + repliesHeight + pad - 10)
    return { body, note, replies, bodyHeight, noteHeight, repliesHeight, height }
  }
  let laid = layout(0)
  for (let step = 1; step < 4 && laid.height > VISUAL_BOTTOM - VISUAL_TOP + 10; step++) laid = layout(step)
  const { body, note, replies, bodyHeight, noteHeight, repliesHeight, height } = laid
  const replyHeight = (reply: (typeof replies)[number]) => 16 + 30 + reply.text.lines.length * reply.text.size * 1.3 + 16
  if (height > VISUAL_BOTTOM - VISUAL_TOP + 10) throw new LayoutError(`${where}: the post is too tall for the frame; shorten its text, note or replies.`)
  const y = Math.round(VISUAL_TOP + (VISUAL_BOTTOM - VISUAL_TOP - height) / 2)
  // Before the reveal the card keeps the note's place, so only the replies below it grow the card.
  const parts = [`<rect x="${x}" y="${y}" width="${width}" height="${revealed ? height : Math.round(height - repliesHeight)}" rx="22" fill="${COLOUR.paper}"/>`]
  const avatarY = y + pad + 32
  parts.push(`<circle cx="${x + pad + 32}" cy="${avatarY}" r="32" fill="${COLOUR.navy}"/>`)
  parts.push(svgText(initials(visual.author), x + pad + 32, avatarY + 9, { size: 24, style: 'bold', fill: COLOUR.white, anchor: 'middle' }))
  const nameX = x + pad + 84
  if (visual.handle) {
    parts.push(svgText(author.lines[0] ?? '', nameX, avatarY - 4, { size: author.size, style: 'bold', fill: COLOUR.ink }))
    const handle = fit(visual.handle, 'regular', [22, 20], inner - 90, 1, `${where}: visual.handle`)
    parts.push(svgText(handle.lines[0] ?? '', nameX, avatarY + 26, { size: handle.size, fill: COLOUR.grey }))
  } else {
    parts.push(svgText(author.lines[0] ?? '', nameX, avatarY + 10, { size: author.size, style: 'bold', fill: COLOUR.ink }))
  }
  if (visual.tag) {
    const tag = fit(visual.tag, 'bold', [20], 150, 1, `${where}: visual.tag`)
    const tagWidth = Math.round(font('bold').width(tag.lines[0] ?? '', 20) + 28)
    parts.push(`<rect x="${x + width - pad - tagWidth}" y="${avatarY - 20}" width="${tagWidth}" height="38" rx="19" fill="none" stroke="${COLOUR.grey}" stroke-width="2"/>`)
    parts.push(svgText(tag.lines[0] ?? '', x + width - pad - tagWidth / 2, avatarY + 7, { size: 20, style: 'bold', fill: COLOUR.grey, anchor: 'middle' }))
  }
  let cursor = y + pad + headerHeight + 14
  parts.push(svgLines(body, x + pad, cursor, 1.3, { fill: COLOUR.ink }))
  cursor += bodyHeight
  if (note) {
    cursor += 14
    if (revealed) parts.push(`<rect x="${x + pad}" y="${cursor - 4}" width="6" height="${Math.round(note.lines.length * note.size * 1.3 + 4)}" rx="3" fill="${COLOUR.gold}"/>`)
    if (revealed) parts.push(svgLines(note, x + pad + 18, cursor, 1.3, { fill: COLOUR.grey }))
    cursor += noteHeight - 14
  }
  cursor += 12
  parts.push(`<rect x="${x + pad}" y="${cursor}" width="${inner}" height="2" fill="${COLOUR.rule}"/>`)
  const actionsY = cursor + 28
  ;(['heart', 'chat', 'signpost'] as const).forEach((name, index) => {
    const glyph = name === 'signpost' ? '<path d="M4 12h13M13 6l6 6-6 6"/>' : ICONS[name].replace(/<circle[^>]*class="f"\/>/g, '')
    parts.push(`<g transform="translate(${x + pad + index * 110} ${actionsY - 13}) scale(${26 / 24})" fill="none" stroke="${COLOUR.grey}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${glyph}</g>`)
  })
  cursor += actionsHeight
  for (const reply of revealed ? replies : []) {
    cursor += 4
    const cy = cursor + 30
    parts.push(`<circle cx="${x + pad + 24}" cy="${cy}" r="24" fill="${COLOUR.gold}"/>`)
    parts.push(svgText(initials(reply.author.lines[0] ?? ''), x + pad + 24, cy + 7, { size: 19, style: 'bold', fill: COLOUR.navy, anchor: 'middle' }))
    parts.push(`<rect x="${x + pad + 62}" y="${cursor}" width="${inner - 62}" height="${Math.round(replyHeight(reply))}" rx="16" fill="${COLOUR.bubble}"/>`)
    parts.push(svgText(reply.author.lines[0] ?? '', x + pad + 82, cursor + 38, { size: reply.author.size, style: 'bold', fill: COLOUR.ink }))
    parts.push(svgLines(reply.text, x + pad + 82, cursor + 48, 1.3, { fill: COLOUR.ink }))
    cursor += replyHeight(reply) + 8
  }
  if (visual.mark && revealed) {
    const colour = visual.mark === 'good' ? COLOUR.green : COLOUR.red
    parts.push(`<circle cx="${x + width - 6}" cy="${y + 6}" r="34" fill="${colour}" stroke="${COLOUR.navy}" stroke-width="6"/>`)
    parts.push(mark(visual.mark === 'good' ? 'tick' : 'cross', x + width - 6, y + 6, 40, COLOUR.white, 3))
  }
  return parts.join('')
}

function checklist(visual: Extract<Visual, { kind: 'checklist' }>, ticked: number, where: string): string {
  const parts: string[] = []
  const title = visual.title ? fit(visual.title, 'bold', [30, 28], 1000, 1, `${where}: visual.title`) : undefined
  // Few items get larger type, so that a short list does not look lost on the frame.
  const few = visual.items.length <= 3
  const rows = fitAll(visual.items, 'bold', few ? [40, 37, 34, 31, 28] : [34, 31, 28], 860, 1, (index) => `${where}: visual.items.${index}`)
  const step = visual.items.length > 4 ? 72 : few ? 96 : 84
  const height = (title ? 56 : 0) + rows.length * step
  let y = Math.round(VISUAL_TOP + (VISUAL_BOTTOM - VISUAL_TOP - height) / 2)
  if (title) {
    parts.push(svgLines(title, 200, y, 1, { style: 'bold', fill: COLOUR.gold }))
    y += 56
  }
  rows.forEach((row, index) => {
    const done = index < ticked
    const cy = y + index * step + step / 2
    if (done) {
      parts.push(`<rect x="200" y="${cy - 24}" width="48" height="48" rx="10" fill="${COLOUR.gold}"/>`)
      parts.push(mark('tick', 224, cy, 36, COLOUR.navy, 3))
    } else {
      parts.push(`<rect x="202" y="${cy - 22}" width="44" height="44" rx="9" fill="none" stroke="${COLOUR.mist}" stroke-width="3"/>`)
    }
    parts.push(svgText(row.lines[0] ?? '', 280, Math.round(cy + row.size * 0.35), { size: row.size, style: 'bold', fill: done ? COLOUR.white : COLOUR.mist }))
  })
  return parts.join('')
}

/** Four tiles, placed roughly as the nations lie: Northern Ireland and Scotland, then Wales and England. */
const NATION_TILES: [Nation, number, number][] = [
  ['northern-ireland', 0, 0],
  ['scotland', 1, 0],
  ['wales', 0, 1],
  ['england', 1, 1],
]

function nations(visual: Extract<Visual, { kind: 'nations' }>, lit: ReadonlySet<Nation>, language: Language, where: string): string {
  const parts: string[] = []
  const width = 500
  const height = 180
  const gap = 24
  const x0 = (WIDTH - width * 2 - gap) / 2
  const y0 = Math.round(VISUAL_TOP + (VISUAL_BOTTOM - VISUAL_TOP - height * 2 - gap) / 2)
  for (const [nation, column, row] of NATION_TILES) {
    const x = x0 + column * (width + gap)
    const y = y0 + row * (height + gap)
    const on = lit.has(nation)
    const note = visual.notes?.[nation]
    const name = LABELS[language].nations[nation]
    parts.push(`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="20" fill="${on ? COLOUR.gold : COLOUR.navyLight}"/>`)
    const text = on ? COLOUR.navy : COLOUR.mist
    if (note) {
      const fitted = fit(note, 'regular', [24, 22, 20], width - 64, 2, `${where}: visual.notes.${nation}`)
      parts.push(svgText(name, x + 32, y + 62, { size: 38, style: 'bold', fill: text }))
      parts.push(svgLines(fitted, x + 32, y + 84, 1.3, { fill: text }))
    } else {
      parts.push(svgText(name, x + 32, y + height / 2 + 14, { size: 40, style: 'bold', fill: text }))
    }
    if (on) {
      parts.push(`<circle cx="${x + width - 46}" cy="${y + 46}" r="22" fill="${COLOUR.navy}"/>`)
      parts.push(mark('tick', x + width - 46, y + 46, 28, COLOUR.gold, 3))
    }
  }
  return parts.join('')
}

function compare(visual: Extract<Visual, { kind: 'compare' }>, language: Language, where: string): string {
  const parts: string[] = []
  const width = 500
  const gap = 24
  const x0 = (WIDTH - width * 2 - gap) / 2
  const columns = [
    { label: visual.doLabel ?? LABELS[language].do, items: visual.do, colour: COLOUR.green, kind: 'tick' as const, key: 'do' },
    { label: visual.dontLabel ?? LABELS[language].dont, items: visual.dont, colour: COLOUR.red, kind: 'cross' as const, key: 'dont' },
  ]
  const all = fitAll(
    columns.flatMap((column) => column.items),
    'regular',
    [32, 30, 28, 26, 24],
    width - 100,
    3,
    (index) => (index < visual.do.length ? `${where}: visual.do.${index}` : `${where}: visual.dont.${index - visual.do.length}`),
  )
  const laid = columns.map((column, columnIndex) => ({
    ...column,
    heading: fit(column.label, 'bold', [32, 28], width - 110, 1, `${where}: visual.${column.key}Label`),
    rows: columnIndex === 0 ? all.slice(0, visual.do.length) : all.slice(visual.do.length),
  }))
  const bodyHeight = Math.max(...laid.map((column) => column.rows.reduce((sum, row) => sum + row.lines.length * row.size * 1.25 + 22, 0)))
  const height = Math.round(76 + 24 + bodyHeight + 8)
  if (height > VISUAL_BOTTOM - VISUAL_TOP + 10) throw new LayoutError(`${where}: the do and don't lists are too long for the frame; shorten them.`)
  const y = Math.round(VISUAL_TOP + (VISUAL_BOTTOM - VISUAL_TOP - height) / 2)
  laid.forEach((column, index) => {
    const x = x0 + index * (width + gap)
    parts.push(`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="20" fill="${COLOUR.paper}"/>`)
    parts.push(`<path d="M${x} ${y + 20}a20 20 0 0 1 20-20h${width - 40}a20 20 0 0 1 20 20v56H${x}z" fill="${column.colour}"/>`)
    parts.push(`<circle cx="${x + 48}" cy="${y + 38}" r="20" fill="${COLOUR.white}"/>`)
    parts.push(mark(column.kind, x + 48, y + 38, 26, column.colour, 3.2))
    parts.push(svgText(column.heading.lines[0] ?? '', x + 84, y + 38 + column.heading.size * 0.35, { size: column.heading.size, style: 'bold', fill: COLOUR.white }))
    let cursor = y + 76 + 24
    for (const row of column.rows) {
      parts.push(mark(column.kind, x + 44, cursor + row.size * 0.45, 26, column.colour, 3))
      parts.push(svgLines(row, x + 74, cursor, 1.25, { fill: COLOUR.ink }))
      cursor += row.lines.length * row.size * 1.25 + 22
    }
  })
  return parts.join('')
}

function quote(text: string, name: string, role: string | undefined, where: string, keys: string): string {
  const body = fit(`“${text}”`, 'italic', [40, 36, 33, 30], 900, 4, `${where}: ${keys}text`)
  const person = fit(name, 'bold', [30, 28], 760, 1, `${where}: ${keys}name`)
  const detail = role ? fit(role, 'regular', [24, 22], 760, 1, `${where}: ${keys}role`) : undefined
  const bodyHeight = body.lines.length * body.size * 1.3
  const height = bodyHeight + 40 + 72
  const y = Math.round(VISUAL_TOP + (VISUAL_BOTTOM - VISUAL_TOP - height) / 2)
  const personY = Math.round(y + bodyHeight + 40 + 36)
  return [
    `<rect x="150" y="${y}" width="8" height="${Math.round(bodyHeight)}" rx="4" fill="${COLOUR.gold}"/>`,
    svgLines(body, 196, y - 6, 1.3, { style: 'italic', fill: COLOUR.white }),
    `<circle cx="232" cy="${personY}" r="36" fill="${COLOUR.gold}"/>`,
    svgText(initials(name), 232, personY + 10, { size: 26, style: 'bold', fill: COLOUR.navy, anchor: 'middle' }),
    svgText(person.lines[0] ?? '', 290, detail ? personY - 4 : personY + 10, { size: person.size, style: 'bold', fill: COLOUR.white }),
    detail ? svgText(detail.lines[0] ?? '', 290, personY + 28, { size: detail.size, fill: COLOUR.mist }) : '',
  ].join('')
}

/** Shown while a cast voice speaks a line that starts with the speaker's name: who is talking. */
function speaker(name: string, where: string): string {
  const person = fit(name, 'bold', [48, 44, 40, 36], 1000, 2, `${where}: speaker's name`)
  const bars = [14, 30, 48, 26, 40, 18, 34, 22, 44, 16]
    .map((height, index) => `<rect x="${640 - 5 * 22 + index * 22}" y="${520 - height / 2}" width="10" height="${height}" rx="5" fill="${COLOUR.gold}"/>`)
    .join('')
  return [
    `<circle cx="640" cy="265" r="86" fill="${COLOUR.gold}"/>`,
    svgText(initials(name), 640, 265 + 22, { size: 62, style: 'bold', fill: COLOUR.navy, anchor: 'middle' }),
    svgLines(person, 640, 376, 1.15, { style: 'bold', fill: COLOUR.white, anchor: 'middle' }),
    bars,
  ].join('')
}


interface Scene {
  /** The card, and the line of it from which this frame shows (0 = from the card's start). */
  card: number
  line: number
  svg: string
}

/**
 * Every frame of a video in order: one per card, one more each time a checklist item is ticked
 * or a nation lights up, and one while a named cast voice speaks.
 */
export function frames(narration: Narration, course: string): Scene[] {
  const scenes: Scene[] = []
  const language = narration.language
  narration.cards.forEach((card, cardIndex) => {
    const context: FrameContext = { narration, course, card: cardIndex }
    const visual = card.visual
    const moduleIcon = MODULE_ICONS[(narration.module - 1) % MODULE_ICONS.length] ?? 'chat'
    const iconName = visual?.kind === 'title' ? visual.icon : moduleIcon
    /** The card's own frame as it looks from line `line` on. */
    const cardFrame = (line: number): string => {
      if (visual === undefined || visual.kind === 'title') {
        return cardIndex === 0 ? openingCard(context, card.heading, iconName, card.where) : titleCard(card.heading, iconName, card.where)
      }
      const heading = visualHeading(card.heading, card.where)
      switch (visual.kind) {
        case 'post':
          return heading + post(visual, line + 1 >= (visual.reveal ?? 1), card.where)
        case 'checklist': {
          const lines = card.lines.length
          const items = visual.items.length
          // Each item is ticked as its line starts: the lines "at" names, or else the last lines
          // (one item each) when there are no more items than lines.
          const ticked = visual.at
            ? visual.at.filter((tick) => tick <= line + 1).length
            : items <= lines
              ? Math.max(0, line - (lines - items) + 1)
              : Math.floor(((line + 1) * items) / lines)
          return heading + checklist(visual, ticked, card.where)
        }
        case 'nations': {
          const lit = new Set<Nation>(visual.highlight ?? [])
          for (const spoken of card.lines.slice(0, line + 1)) {
            for (const nation of NATIONS) if (NATION_WORDS[language][nation].test(spoken.text)) lit.add(nation)
          }
          return heading + nations(visual, lit, language, card.where)
        }
        case 'compare':
          return heading + compare(visual, language, card.where)
        case 'quote':
          return heading + quote(visual.text, visual.name, visual.role, card.where, 'visual.')
      }
    }
    let previous = ''
    let current: { name: string; voice: VoiceName } | undefined
    card.lines.forEach((line, lineIndex) => {
      // A speaker stays on screen for the lines they go on to say in their voice.
      const named = speakerOf(line)
      if (named !== undefined) current = { name: named, voice: line.voice }
      else if (!(current && line.voiced && line.voice === current.voice)) current = undefined
      const svg = chrome(context, current !== undefined ? speaker(current.name, line.where) : cardFrame(lineIndex))
      if (svg !== previous) scenes.push({ card: cardIndex, line: lineIndex, svg })
      previous = svg
    })
  })
  return scenes
}

// ---------------------------------------------------------------------------------------------
// Video

function courseLabel(courseDir: string, language: Language): string {
  const file = language === 'en' ? path.join(courseDir, 'course.yaml') : path.join(courseDir, 'translations', language, 'course.yaml')
  const title = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { title?: unknown }).title : undefined
  return typeof title === 'string' ? title : 'Civic Learn'
}

function narrationFile(courseDir: string, name: string, language: Language): string {
  return language === 'en' ? path.join(courseDir, 'narration', `${name}.yaml`) : path.join(courseDir, 'narration', language, `${name}.yaml`)
}

function mediaName(name: string, language: Language, kind: 'mp4' | 'vtt' | 'poster'): string {
  const infix = language === 'en' ? '' : `.${language}`
  if (kind === 'vtt') return `${name}.${language}.vtt`
  return kind === 'mp4' ? `${name}${infix}.mp4` : `${name}${infix}.poster.png`
}

function makeVideo(courseDir: string, name: string, language: Language): number {
  const narration = readNarration(narrationFile(courseDir, name, language), language)
  const work = mkdtempSync(path.join(os.tmpdir(), 'civic-video-'))
  try {
    const timing = narrate(narration, work)
    const seconds = timing.seconds
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new Error(`${narration.file}: the narration lasts ${seconds.toFixed(1)} s; a video must last ${MIN_SECONDS} to ${MAX_SECONDS} s.`)
    }
    const audio = path.join(work, 'narration.wav')
    writeFileSync(audio, timing.wav)

    // Render each distinct frame once, then lay one picture per video frame (hard links) for ffmpeg.
    const scenes = frames(narration, courseLabel(courseDir, language))
    const changes = scenes.map((scene, index) => {
      const line = timing.lines[scene.card]?.[scene.line]
      const start = index === 0 ? 0 : scene.line === 0 ? Math.max(0, (line?.start ?? 0) - CARD_LEAD) : (line?.start ?? 0)
      const svg = path.join(work, `scene-${index}.svg`)
      const png = path.join(work, `scene-${index}.png`)
      writeFileSync(svg, scene.svg)
      execFileSync('rsvg-convert', ['--width', String(WIDTH), '--height', String(HEIGHT), '--output', png, svg])
      return { start, png }
    })
    const framesDir = path.join(work, 'frames')
    mkdirSync(framesDir)
    const count = Math.ceil(seconds * FPS)
    let scene = 0
    for (let frame = 0; frame < count; frame++) {
      while (scene + 1 < changes.length && (changes[scene + 1]?.start ?? Infinity) <= frame / FPS) scene++
      linkSync(changes[scene]?.png ?? '', path.join(framesDir, `${String(frame).padStart(5, '0')}.png`))
    }

    const media = path.join(courseDir, 'media')
    ffmpeg([
      '-framerate', String(FPS), '-i', path.join(framesDir, '%05d.png'),
      '-i', audio,
      '-map', '0:v', '-map', '1:a',
      '-c:v', 'libx264', '-preset', 'slow', '-tune', 'stillimage', '-crf', '30', '-pix_fmt', 'yuv420p', '-g', String(FPS * 60),
      '-c:a', 'aac', '-b:a', '32k', '-ar', String(SAMPLE_RATE), '-ac', '1',
      '-t', seconds.toFixed(3),
      '-movflags', '+faststart',
      ...BIT_EXACT,
      path.join(media, mediaName(name, language, 'mp4')),
    ])
    copyFileSync(changes[0]?.png ?? '', path.join(media, mediaName(name, language, 'poster')))
    const cues = narration.cards.flatMap((card, cardIndex) =>
      card.lines.flatMap((line, lineIndex) => {
        const time = timing.lines[cardIndex]?.[lineIndex] ?? { start: 0, end: 0 }
        return captionCues(line.text, time.start, time.end)
      }),
    )
    writeFileSync(path.join(media, mediaName(name, language, 'vtt')), webVtt(cues))
    return seconds
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Every narration of a course: [name, language] for the course language and each translation present. */
function narrations(courseDir: string): [string, Language][] {
  const list = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.yaml'))
          .map((file) => file.slice(0, -'.yaml'.length))
          .sort()
      : []
  return LANGUAGES.flatMap((language) => list(path.dirname(narrationFile(courseDir, 'x', language))).map((name): [string, Language] => [name, language]))
}

function main(args: string[]): void {
  checkColours()
  let courseDir = path.resolve(__dirname, '../courses/social-media-for-local-leaders')
  let check = false
  const wanted: string[] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--course') courseDir = path.resolve(args[++index] ?? '')
    else if (arg === '--check') check = true
    else wanted.push(arg.replace(/\.yaml$/, '').replace(/^narration\//, ''))
  }
  const all = narrations(courseDir)
  const chosen =
    wanted.length === 0
      ? all
      : wanted.flatMap((want) => {
          const [prefix, rest] = want.includes('/') ? (want.split('/', 2) as [string, string]) : ['', want]
          const found = all.filter(([name, language]) => name === rest && (prefix === '' || prefix === language))
          if (found.length === 0) throw new Error(`No narration file for "${want}".`)
          return found
        })
  const failures: string[] = []
  for (const [name, language] of chosen) {
    try {
      if (check) {
        readNarration(narrationFile(courseDir, name, language), language)
        process.stdout.write(`${path.relative(process.cwd(), narrationFile(courseDir, name, language))}: ok\n`)
      } else {
        const seconds = makeVideo(courseDir, name, language)
        process.stdout.write(`media/${mediaName(name, language, 'mp4')}: ${seconds.toFixed(1)} s\n`)
      }
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error))
    }
  }
  if (failures.length > 0) throw new Error(failures.join('\n'))
}

// Run only as a script (tsx runs it as CommonJS); tests import its functions.
if (typeof require !== 'undefined' && require.main === module) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
