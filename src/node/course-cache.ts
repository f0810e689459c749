import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { CourseSource } from '../core/course'
import { writeFileAtomic } from './atomic-write'
import { loadedFolder, readCourseFolder, type LoadedCourseFolder } from './course-loader'
import { userFolder } from './paths'

/** Loaded courses kept: a few versions of a few courses; the oldest go first. */
const KEPT = 24

/**
 * The per-user cache folder: never a shared temporary folder, where another user could leave a
 * course of their own making. `$XDG_CACHE_HOME` (or ~/.cache) on Linux, ~/Library/Caches on macOS,
 * %LOCALAPPDATA% on Windows.
 */
export function defaultCourseCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return path.join(userFolder('cache', env, platform), 'courses')
}

/**
 * What decides a course's load: every file the loader reads, byte for byte (media by name and
 * size, as the loader sees them), what reading them found, and the loader's own code (`codeStamp`).
 * Any change to any of them is a different key, so a cached course is never out of date.
 */
export function sourceKey(source: CourseSource, codeStamp: string): string {
  const hash = createHash('sha256').update(codeStamp).update('\0')
  for (const [name, file] of [...source.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`${name}\0${file.kind}\0${file.size}\0`)
    if (file.kind === 'text') hash.update(file.text).update('\0')
  }
  hash.update(JSON.stringify(source.problems))
  return hash.digest('hex')
}

/**
 * Loads a course folder, keeping what the loader made of it in `cacheDir` under `sourceKey`: the
 * next start reads the folder (cheap) and finds the course already checked, instead of parsing
 * and checking it again (the costliest thing a host does at start). The cache is only ever a
 * copy: a file that cannot be read or written is passed over.
 */
export function cachedCourseLoader(cacheDir: string, codeStamp: string): (dir: string) => Promise<LoadedCourseFolder> {
  return async (dir) => {
    const source = await readCourseFolder(dir)
    const file = path.join(cacheDir, `${sourceKey(source, codeStamp)}.json`)
    try {
      const kept = JSON.parse(await readFile(file, 'utf8')) as unknown
      if (looksLoaded(kept)) return kept
    } catch {
      // Not cached yet, or the copy is unreadable: load it.
    }
    const loaded = loadedFolder(source)
    try {
      await mkdir(cacheDir, { recursive: true, mode: 0o700 })
      await writeFileAtomic(file, JSON.stringify(loaded))
      await pruneCache(cacheDir)
    } catch {
      // A cache that cannot be written costs the next start time, nothing else.
    }
    return loaded
  }
}

/** The outline of what the loader makes; a copy that is not (cut short, edited by hand) is loaded afresh. */
function looksLoaded(value: unknown): value is LoadedCourseFolder {
  if (typeof value !== 'object' || value === null) return false
  const { result, files } = value as Partial<LoadedCourseFolder>
  return Array.isArray(files) && files.every((name) => typeof name === 'string') && typeof result === 'object' && result !== null && Array.isArray(result.problems) && (result.bundle === undefined || (typeof result.bundle === 'object' && result.bundle !== null && typeof result.bundle.id === 'string'))
}

async function pruneCache(cacheDir: string): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith('.json'))
  if (names.length <= KEPT) return
  const dated = await Promise.all(names.map(async (name) => ({ name, at: (await stat(path.join(cacheDir, name))).mtimeMs })))
  dated.sort((a, b) => a.at - b.at)
  for (const { name } of dated.slice(0, dated.length - KEPT)) await rm(path.join(cacheDir, name), { force: true })
}
