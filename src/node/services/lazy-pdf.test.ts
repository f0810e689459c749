import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FileDownload } from '../../core/api'
import { type AppServices, createAppServices } from '../app-services'
import { call, FIXTURE_COURSES } from './service-testing'

/** Flips when anything first imports the PDF library, which is a third of a cold start. */
const loaded = vi.hoisted(() => ({ pdf: false }))
vi.mock('pdf-lib', async (original) => {
  loaded.pdf = true
  return original()
})

let dataDir: string
let services: AppServices

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'civic-lazy-pdf-'))
  services = await createAppServices({ host: 'web', version: '1.0.0', coursesDir: FIXTURE_COURSES, dataDir })
})

afterAll(async () => {
  await services.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('the PDF library', () => {
  it('is not loaded to start the services, list courses or record progress, and is loaded by the first PDF asked for', async () => {
    await call(services.router, 'course.list')
    await call(services.router, 'progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    await call(services.router, 'notebook.export', { courseId: 'minimal', format: 'markdown' })
    await call(services.router, 'profile.rename', { id: (await call<{ activeId: string }>(services.router, 'profile.list')).activeId, name: 'Cllr Alys Morgan' })
    expect(loaded.pdf).toBe(false)
    const file = await call<FileDownload>(services.router, 'certificate.create', { courseId: 'minimal' })
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(loaded.pdf).toBe(true)
  })
})
