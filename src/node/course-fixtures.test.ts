import { mkdtemp, cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CourseProblem } from '../core/api'
import { BLOCK_TYPES, type Block, CourseBundleSchema, QUESTION_DEFINITIONS } from '../core/course'
import { loadCourseFolder } from './course-loader'

const fixtures = path.resolve(__dirname, '../../e2e/fixtures/courses')
const broken = path.join(fixtures, 'broken')
const courses = path.resolve(__dirname, '../../courses')

function blocksOf(bundle: NonNullable<Awaited<ReturnType<typeof loadCourseFolder>>['bundle']>, language: string): Block[] {
  return (bundle.content[language]?.modules ?? []).flatMap((module) => module.pages.flatMap((page) => page.blocks))
}

describe('valid fixtures', () => {
  it('loads the minimal course with no problems', async () => {
    const { bundle, problems } = await loadCourseFolder(path.join(fixtures, 'minimal'))
    expect(problems).toEqual([])
    expect(bundle?.content.en?.modules[0]?.pages[0]).toEqual({ id: 'only-page', title: 'The only page', blocks: [{ type: 'text', markdown: 'Hello.' }] })
  })

  it('loads a course that uses every block type and every question type', async () => {
    const { bundle, problems } = await loadCourseFolder(path.join(fixtures, 'every-block'))
    expect(problems).toEqual([])
    if (!bundle) throw new Error('no bundle')
    const blocks = blocksOf(bundle, 'en')
    expect(new Set(blocks.map((block) => block.type))).toEqual(new Set(['text', ...BLOCK_TYPES.keys()]))
    const quiz = blocks.find((block) => block.type === 'quiz')
    expect(new Set(quiz?.type === 'quiz' ? quiz.questions.map((question) => question.type) : [])).toEqual(new Set(QUESTION_DEFINITIONS.keys()))
    expect(CourseBundleSchema.parse(bundle)).toStrictEqual(bundle)
  })

  it('normalizes what authors leave out', async () => {
    const { bundle } = await loadCourseFolder(path.join(fixtures, 'every-block'))
    if (!bundle) throw new Error('no bundle')
    const callouts = blocksOf(bundle, 'en').filter((block) => block.type === 'callout')
    expect(callouts.map((block) => (block.type === 'callout' ? block.jurisdiction : null))).toEqual([undefined, ['england', 'wales'], ['scotland']])
    const quiz = blocksOf(bundle, 'en').find((block) => block.type === 'quiz')
    if (quiz?.type !== 'quiz') throw new Error('no quiz')
    expect(quiz).toMatchObject({ passMark: 50, attempts: 3, draw: 7, shuffle: true })
    const multiple = quiz.questions.find((question) => question.type === 'multiple-response')
    expect(multiple?.type === 'multiple-response' && multiple.options.map((option) => option.id)).toEqual(['r', 'a', 'b'])
    const matching = quiz.questions.find((question) => question.type === 'matching')
    expect(matching?.type === 'matching' && matching.distractors).toEqual([{ id: 'c', text: 'Manchester' }])
    const fillIn = quiz.questions.find((question) => question.type === 'fill-in')
    expect(fillIn).toMatchObject({ caseSensitive: false, weight: 1 })
  })

  it('builds a complete tree per language from the translation files', async () => {
    const { bundle } = await loadCourseFolder(path.join(fixtures, 'every-block'))
    if (!bundle) throw new Error('no bundle')
    expect(bundle.languages).toEqual(['en', 'cy'])
    const welsh = bundle.content.cy
    expect(welsh?.title).toBe('[cy] Every block and question type')
    expect(welsh?.modules[0]?.pages[0]?.title).toBe('[cy] Text, callouts and images')
    const quiz = blocksOf(bundle, 'cy').find((block) => block.type === 'quiz')
    expect(quiz?.type === 'quiz' && quiz.questions[0]?.prompt).toBe('[cy] Which is a fruit?')
    const idsOf = (language: string) => JSON.stringify(blocksOf(bundle, language).map((block) => ('id' in block ? block.id : block.type)))
    expect(idsOf('cy')).toBe(idsOf('en'))
  })

  it('falls back to the course language for what a translation leaves out, with warnings', async () => {
    const { bundle, problems } = await loadCourseFolder(path.join(fixtures, 'translation-gaps'))
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true)
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      'course.yaml:6:16 No "cy" translation of the question bank questions/bank.yaml (translations/cy/questions/bank.yaml).',
      'course.yaml:6:16 No "cy" translation of the module modules/second.md (translations/cy/modules/second.md).',
      'translations/cy/course.yaml:1:1 "summary" is not translated.',
      'translations/cy/modules/first.md:1:1 The page "page-two" is not translated.',
      'translations/cy/modules/first.md:11:1 In this image block, "caption" is not translated.',
    ])
    const welsh = bundle?.content.cy
    expect(welsh?.title).toBe('[cy] A course with gaps in its translation')
    expect(welsh?.summary).toBe(bundle?.content.en?.summary)
    expect(welsh?.modules[0]?.pages.map((page) => page.title)).toEqual(['[cy] One', 'Two'])
    expect(welsh?.modules[0]?.pages[0]?.blocks[0]).toEqual({ type: 'image', src: 'media/photo.png', alt: '[cy] A placeholder', caption: 'A caption.' })
    expect(welsh?.modules[1]).toEqual(bundle?.content.en?.modules[1])
  })
})

describe('broken fixtures: one rule each, with the expected message and location', async () => {
  const expected = JSON.parse(await readFile(path.join(broken, 'expected.json'), 'utf8')) as Record<string, CourseProblem[]>
  const folders = readdirSync(broken, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)

  it('has an expectation for every broken course and a course for every expectation', () => {
    expect(Object.keys(expected).sort()).toEqual([...folders].sort())
  })

  it.each(folders)('%s', async (folder) => {
    const { bundle, problems } = await loadCourseFolder(path.join(broken, folder))
    expect(bundle).toBeUndefined()
    expect(problems).toEqual(expected[folder])
    expect(problems.some((problem) => problem.severity === 'error')).toBe(true)
  })
})

describe('files that cannot be committed as fixtures', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'civic-course-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const copyMinimal = async (name: string) => {
    const target = path.join(dir, name)
    await cp(path.join(fixtures, 'minimal'), target, { recursive: true })
    return target
  }

  it('refuses a text file over the size limit without reading it', async () => {
    const course = await copyMinimal('huge')
    await writeFile(path.join(course, 'modules/only.md'), `---\n${'x'.repeat(2 * 1024 * 1024)}\n`)
    const { bundle, problems } = await loadCourseFolder(course)
    expect(bundle).toBeUndefined()
    expect(problems).toEqual([
      { file: 'modules/only.md', line: 1, column: 1, severity: 'error', message: 'The file is 2.0 MB; text files of a course may be at most 1.0 MB.', hint: 'Split it into smaller files.' },
    ])
  })

  it('refuses a link that leads out of the course folder', async () => {
    const course = await copyMinimal('link-out')
    await writeFile(path.join(dir, 'outside.md'), await readFile(path.join(course, 'modules/only.md')))
    await rm(path.join(course, 'modules/only.md'))
    await symlink(path.join(dir, 'outside.md'), path.join(course, 'modules/only.md'))
    const { bundle, problems } = await loadCourseFolder(course)
    expect(bundle).toBeUndefined()
    expect(problems).toEqual([
      { file: 'modules/only.md', line: 1, column: 1, severity: 'error', message: 'This link points outside the course folder.', hint: 'Copy the file into the course folder instead of linking to it.' },
    ])
  })

  it('follows links that stay inside the folder, and survives a folder linking to itself', async () => {
    const course = await copyMinimal('link-in')
    await mkdir(path.join(course, 'drafts'))
    await writeFile(path.join(course, 'drafts/only.md'), await readFile(path.join(course, 'modules/only.md')))
    await rm(path.join(course, 'modules/only.md'))
    await symlink('../drafts/only.md', path.join(course, 'modules/only.md'))
    await symlink('..', path.join(course, 'drafts/loop'))
    const { bundle, problems } = await loadCourseFolder(course)
    expect(problems).toEqual([])
    expect(bundle?.id).toBe('minimal')
  })

  it('reports a link to nothing', async () => {
    const course = await copyMinimal('link-broken')
    await symlink('missing.png', path.join(course, 'dangling.png'))
    const { problems } = await loadCourseFolder(course)
    expect(problems).toEqual([{ file: 'dangling.png', line: 1, column: 1, severity: 'error', message: 'This link points to a file that does not exist.' }])
  })
})

describe('round trip', () => {
  const dirs = [
    ...readdirSync(courses, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(courses, entry.name)),
    path.join(fixtures, 'minimal'),
    path.join(fixtures, 'every-block'),
  ]

  it.each(dirs)('%s loads identically twice, as plain JSON that matches the bundle schema', async (dir) => {
    const first = await loadCourseFolder(dir)
    const second = await loadCourseFolder(dir)
    expect(first.problems.filter((problem) => problem.severity === 'error')).toEqual([])
    expect(second).toStrictEqual(first)
    expect(JSON.parse(JSON.stringify(first.bundle))).toStrictEqual(first.bundle)
    expect(CourseBundleSchema.parse(first.bundle)).toStrictEqual(first.bundle)
  })
})
