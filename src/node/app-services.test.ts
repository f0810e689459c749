import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readZip } from '../../test/support/read-zip'
import type { ScormExportResult } from '../core/api/contract'
import { createAppServices, type AppServices } from './app-services'
import { StoreLockedError } from './store/lock-file'

const fixtures = path.resolve(__dirname, '../../e2e/fixtures/courses')
let work: string
let services: AppServices

async function start(): Promise<AppServices> {
  return createAppServices({ host: 'web', version: '1.0.0', coursesDir: path.join(work, 'courses'), dataDir: path.join(work, 'data') })
}

async function call(method: string, input: unknown = {}) {
  const result = await services.router(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as never
}

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-services-'))
  await cp(path.join(fixtures, 'minimal'), path.join(work, 'courses', 'minimal'), { recursive: true })
  await cp(path.join(fixtures, 'every-block'), path.join(work, 'courses', 'every-block'), { recursive: true })
  services = await start()
})

afterEach(async () => {
  await services.close()
  await rm(work, { recursive: true, force: true })
})

describe('app services through the router', () => {
  it('opens a course by id, and answers NOT_FOUND for one that does not exist', async () => {
    const bundle: { id: string; languages: string[] } = await call('course.get', { courseId: 'every-block' })
    expect(bundle.id).toBe('every-block')
    expect(bundle.languages).toEqual(['en', 'cy'])
    await expect(services.router('course.get', { courseId: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('records progress, gives it back, and keeps it across a restart', async () => {
    await call('progress.record', {
      courseId: 'minimal',
      events: [
        { type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' },
        { type: 'page.time', pageId: 'only-page', seconds: 40 },
      ],
    })
    const overview: { courseId: string; complete: boolean; progress: number }[] = await call('progress.overview')
    expect(overview.find((course) => course.courseId === 'minimal')).toMatchObject({ complete: true, progress: 1, secondsSpent: 40 })
    await services.close()
    services = await start()
    const progress: { pages: Record<string, unknown>; completedAt?: string } = await call('progress.get', { courseId: 'minimal' })
    expect(progress.pages).toEqual({ 'only-page': { viewedAt: '2026-11-21T10:00:00.000Z', seconds: 40 } })
    expect(progress.completedAt).toBe('2026-11-21T10:00:00.000Z')
  })

  it('refuses malformed tracking events with the place that is wrong', async () => {
    const result = await services.router('progress.record', {
      courseId: 'minimal',
      events: [{ type: 'page.viewed', at: 'yesterday', pageId: 'only-page' }],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'events.0.at' }] } })
  })

  it('manages learner profiles, each with their own progress', async () => {
    const first: { activeId: string } = await call('profile.list')
    const tom: { id: string } = await call('profile.create', { name: 'Tom' })
    await call('profile.switch', { id: tom.id })
    await call('progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await call('profile.switch', { id: first.activeId })
    const mine: { pages: object } = await call('progress.get', { courseId: 'minimal' })
    expect(mine.pages).toEqual({})
    await call('profile.setPin', { id: tom.id, pin: '2468' })
    await expect(services.router('profile.switch', { id: tom.id, pin: '1111' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await expect(services.router('profile.setPin', { id: tom.id, pin: 'abcd' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await call('profile.delete', { id: tom.id })
    const after: { profiles: { name: string }[] } = await call('profile.list')
    expect(after.profiles.map((profile) => profile.name)).toEqual(['Learner'])
  })

  it('refuses a second process on the same data folder with a clear message', async () => {
    const error = await start().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(StoreLockedError)
  })

  it('reports the store status', async () => {
    await expect(call('store.status')).resolves.toEqual({ readOnly: false, notices: [] })
  })

  it('makes a certificate only for a completed course, with the learner and course on it', async () => {
    await expect(services.router('certificate.create', { courseId: 'minimal' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    await call('profile.rename', { id: ((await call('profile.list')) as { activeId: string }).activeId, name: 'Cllr Priya Sandhu' })
    await call('progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    const file: { fileName: string; mediaType: string; base64: string } = await call('certificate.create', { courseId: 'minimal' })
    expect(file.fileName).toBe('certificate-minimal.pdf')
    expect(file.mediaType).toBe('application/pdf')
    const pdf = Buffer.from(file.base64, 'base64')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('exports the notebook of reflections as Markdown', async () => {
    await call('progress.record', {
      courseId: 'every-block',
      events: [{ type: 'reflection.saved', at: '2026-11-21T10:00:00.000Z', blockId: 'where-residents-talk', text: 'The village *Facebook* group.' }],
    })
    const file: { fileName: string; base64: string } = await call('notebook.export', { courseId: 'every-block', format: 'markdown' })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(file.fileName).toBe('notebook-every-block.md')
    expect(text).toContain('The village \\*Facebook\\* group.')
    const pdf: { base64: string } = await call('notebook.export', { courseId: 'every-block', format: 'pdf' })
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('exports a learner record and imports it as a new learner, never over an existing one', async () => {
    await call('progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    const file: { fileName: string; base64: string } = await call('record.export')
    expect(file.fileName).toMatch(/^civic-learn-record-learner-\d{4}-\d{2}-\d{2}\.json$/)
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    const imported: { id: string; name: string } = await call('record.import', { text })
    expect(imported.name).toBe('Learner (2)')
    await call('profile.switch', { id: imported.id })
    const progress: { pages: object } = await call('progress.get', { courseId: 'minimal' })
    expect(Object.keys(progress.pages)).toEqual(['only-page'])
    await expect(services.router('record.import', { text: '{"format":"civic-learn-learner-record","schemaVersion":1}' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('damaged') },
    })
  })

  it('exports every learner’s results as CSV, with formulas made harmless', async () => {
    const sneaky: { id: string } = await call('profile.create', { name: '=HYPERLINK("http://evil")' })
    await call('profile.switch', { id: sneaky.id })
    await call('progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    const file: { base64: string } = await call('results.export')
    const csv = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(csv).toContain('Learner,Course,Version,Progress (%)')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",Minimal course,0.1.0,100,yes,,,0,2026-11-21T10:00:00.000Z,2026-11-21T10:00:00.000Z`)
  })

  it('deletes all data, backups included, and starts again with one learner', async () => {
    const tom: { id: string } = await call('profile.create', { name: 'Tom Hale' })
    await call('profile.switch', { id: tom.id })
    await call('progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await call('settings.update', { language: 'cy' })
    await services.close()
    services = await start()
    await expect(services.router('data.deleteAll', { confirm: 'yes' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await call('data.deleteAll', { confirm: 'delete everything' })
    const files = await readdir(path.join(work, 'data'), { recursive: true })
    for (const file of files) {
      if (file.endsWith('.json')) expect(await readFile(path.join(work, 'data', file), 'utf8')).not.toContain('Tom Hale')
    }
    expect(files.filter((file) => file.startsWith('backups'))).toEqual([])
    const list: { profiles: { name: string }[] } = await call('profile.list')
    expect(list.profiles.map((profile) => profile.name)).toEqual(['Learner'])
    await expect(call('settings.get')).resolves.toMatchObject({ language: 'en' })
  })
})

describe('export.scorm', () => {
  const schemasDir = path.resolve(__dirname, '../../resources/scorm-schemas')

  async function exporting(): Promise<AppServices> {
    // The exporter copies the built player as it is; a stand-in index.html is enough here.
    const playerDir = path.join(work, 'player')
    await mkdir(playerDir, { recursive: true })
    await writeFile(path.join(playerDir, 'index.html'), '<!doctype html><title>player</title>')
    await services.close()
    return createAppServices({ host: 'web', version: '1.0.0', coursesDir: path.join(work, 'courses'), dataDir: path.join(work, 'data'), scorm: { playerDir, schemasDir } })
  }

  it('gives the package to save and a summary of what it holds', async () => {
    services = await exporting()
    const result: ScormExportResult = await call('export.scorm', { courseId: 'every-block', format: 'scorm2004' })
    const zip = Buffer.from(result.file.base64, 'base64')
    expect(result.file).toMatchObject({ fileName: 'every-block-scorm2004.zip', mediaType: 'application/zip' })
    expect(result.summary).toMatchObject({ fileName: 'every-block-scorm2004.zip', format: 'scorm2004', bytes: zip.length, modules: ['blocks'] })
    const names = readZip(zip).map((entry) => entry.name)
    expect(names).toContain('imsmanifest.xml')
    expect(names).toContain('adlseq_v1p3.xsd')
    expect(result.summary.files).toBe(names.length)
    expect(result.summary.suspendData).toMatchObject({ limit: 64000, fits: true })
    expect(result.summary.suspendData.worstCase).toBeGreaterThan(0)
    const manifest = readZip(zip).find((entry) => entry.name === 'imsmanifest.xml')?.data.toString('utf8') ?? ''
    expect(manifest).toContain('2004 4th Edition')
  })

  it('keeps the exported package, byte for byte, for "Test this package"', async () => {
    services = await exporting()
    const result: ScormExportResult = await call('export.scorm', { courseId: 'every-block', format: 'scorm12' })
    expect(result.previewId).toMatch(/^[0-9a-f-]{36}$/)
    const id = result.previewId ?? ''
    expect(services.previews.fileName(id)).toBe('every-block-scorm12.zip')
    const folder = services.previews.folder(id) ?? ''
    for (const entry of readZip(Buffer.from(result.file.base64, 'base64'))) {
      expect((await readFile(path.join(folder, ...entry.name.split('/')))).equals(entry.data), entry.name).toBe(true)
    }
  })

  it('exports only the chosen modules, and refuses a module the course does not have', async () => {
    services = await exporting()
    const result: ScormExportResult = await call('export.scorm', { courseId: 'minimal', format: 'scorm12', modules: ['only-module'] })
    expect(result.summary.modules).toEqual(['only-module'])
    expect(readZip(Buffer.from(result.file.base64, 'base64')).find((entry) => entry.name === 'imsmanifest.xml')?.data.toString('utf8')).toContain('<schemaversion>1.2</schemaversion>')
    await expect(services.router('export.scorm', { courseId: 'minimal', format: 'scorm12', modules: ['no-such-module'] })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await expect(services.router('export.scorm', { courseId: 'nope', format: 'scorm12' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await expect(services.router('export.scorm', { courseId: 'minimal', format: 'scorm3' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('answers UNAVAILABLE where the host did not say where the player is', async () => {
    await expect(services.router('export.scorm', { courseId: 'minimal', format: 'scorm12' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  })
})
