import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pdfTags } from '../../../test/support/pdf-text'
import type { FileDownload, MethodOutput } from '../../core/api'
import { loadAppBranding } from '../branding'
import { learnerHandlers } from './learners'
import { progressHandlers } from './progress'
import { recordHandlers } from './records'
import { call, FIXTURE_COURSES, openWorld, routerFor, type ServiceWorld } from './service-testing'

let world: ServiceWorld
const router = routerFor(() => ({
  ...recordHandlers({ ...world.stores, catalog: world.courses.catalog, branding: world.courses.branding, version: '1.0.0' }),
  ...learnerHandlers(world.stores),
  ...progressHandlers(world.courses.catalog, world.stores.learners),
}))

beforeEach(async () => {
  world = await openWorld()
})

afterEach(async () => {
  await world.remove()
})

describe('files and records', () => {
  it('makes no certificate in the placeholder name "Learner": it asks for the learner’s own name first', async () => {
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await expect(router('certificate.create', { courseId: 'minimal' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT', issues: [{ path: 'learnerName', message: 'placeholder' }] } })
    await call(router, 'profile.rename', { id: (await call<{ activeId: string }>(router, 'profile.list')).activeId, name: 'Cllr Alys Morgan' })
    await expect(call<FileDownload>(router, 'certificate.create', { courseId: 'minimal' })).resolves.toMatchObject({ fileName: 'certificate-minimal.pdf' })
  })

  it('makes a certificate only for a completed course, with the learner and course on it', async () => {
    await expect(router('certificate.create', { courseId: 'minimal' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    await call(router, 'profile.rename', { id: (await call<{ activeId: string }>(router, 'profile.list')).activeId, name: 'Cllr Priya Sandhu' })
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    const file = await call<FileDownload>(router, 'certificate.create', { courseId: 'minimal' })
    expect(file.fileName).toBe('certificate-minimal.pdf')
    expect(file.mediaType).toBe('application/pdf')
    const pdf = Buffer.from(file.base64, 'base64')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('states the time spent until the course was completed, the course’s CPD hours and the council’s logo, described', async () => {
    world.courses.branding = await loadAppBranding(world.coursesDir, path.join(FIXTURE_COURSES, '../branding/anytown.yaml'))
    await call(router, 'profile.rename', { id: (await call<{ activeId: string }>(router, 'profile.list')).activeId, name: 'Cllr Priya Sandhu' })
    await call(router, 'progress.record', {
      courseId: 'minimal',
      events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }],
    })
    // Seeing its only page completed the course; the learner reads on for twelve minutes after.
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.time', pageId: 'only-page', seconds: 720 }] })
    const first = await call<FileDownload>(router, 'certificate.create', { courseId: 'minimal' })
    const tags = await pdfTags(Buffer.from(first.base64, 'base64'))
    const text = tags.elements.map((element) => element.text).join('\n')
    expect(text).toContain('Time spent: 1 minute')
    expect(text).not.toContain('12 minutes')
    // The fixture course takes a minute: a quarter of an hour is the least CPD a certificate states.
    expect(text).toContain('CPD: 0.25 hours')
    expect(tags.elements[0]).toEqual({ role: 'Figure', text: '', alt: 'The Anytown Borough Council crest' })
    expect(tags.elements[1]).toEqual({ role: 'P', text: 'Anytown Borough Council' })
  })

  it('exports the notebook of reflections as Markdown', async () => {
    await call(router, 'progress.record', {
      courseId: 'every-block',
      events: [{ type: 'reflection.saved', at: '2026-11-21T10:00:00.000Z', blockId: 'where-residents-talk', text: 'The village *Facebook* group.' }],
    })
    const file = await call<FileDownload>(router, 'notebook.export', { courseId: 'every-block', format: 'markdown' })
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(file.fileName).toBe('notebook-every-block.md')
    expect(text).toContain('The village \\*Facebook\\* group.')
    const pdf = await call<FileDownload>(router, 'notebook.export', { courseId: 'every-block', format: 'pdf' })
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('exports a learner record and imports it as a new learner, never over an existing one', async () => {
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    const file = await call<FileDownload>(router, 'record.export')
    expect(file.fileName).toMatch(/^civic-learn-record-learner-\d{4}-\d{2}-\d{2}\.json$/)
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    const imported = await call<{ id: string; name: string }>(router, 'record.import', { text })
    expect(imported.name).toBe('Learner (2)')
    await call(router, 'profile.switch', { id: imported.id })
    const progress = await call<{ pages: object }>(router, 'progress.get', { courseId: 'minimal' })
    expect(Object.keys(progress.pages)).toEqual(['only-page'])
    await expect(router('record.import', { text: '{"format":"civic-learn-learner-record","schemaVersion":1}' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('damaged') },
    })
  })

  it('exports every learner’s results as CSV, with formulas made harmless', async () => {
    const sneaky = await call<{ id: string }>(router, 'profile.create', { name: '=HYPERLINK("http://evil")' })
    await call(router, 'profile.switch', { id: sneaky.id })
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    const file = await call<FileDownload>(router, 'results.export')
    const csv = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(csv).toContain('Learner,Course,Version,Progress (%)')
    // Times as the laptop's clock shows them (its zone is the machine's).
    expect(csv).toMatch(/"'=HYPERLINK\(""http:\/\/evil""\)",Minimal course,0\.1\.0,100,yes,,,,,0,2026-11-21 \d\d:\d\d,2026-11-21 \d\d:\d\d/)
  })

  it('gives every learner’s results in each course for the trainer’s screen, those not started too', async () => {
    await call(router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await call(router, 'profile.create', { name: 'Dewi' })
    const tables = await call<MethodOutput<'results.table'>>(router, 'results.table')
    const minimal = tables.find((table) => table.courseId === 'minimal')
    expect(minimal?.rows.map((row) => [row.learner, row.started, row.progress, row.complete])).toEqual([
      [world.stores.learners.activeProfile().name, true, 100, true],
      ['Dewi', false, 0, false],
    ])
    expect(minimal?.rows[0]?.startedAt).toBe('2026-11-21T10:00:00.000Z')
    const quizzes = tables.find((table) => table.quizzes.length > 0)
    expect(quizzes?.rows.every((row) => quizzes.quizzes.every((quiz) => row.quizzes[quiz.id]?.attempts === 0))).toBe(true)
  })

  it('leaves printing a handout to the browser', async () => {
    await expect(router('handout.printToPdf', { fileName: 'module-1.pdf' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  })
})
