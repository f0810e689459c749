import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readZip } from '../../test/support/read-zip'
import type { AppBranding, CourseSummary, ScormExportResult } from '../core/api/contract'
import type { CourseBundle } from '../core/course/bundle'
import { createAppServices, type AppServices } from './app-services'
import { pdfText as readPdfText } from '../../test/support/pdf-text'

const root = path.resolve(__dirname, '../..')
const brandingFixtures = path.join(root, 'e2e/fixtures/branding')
let work: string
let coursesDir: string
let services: AppServices | undefined
const warnings: string[] = []

async function start(brandingFile?: string, scorm?: { playerDir: string; schemasDir: string }): Promise<AppServices> {
  const log = { info: () => undefined, error: () => undefined, warn: (message: string) => warnings.push(message) }
  services = await createAppServices({ host: 'web', version: '1.0.0', coursesDir, dataDir: path.join(work, 'data'), log, ...(brandingFile ? { brandingFile } : {}), ...(scorm ? { scorm } : {}) })
  return services
}

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  if (!services) throw new Error('services not started')
  const result = await services.router(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

/** The Anytown overlay and its logo, written into `folder` as `name`, with `extra` lines added. */
async function deployOverlay(folder: string, name: string, extra = ''): Promise<string> {
  const text = await readFile(path.join(brandingFixtures, 'anytown.yaml'), 'utf8')
  await cp(path.join(brandingFixtures, 'logo.png'), path.join(folder, 'logo.png'))
  const file = path.join(folder, name)
  await writeFile(file, `${text.replace(/^hideModules: \[\]\n/m, '')}${extra}`)
  return file
}

/** Reads back a PDF's text (from the API's base64) as a reader would, with pdf.js. */
const pdfText = (base64: string) => readPdfText(new Uint8Array(Buffer.from(base64, 'base64')))

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-branding-'))
  coursesDir = path.join(work, 'courses')
  await cp(path.join(root, 'e2e/fixtures/courses/minimal'), path.join(coursesDir, 'minimal'), { recursive: true })
  await cp(path.join(root, 'courses/example-first-steps'), path.join(coursesDir, 'example-first-steps'), { recursive: true })
  // Branded as a council's own course would be: an example for course authors gets no policy page.
  const courseFile = path.join(coursesDir, 'example-first-steps/course.yaml')
  await writeFile(courseFile, (await readFile(courseFile, 'utf8')).replace(/^example: true\n/m, ''))
  warnings.length = 0
})

afterEach(async () => {
  await services?.close()
  services = undefined
  await rm(work, { recursive: true, force: true })
})

describe('branding in the app', () => {
  it('is absent when no overlay is deployed', async () => {
    await start()
    await expect(call<AppBranding>('branding.get')).resolves.toEqual({ branding: null, problem: null })
  })

  it('applies branding.yaml from the courses folder: shown fields, the logo inlined, no export-only fields', async () => {
    await deployOverlay(coursesDir, 'branding.yaml')
    await start()
    const { branding, problem } = await call<AppBranding>('branding.get')
    expect(problem).toBeNull()
    expect(branding).toMatchObject({
      organisation: 'Anytown Borough Council',
      logoAlt: 'The Anytown Borough Council crest',
      colours: { accent: '#6a1b4d', accentText: '#ffffff', background: '#fffdf7', text: '#1b1f24' },
      contact: 'Member services, 01234 567890',
    })
    expect(branding?.welcome).toContain('Welcome to your induction, councillor.')
    expect(branding?.logo).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    expect(branding).not.toHaveProperty('hideModules')
    expect(branding).not.toHaveProperty('policyPage')
  })

  it('reads branding.json when there is no branding.yaml', async () => {
    await writeFile(path.join(coursesDir, 'branding.json'), JSON.stringify({ organisation: 'Cwm Teg County Borough Council' }))
    await start()
    await expect(call<AppBranding>('branding.get')).resolves.toEqual({ branding: { organisation: 'Cwm Teg County Borough Council' }, problem: null })
  })

  it('takes the overlay given to serve (--branding) over the one in the courses folder', async () => {
    await deployOverlay(coursesDir, 'branding.yaml')
    const elsewhere = path.join(work, 'elsewhere.json')
    await writeFile(elsewhere, JSON.stringify({ organisation: 'Cwm Teg County Borough Council' }))
    await start(elsewhere)
    expect((await call<AppBranding>('branding.get')).branding?.organisation).toBe('Cwm Teg County Borough Council')
  })

  it('starts unbranded when the overlay is broken, and says why', async () => {
    await cp(path.join(brandingFixtures, 'low-contrast.json'), path.join(coursesDir, 'branding.json'))
    await start()
    const { branding, problem } = await call<AppBranding>('branding.get')
    expect(branding).toBeNull()
    expect(problem).toContain('colours.accentText (#ffffff) on colours.accent (#ffcc00) has a contrast of')
    expect(problem).toContain('without branding')
    expect(warnings.join('\n')).toContain('branding.json')
    const courses = await call<CourseSummary[]>('course.list')
    expect(courses.every((course) => course.status === 'ready')).toBe(true)
  })

  it('reports a missing logo as the problem, without a stack trace', async () => {
    await writeFile(path.join(coursesDir, 'branding.yaml'), 'organisation: Anytown\nlogo: crest.png\n')
    await start()
    const { problem } = await call<AppBranding>('branding.get')
    expect(problem).toContain('The logo crest.png named in branding.yaml was not found beside it.')
    expect(problem).not.toMatch(/\n\s+at /)
  })

  it('leaves hidden modules out of course.get and course.list and adds the policy page last', async () => {
    await deployOverlay(coursesDir, 'branding.yaml', 'hideModules: [checking-what-you-learned]\n')
    await start()
    const course = await call<CourseBundle>('course.get', { courseId: 'example-first-steps' })
    const modules = course.content.en?.modules ?? []
    expect(modules.map((module) => module.id)).toEqual(['finding-your-way', 'local-policy'])
    expect(modules.at(-1)?.title).toBe("Anytown's social media protocol")
    // The overlay names a module only one course has; the other course keeps all of its own.
    const minimal = await call<CourseBundle>('course.get', { courseId: 'minimal' })
    expect(minimal.content.en?.modules.map((module) => module.id)).toEqual(['only-module', 'local-policy'])
    const summaries = await call<CourseSummary[]>('course.list')
    expect(summaries.find((summary) => summary.status === 'ready' && summary.id === 'example-first-steps')).toMatchObject({ modules: 2 })
    // A module one course has is not reported as unknown.
    expect(warnings).toEqual([])
  })

  it('warns about a hidden module no course has, naming it, and still applies the rest', async () => {
    await deployOverlay(coursesDir, 'branding.yaml', 'hideModules: [checking-what-you-learned, finding-your-wya]\n')
    await start()
    expect(warnings).toEqual([expect.stringContaining('hides the module "finding-your-wya" (hideModules), but none of the courses in')])
    const course = await call<CourseBundle>('course.get', { courseId: 'example-first-steps' })
    expect(course.content.en?.modules.map((module) => module.id)).toEqual(['finding-your-way', 'local-policy'])
  })

  it('marks a course unavailable when the overlay hides all of its modules, and keeps the others', async () => {
    await deployOverlay(coursesDir, 'branding.yaml', 'hideModules: [only-module]\n')
    await start()
    const summaries = await call<CourseSummary[]>('course.list')
    expect(summaries.find((summary) => summary.status === 'unavailable' && summary.folder === 'minimal')).toMatchObject({
      problems: [{ message: 'The branding overlay hides every module of this course: show at least one (hideModules).' }],
    })
    expect(summaries.find((summary) => summary.status === 'ready' && summary.id === 'example-first-steps')).toBeDefined()
  })

  it('puts the organisation on the certificate', async () => {
    await deployOverlay(coursesDir, 'branding.yaml')
    await start()
    const course = await call<CourseBundle>('course.get', { courseId: 'minimal' })
    const pageIds = (course.content.en?.modules ?? []).flatMap((module) => module.pages.map((page) => page.id))
    expect(pageIds).toContain('local-policy-page')
    await call('progress.record', { courseId: 'minimal', events: pageIds.map((pageId) => ({ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId })) })
    await call('profile.rename', { id: (await call<{ activeId: string }>('profile.list')).activeId, name: 'Cllr Alys Morgan' })
    const file = await call<{ base64: string }>('certificate.create', { courseId: 'minimal' })
    expect(await pdfText(file.base64)).toContain('Anytown Borough Council')
  })

  it('exports from the app with the same overlay: hidden modules left out, the policy page kept once, the branding in the package', async () => {
    await deployOverlay(coursesDir, 'branding.yaml', 'hideModules: [checking-what-you-learned]\n')
    // The exporter copies the built player as it is; a stand-in index.html is enough here.
    const playerDir = path.join(work, 'player')
    await mkdir(playerDir, { recursive: true })
    await writeFile(path.join(playerDir, 'index.html'), '<!doctype html><title>player</title>')
    await start(undefined, { playerDir, schemasDir: path.join(root, 'resources/scorm-schemas') })
    const whole = await call<ScormExportResult>('export.scorm', { courseId: 'example-first-steps', format: 'scorm12' })
    expect(whole.summary.modules).toEqual(['finding-your-way', 'local-policy'])
    // The export page offers the modules the app shows, the policy page among them.
    const chosen = await call<ScormExportResult>('export.scorm', { courseId: 'example-first-steps', format: 'scorm12', modules: ['finding-your-way', 'local-policy'] })
    expect(chosen.summary.modules).toEqual(['finding-your-way', 'local-policy'])
    const entries = readZip(await readFile(services?.packages.zip(chosen.packageId)?.file ?? ''))
    const data = JSON.parse(entries.find((entry) => entry.name === 'course.json')?.data.toString('utf8') ?? '{}') as { branding?: { organisation: string; logo?: string } }
    expect(data.branding).toMatchObject({ organisation: 'Anytown Borough Council', logo: 'branding/logo.png' })
    expect(entries.map((entry) => entry.name)).toContain('branding/logo.png')
    await expect(services?.router('export.scorm', { courseId: 'example-first-steps', format: 'scorm12', modules: ['local-policy'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Choose at least one module of the course as well as the local policy page.' },
    })
  })
})
