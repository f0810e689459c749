import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { CourseCatalog } from './course-catalog'
import * as loader from './course-loader'

const fixtures = path.resolve(__dirname, '../../e2e/fixtures/courses')
const made: string[] = []

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('CourseCatalog.list', () => {
  it('lists ready courses and broken ones as unavailable with their located problems', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-catalog-'))
    made.push(dir)
    await cp(path.join(fixtures, 'minimal'), path.join(dir, 'a-minimal'), { recursive: true })
    await cp(path.join(fixtures, 'minimal'), path.join(dir, 'minimal'), { recursive: true })
    await cp(path.join(fixtures, 'broken', 'unknown-block'), path.join(dir, 'b-broken'), { recursive: true })
    await mkdir(path.join(dir, '.hidden'))
    expect(await new CourseCatalog(dir).list()).toEqual([
      {
        status: 'unavailable',
        folder: 'a-minimal',
        problems: [
          {
            file: 'a-minimal/course.yaml',
            line: 1,
            column: 1,
            severity: 'error',
            message: 'The course folder is named "a-minimal" but the course id is "minimal".',
            hint: 'Rename the folder to "minimal": the app finds a course and its media by its id.',
          },
        ],
      },
      {
        status: 'unavailable',
        folder: 'b-broken',
        problems: [{ file: 'b-broken/modules/only.md', line: 11, column: 1, severity: 'error', message: 'Unknown block "::: calout".', hint: 'Did you mean "callout"?' }],
      },
      {
        status: 'ready',
        id: 'minimal',
        title: 'Minimal course',
        summary: 'The smallest course that is valid.',
        language: 'en',
        languages: ['en'],
        localized: { en: { title: 'Minimal course', summary: 'The smallest course that is valid.' } },
        minutes: 1,
        modules: 1,
      },
    ])
  })

  it('returns no courses when the folder does not exist', async () => {
    await expect(new CourseCatalog(path.join(os.tmpdir(), 'civic-no-such-folder')).list()).resolves.toEqual([])
  })

  it('keeps each course it loaded with its folder and files, for an export from the app', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-catalog-'))
    made.push(dir)
    await cp(path.join(fixtures, 'minimal'), path.join(dir, 'minimal'), { recursive: true })
    const catalog = new CourseCatalog(dir)
    const course = await catalog.course('minimal')
    expect(course.dir).toBe(path.join(dir, 'minimal'))
    expect(course.files).toContain('course.yaml')
    expect(course.bundle).toBe(await catalog.get('minimal'))
    expect(course.overlay).toBeUndefined()
    await expect(catalog.course('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('CourseCatalog: loading each course once', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  async function twoCourses(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-catalog-'))
    made.push(dir)
    await cp(path.join(fixtures, 'minimal'), path.join(dir, 'minimal'), { recursive: true })
    await cp(path.join(fixtures, 'every-block'), path.join(dir, 'every-block'), { recursive: true })
    return dir
  }

  it('reuses a course whose files have not changed, and shares one listing between calls made together', async () => {
    const reads = vi.fn(loader.loadCourseFolderFiles)
    const catalog = new CourseCatalog(await twoCourses(), undefined, reads)
    const [first, second] = await Promise.all([catalog.list(), catalog.list()])
    expect(second).toBe(first)
    expect(reads).toHaveBeenCalledTimes(2)
    const bundle = await catalog.get('minimal')
    await catalog.list()
    await catalog.list()
    expect(reads).toHaveBeenCalledTimes(2)
    expect(await catalog.get('minimal')).toBe(bundle)
  })

  it('loads again only the course whose files an author changed, added or removed', async () => {
    const dir = await twoCourses()
    const reads = vi.fn(loader.loadCourseFolderFiles)
    const catalog = new CourseCatalog(dir, undefined, reads)
    await catalog.list()
    const everyBlock = await catalog.get('every-block')
    reads.mockClear()

    const courseFile = path.join(dir, 'minimal', 'course.yaml')
    const text = await readFile(courseFile, 'utf8')
    await writeFile(courseFile, text.replace('title: Minimal course', 'title: Minimum course'))
    // Same size and a time in the past are still a change: the stamp compares, it does not order.
    await utimes(courseFile, new Date(2020, 0, 1), new Date(2020, 0, 1))
    const listed = await catalog.list()
    expect(listed.find((course) => course.status === 'ready' && course.id === 'minimal')).toMatchObject({ title: 'Minimum course' })
    expect(reads.mock.calls.map(([folder]) => path.basename(folder))).toEqual(['minimal'])
    expect(await catalog.get('every-block')).toBe(everyBlock)

    await writeFile(path.join(dir, 'minimal', 'notes.txt'), 'an author\'s note')
    await catalog.list()
    expect(reads).toHaveBeenCalledTimes(2)

    await rm(path.join(dir, 'every-block'), { recursive: true })
    expect((await catalog.list()).map((course) => (course.status === 'ready' ? course.id : course.folder))).toEqual(['minimal'])
    await expect(catalog.get('every-block')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

