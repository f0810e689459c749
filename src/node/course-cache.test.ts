import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cachedCourseLoader, defaultCourseCacheDir, sourceKey } from './course-cache'
import { loadCourseFolderFiles, readCourseFolder } from './course-loader'

const FIXTURES = path.resolve(__dirname, '../../e2e/fixtures/courses')
let work: string
let course: string
let cacheDir: string

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-course-cache-'))
  course = path.join(work, 'every-block')
  cacheDir = path.join(work, 'cache')
  await cp(path.join(FIXTURES, 'every-block'), course, { recursive: true })
})

afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('the course cache', () => {
  it('gives what loading gives, and reads it back on the next start instead of loading again', async () => {
    const load = cachedCourseLoader(cacheDir, 'build-1')
    const fresh = await loadCourseFolderFiles(course)
    expect(await load(course)).toEqual(fresh)
    const [kept] = await readdir(cacheDir)
    // Marked, so the test can tell the copy from a new load.
    const copy = JSON.parse(await readFile(path.join(cacheDir, kept ?? ''), 'utf8'))
    copy.result.bundle.version = '0.0.0-from-the-cache'
    await writeFile(path.join(cacheDir, kept ?? ''), JSON.stringify(copy))
    expect((await cachedCourseLoader(cacheDir, 'build-1')(course)).result.bundle?.version).toBe('0.0.0-from-the-cache')
  })

  it('loads again when any file the loader reads changes, or the loader itself, but not for a touched file', async () => {
    const key = async (stamp = 'build-1') => sourceKey(await readCourseFolder(course), stamp)
    const first = await key()
    await utimes(path.join(course, 'course.yaml'), new Date(2020, 1, 1), new Date(2020, 1, 1))
    expect(await key()).toBe(first)
    expect(await key('build-2')).not.toBe(first)
    const module = path.join(course, 'modules', (await readdir(path.join(course, 'modules')))[0] ?? '')
    await writeFile(module, `${await readFile(module, 'utf8')}\nOne more sentence.\n`)
    const edited = await key()
    expect(edited).not.toBe(first)
    await writeFile(path.join(course, 'media', 'poster.png'), Buffer.alloc(10))
    expect(await key()).not.toBe(edited)
  })

  it('still loads when the cache cannot be written or read', async () => {
    await writeFile(path.join(work, 'not-a-folder'), '')
    const load = cachedCourseLoader(path.join(work, 'not-a-folder', 'cache'), 'build-1')
    expect(await load(course)).toEqual(await loadCourseFolderFiles(course))
    await cachedCourseLoader(cacheDir, 'build-1')(course)
    const [kept] = await readdir(cacheDir)
    for (const damaged of ['{"cut short', 'null', '{"files": "nope"}']) {
      await writeFile(path.join(cacheDir, kept ?? ''), damaged)
      expect(await cachedCourseLoader(cacheDir, 'build-1')(course)).toEqual(await loadCourseFolderFiles(course))
    }
  })

  it('keeps at most 24 loaded courses', async () => {
    for (let build = 0; build < 26; build++) await cachedCourseLoader(cacheDir, `build-${build}`)(course)
    expect(await readdir(cacheDir)).toHaveLength(24)
  })

  it('lives in the user’s own cache folder on every platform', () => {
    expect(defaultCourseCacheDir({ XDG_CACHE_HOME: '/home/alys/.cache' }, 'linux')).toBe(path.join('/home/alys/.cache', 'Civic Learn', 'courses'))
    expect(defaultCourseCacheDir({ LOCALAPPDATA: 'C:\\Users\\alys\\AppData\\Local' }, 'win32')).toBe(path.join('C:\\Users\\alys\\AppData\\Local', 'Civic Learn', 'courses'))
    expect(defaultCourseCacheDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Caches', 'Civic Learn', 'courses'))
  })
})
