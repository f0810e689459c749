import { allowedExtensions, extensionOf, type FileKind, resolveCoursePath } from './course-paths'
import { LIMITS } from './limits'
import { nearest, type ProblemList, resolveWhere, START, type Where } from './problems'
import type { Question } from '../questions/schemas'
import { findControlCharacter, type CourseSource, type CourseSourceFile } from './source'

/** A question bank once loaded, with where it was declared for messages. */
export interface LoadedBank {
  questions: readonly Question[]
  file: string
  /** The module whose content it tests, where the bank names one. */
  module?: string
}

/**
 * The course being loaded: its files, its one namespace of ids and its question banks. Every
 * check that involves more than one file goes through here.
 */
export class CourseLoadContext {
  private readonly ids = new Map<string, { file: string; at: Where }>()
  private readonly checkedText = new Map<string, string | undefined>()
  private readonly checkedFiles = new Set<string>()
  readonly banks = new Map<string, LoadedBank>()
  readonly usedBanks = new Set<string>()

  constructor(
    readonly source: CourseSource,
    readonly problems: ProblemList,
  ) {}

  get files(): ReadonlyMap<string, CourseSourceFile> {
    return this.source.files
  }

  /**
   * The text of a course file with line endings normalized, or undefined when it is missing,
   * refused by the reader, empty or not text (each reported once, in the file itself).
   */
  text(path: string): string | undefined {
    if (this.checkedText.has(path)) return this.checkedText.get(path)
    const file = this.files.get(path)
    let text: string | undefined
    if (file?.kind === 'text') {
      text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text
      text = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
      const control = findControlCharacter(text)
      if (text.trim() === '') {
        this.problems.error(path, START, 'The file is empty.')
        text = undefined
      } else if (control) {
        this.problems.error(path, control, 'The file contains a control character, so it is not a text file.', 'Save the file again as plain UTF-8 text.')
        text = undefined
      }
    }
    this.checkedText.set(path, text)
    return text
  }

  /** Claims an id in the course's single namespace. */
  declareId(id: string, file: string, at: Where): void {
    const first = this.ids.get(id)
    if (first) {
      const { line, column } = resolveWhere(first.at)
      this.problems.error(file, at, `The id "${id}" is already used.`, `It is first used at ${first.file}:${line}:${column}; ids must be unique in the course.`)
      return
    }
    this.ids.set(id, { file, at })
  }

  /**
   * Checks a path written in `file` at `at`: inside the course folder, the right type of file,
   * present, and within size limits. Returns the normalized path.
   */
  courseFile(reference: string, kind: FileKind, file: string, at: Where): string | undefined {
    const resolved = resolveCoursePath(reference)
    if (!resolved.ok) {
      this.problems.error(file, at, resolved.message, resolved.hint)
      return undefined
    }
    const path = resolved.path
    const extensions = allowedExtensions(kind)
    if (!extensions.includes(extensionOf(path))) {
      this.problems.error(file, at, `"${reference}" is not ${KIND_NAMES[kind]}.`, `Use a file ending in ${extensions.join(', ')}.`)
      return undefined
    }
    const found = this.files.get(path)
    if (!found) {
      this.problems.error(file, at, `The file "${path}" does not exist.`, this.similarFile(path, extensions))
      return undefined
    }
    if (found.kind === 'refused') return undefined
    if (!this.checkedFiles.has(path)) {
      this.checkedFiles.add(path)
      if (found.size > LIMITS.mediaBytes) this.problems.error(path, START, `The file is larger than ${LIMITS.mediaBytes / 1024 ** 3} GB.`)
      if (kind === 'image' && found.size > LIMITS.imageBytesWarning) {
        this.problems.warning(path, START, `The image is ${(found.size / 1024 ** 2).toFixed(1)} MB; it will make the course slow to open.`, 'Resize it to at most 2000 pixels wide and save it as JPEG or WebP.')
      }
      if (kind === 'captions') this.checkWebVtt(path)
    }
    return path
  }

  /**
   * Media files in the folder that nothing in the course refers to: likely left over from an
   * earlier version. Exports leave them out, but the folder still carries them.
   */
  unusedMedia(): string[] {
    return [...this.files]
      .filter(([path, file]) => file.kind !== 'refused' && MEDIA_EXTENSIONS.has(extensionOf(path)) && !this.checkedFiles.has(path))
      .map(([path]) => path)
      .sort()
  }

  private checkWebVtt(path: string): void {
    const text = this.text(path)
    if (text === undefined) return
    const header = text.split('\n', 1)[0] ?? ''
    if (header !== 'WEBVTT' && !header.startsWith('WEBVTT ') && !header.startsWith('WEBVTT\t')) {
      this.problems.error(path, START, 'The file is not WebVTT: its first line must be WEBVTT.', 'Export captions as WebVTT (.vtt) from your captioning tool.')
    }
  }

  private similarFile(path: string, extensions: readonly string[]): string | undefined {
    const candidates = [...this.files.keys()].filter((candidate) => extensions.includes(extensionOf(candidate)))
    const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === path.toLowerCase())
    if (sameLetters) return `Did you mean "${sameLetters}"? Capital letters matter in file names.`
    const best = nearest(path, candidates)
    return best === undefined ? undefined : `Did you mean "${best}"?`
  }
}

/** Files only a page's reference gives a purpose; notes (.md, .txt) and course files are left alone. */
const MEDIA_EXTENSIONS = new Set(
  (['image', 'video', 'captions', 'document'] as const).flatMap((kind) => allowedExtensions(kind)).filter((extension) => extension !== '.md' && extension !== '.txt'),
)

const KIND_NAMES: Record<FileKind, string> = {
  course: 'a course file',
  module: 'a module file (.md)',
  bank: 'a question bank (.yaml)',
  image: 'an image',
  video: 'a video file',
  captions: 'a WebVTT file',
  document: 'a file learners can open',
}
