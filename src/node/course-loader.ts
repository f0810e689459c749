import { readdirSync, statSync } from 'node:fs'
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { CourseProblem } from '../core/api'
import { type CourseLoadResult, type CourseSource, type CourseSourceFile, findInvalidUtf8, isTextPath, LIMITS, loadCourse } from '../core/course'
import { COURSE_FILE } from '../core/course/course-file'
import { START } from '../core/course/problems'

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Reads, checks and loads the course in `dir`. Rejects only when `dir` itself cannot be read. */
export async function loadCourseFolder(dir: string): Promise<CourseLoadResult> {
  return loadCourse(await readCourseFolder(dir))
}

/** A course folder loaded: the result, and every file the loader found in it (for the media an export takes). */
export interface LoadedCourseFolder {
  result: CourseLoadResult
  files: string[]
}

/** What the loader makes of a folder already read: the course, and the folder's files. */
export function loadedFolder(source: CourseSource): LoadedCourseFolder {
  return { result: loadCourse(source), files: [...source.files.keys()] }
}

/** `loadCourseFolder`, with the folder's files: what the catalogue keeps, in this thread or the loader's own. */
export async function loadCourseFolderFiles(dir: string): Promise<LoadedCourseFolder> {
  return loadedFolder(await readCourseFolder(dir))
}

/**
 * Reads a course folder for the core loader: text files (within size limits, as UTF-8) with their
 * contents, other files with their sizes only. Links are followed only while they stay inside
 * the folder; hidden files and folders are skipped.
 */
export async function readCourseFolder(dir: string): Promise<CourseSource> {
  const root = await realpath(dir)
  const files = new Map<string, CourseSourceFile>()
  const problems: CourseProblem[] = []
  const refuse = (relative: string, message: string, hint?: string, at = START) => {
    files.set(relative, { kind: 'refused', size: 0 })
    problems.push({ file: relative, line: at.line, column: at.column, severity: 'error', message, ...(hint === undefined ? {} : { hint }) })
  }
  const visited = new Set<string>([root])
  const reads: Promise<void>[] = []
  let totalText = 0
  let tooMany = false

  const walk = async (relativeDir: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(root, relativeDir), { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`
      const absolute = path.join(root, relative)
      if (files.size >= LIMITS.files) {
        if (!tooMany) refuse(relative, `The course folder has more than ${LIMITS.files} files; the rest are not read.`)
        tooMany = true
        return
      }
      let target = absolute
      if (entry.isSymbolicLink()) {
        try {
          target = await realpath(absolute)
        } catch {
          refuse(relative, 'This link points to a file that does not exist.')
          continue
        }
        if (!isInside(root, target)) {
          refuse(relative, 'This link points outside the course folder.', 'Copy the file into the course folder instead of linking to it.')
          continue
        }
      }
      const info = entry.isSymbolicLink() ? await stat(target) : entry.isDirectory() || entry.isFile() ? entry : await lstat(absolute)
      if (info.isDirectory()) {
        if (visited.has(target)) continue
        visited.add(target)
        if (depth >= LIMITS.folderDepth) refuse(relative, `Folders are nested more than ${LIMITS.folderDepth} deep.`)
        else await walk(relative, depth + 1)
      } else if (info.isFile()) {
        reads.push(
          readEntry(target, relative).then((file) => {
            if (file.kind === 'text') totalText += file.size
            files.set(relative, file)
          }),
        )
      }
    }
  }

  const readEntry = async (absolute: string, relative: string): Promise<CourseSourceFile> => {
    const { size } = await stat(absolute)
    if (!isTextPath(relative)) return { kind: 'media', size }
    const limit = relative === COURSE_FILE ? LIMITS.courseFileBytes : LIMITS.textFileBytes
    if (size > limit) {
      refuse(relative, `The file is ${formatSize(size)}; text files of a course may be at most ${formatSize(limit)}.`, 'Split it into smaller files.')
      return { kind: 'refused', size }
    }
    return decodeCourseText(relative, await readFile(absolute), problems)
  }

  await walk('', 0)
  await Promise.all(reads)
  if (totalText > LIMITS.totalTextBytes) {
    problems.push({ file: COURSE_FILE, line: 1, column: 1, severity: 'error', message: `The course's text files add up to ${formatSize(totalText)}; the limit is ${formatSize(LIMITS.totalTextBytes)}.` })
  }
  return { files: sortedMap(files), problems }
}

/** A text file's bytes as course text, or refused with the place its UTF-8 goes wrong. */
export function decodeCourseText(relative: string, bytes: Uint8Array, problems: CourseProblem[]): CourseSourceFile {
  try {
    return { kind: 'text', size: bytes.length, text: decoder.decode(bytes) }
  } catch {
    const at = findInvalidUtf8(bytes) ?? START
    problems.push({
      file: relative,
      line: at.line,
      column: at.column,
      severity: 'error',
      message: 'The file is not UTF-8 text.',
      hint: 'Save it with the encoding UTF-8 (most editors offer this under "Save as" or "Reopen with encoding").',
    })
    return { kind: 'refused', size: bytes.length }
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative))
}

function sortedMap<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/**
 * What a course folder's files are now, for knowing whether a course loaded earlier is still
 * what is on disk: every file's path, size and modification time (hidden ones left out, as the
 * loader leaves them out), and each folder's, which changes when a file is added, removed or
 * renamed. A link is stamped by what it points to, not followed into a folder.
 */
export function courseFolderStamp(dir: string): string {
  // Synchronous on purpose: a hundred stats cost well under a millisecond this way, several times
  // less than as a hundred promises, and the listing that asks waits for them anyway.
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  const visible = entries.filter((relative) => !relative.split(/[\\/]/).some((part) => part.startsWith('.'))).sort()
  return ['', ...visible.slice(0, LIMITS.files + 1)]
    .map((relative) => {
      const info = statSync(path.join(dir, relative), { throwIfNoEntry: false })
      return info ? `${relative}|${info.size}|${info.mtimeMs}` : `${relative}|gone`
    })
    .join('\n')
}
