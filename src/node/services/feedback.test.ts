import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileDownload, MethodOutput } from '../../core/api'
import { feedbackHandlers } from './feedback'
import { learnerHandlers } from './learners'
import { progressHandlers } from './progress'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'

let world: ServiceWorld
const router = routerFor(() => ({
  ...feedbackHandlers({ ...world.stores, catalog: world.courses.catalog, version: '1.0.0' }),
  ...learnerHandlers(world.stores),
  ...progressHandlers(world.courses.catalog, world.stores.learners),
}))

beforeEach(async () => {
  world = await openWorld()
})

afterEach(async () => {
  await world.remove()
})

const decode = (file: FileDownload) => Buffer.from(file.base64, 'base64').toString('utf8')
const at = '2026-12-06T10:00:00.000Z'

async function comment(id: string, blockId: string | undefined, text: string): Promise<void> {
  await call(router, 'progress.record', {
    courseId: 'every-block',
    events: [{ type: 'comment.saved', at, comment: { id, pageId: 'text-callouts-images', ...(blockId ? { blockId } : {}), kind: 'question', text, language: 'en' } }],
  })
}

describe('comments leaving the device and coming back as feedback', () => {
  it('exports the learner’s comments named only when they choose, and not under the placeholder name', async () => {
    await comment('c1', 'callout.1', 'Is this tip for every council?')
    const unnamed = await call<FileDownload>(router, 'comments.export', { named: true })
    expect(unnamed.fileName).toMatch(/^civic-learn-comments-unnamed-\d{4}-\d\d-\d\d\.json$/)
    expect(JSON.parse(decode(unnamed))).toMatchObject({ format: 'civic-learn-comments', author: null, courses: { 'every-block': { comments: [{ id: 'c1', text: 'Is this tip for every council?' }] } } })
    await call(router, 'profile.rename', { id: (await call<{ activeId: string }>(router, 'profile.list')).activeId, name: 'Cllr Alys Morgan' })
    const named = await call<FileDownload>(router, 'comments.export', { named: true })
    expect(named.fileName).toMatch(/^civic-learn-comments-cllr-alys-morgan-/)
    expect(JSON.parse(decode(named)).author).toEqual({ name: 'Cllr Alys Morgan' })
    expect(JSON.parse(decode(await call<FileDownload>(router, 'comments.export', { named: false }))).author).toBeNull()
    // Only courses with comments.
    expect(Object.keys(JSON.parse(decode(named)).courses)).toEqual(['every-block'])
  })

  it('reads each file a trainer collected, refusing a hostile one with its reason, and reports and exports what the rest say', async () => {
    await comment('c1', 'callout.1', 'Is this tip for every council?')
    await comment('c2', undefined, 'The page is long.')
    const file = decode(await call<FileDownload>(router, 'comments.export', { named: false }))
    const read = await call<MethodOutput<'feedback.read'>>(router, 'feedback.read', { text: file })
    expect(read.ok).toBe(true)
    await expect(call<MethodOutput<'feedback.read'>>(router, 'feedback.read', { text: '{"format":"civic-learn-comments","schemaVersion":1}' })).resolves.toMatchObject({ ok: false, reason: expect.stringContaining('damaged') })
    if (!read.ok) return
    const report = await call<MethodOutput<'feedback.report'>>(router, 'feedback.report', { sources: [read.source, read.source] })
    expect(report).toMatchObject({ comments: 2, duplicates: 2, authors: 1 })
    expect(report.courses[0]?.pages[0]?.parts.map((part) => [part.blockId, part.quote, part.comments.map((kept) => kept.text)])).toEqual([
      [null, '', ['The page is long.']],
      ['callout.1', 'A tip', ['Is this tip for every council?']],
    ])
    const csv = decode(await call<FileDownload>(router, 'feedback.export', { sources: [read.source], format: 'csv' }))
    expect(csv).toContain('Is this tip for every council?')
    const annotations = JSON.parse(decode(await call<FileDownload>(router, 'feedback.export', { sources: [read.source], format: 'jsonld' })))
    expect(annotations.total).toBe(2)
  })

  it('refuses sources that do not hold to the comments’ schema', async () => {
    const hostile = { author: null, courses: { 'every-block': [{ id: 'x', pageId: 'p', kind: 'question', text: 'x'.repeat(3000), language: 'en', createdAt: at }] } }
    await expect(router('feedback.report', { sources: [hostile] })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})
