import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CourseCatalog } from './course-catalog'

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
