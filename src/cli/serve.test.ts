import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serve, type Serving } from './serve'

const FIXTURES = path.resolve(__dirname, '../../e2e/fixtures/courses')
let top: string
let serving: Serving

beforeAll(async () => {
  top = await mkdtemp(path.join(os.tmpdir(), 'civic-serve-'))
  const rendererDir = path.join(top, 'renderer')
  const coursesDir = path.join(top, 'courses')
  await mkdir(path.join(rendererDir, '.well-known'), { recursive: true })
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Civic Learn</title>')
  await writeFile(path.join(rendererDir, '.env'), 'SECRET=renderer')
  await writeFile(path.join(rendererDir, '.well-known', 'security.txt'), 'secret')
  // A course that loads, with what an author leaves lying about: version control, notes, an unused picture.
  const course = path.join(coursesDir, 'every-block')
  await cp(path.join(FIXTURES, 'every-block'), course, { recursive: true })
  await mkdir(path.join(course, '.git'))
  await writeFile(path.join(course, '.git', 'config'), '[remote "origin"]\n\turl = secret')
  await writeFile(path.join(course, '.notes.txt'), 'secret')
  await writeFile(path.join(course, 'media', 'unused.png'), 'secret')
  // A course that fails to load (a video without a transcript), in the folder named by its id.
  await cp(path.join(FIXTURES, 'broken', 'video-without-transcript'), path.join(coursesDir, 'broken'), { recursive: true })
  // Served as `civic-learn serve` does: the catalogue the API lists decides which course files are served.
  serving = await serve({ port: 0, dataDir: path.join(top, 'data'), coursesDir, rendererDir, version: '1.0.0' })
})

afterAll(async () => {
  await serving.stop()
  await rm(top, { recursive: true, force: true })
})

async function status(file: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${serving.host.port}${file}`)
  await response.arrayBuffer()
  return response.status
}

describe('civic-learn serve: which course files are served', () => {
  it.each([
    ['an image', '/courses/every-block/media/photo.png'],
    ['a video', '/courses/every-block/media/talk.mp4'],
    ['a video’s poster', '/courses/every-block/media/poster.png'],
    ['captions', '/courses/every-block/media/talk.en.vtt'],
    ['chapters', '/courses/every-block/media/talk.chapters.vtt'],
    ['a handout', '/courses/every-block/media/handout.pdf'],
  ])('serves %s the loaded course names', async (_what, file) => {
    expect(await status(file)).toBe(200)
  })

  it.each([
    ['version control', '/courses/every-block/.git/config'],
    ['a hidden file', '/courses/every-block/.notes.txt'],
    ['the course file', '/courses/every-block/course.yaml'],
    ['a module’s Markdown', '/courses/every-block/modules/blocks.md'],
    ['a question bank', '/courses/every-block/questions/all-types.yaml'],
    ['a translation', '/courses/every-block/translations/cy/modules/blocks.md'],
    ['a file the course does not name', '/courses/every-block/media/unused.png'],
    ['media of a course that failed to load', '/courses/broken/media/talk.mp4'],
    ['the source of a course that failed to load', '/courses/broken/course.yaml'],
    ['a hidden file beside the app', '/.env'],
    ['a hidden folder beside the app', '/.well-known/security.txt'],
  ])('answers 404 for %s', async (_what, file) => {
    expect(await status(file)).toBe(404)
  })

  it('still serves the app itself', async () => {
    expect(await status('/')).toBe(200)
  })
})
