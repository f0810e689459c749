import { mkdir, mkdtemp, cp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProgressAnswer, ScormExportResult } from '../core/api/contract'
import { METHOD_NAMES } from '../core/api/methods'
import { createAppServices, type AppServices } from './app-services'
import { FIXTURE_COURSES } from './services/service-testing'
import { StoreLockedError } from './store/lock-file'

/** The composition root: each domain's own tests are in ./services; these check what the root adds. */
let work: string
let services: AppServices

async function start(): Promise<AppServices> {
  const playerDir = path.join(work, 'player')
  return createAppServices({
    host: 'web',
    version: '1.0.0',
    coursesDir: path.join(work, 'courses'),
    dataDir: path.join(work, 'data'),
    scorm: { playerDir, schemasDir: path.resolve(__dirname, '../../resources/scorm-schemas') },
  })
}

async function call<T = never>(method: string, input: unknown = {}): Promise<T> {
  const result = await services.router(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-services-'))
  await cp(path.join(FIXTURE_COURSES, 'minimal'), path.join(work, 'courses', 'minimal'), { recursive: true })
  // The exporter copies the built player as it is; a stand-in index.html is enough here.
  await mkdir(path.join(work, 'player'), { recursive: true })
  await writeFile(path.join(work, 'player', 'index.html'), '<!doctype html><title>player</title>')
  services = await start()
})

afterEach(async () => {
  await services.close()
  await rm(work, { recursive: true, force: true })
})

describe('app services', () => {
  it('answers every method of the contract', async () => {
    await expect(call('app.info')).resolves.toEqual({ name: 'Civic Learn', version: '1.0.0', host: 'web' })
    for (const method of METHOD_NAMES) {
      const result = await services.router(method, {})
      if (!result.ok) expect(result.error.code, method).not.toMatch(/UNKNOWN_METHOD|INTERNAL/)
    }
  })

  it('writes what is pending on close and keeps it across a restart', async () => {
    const stored = await call<ProgressAnswer>('progress.record', { courseId: 'minimal', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'only-page' }] })
    expect(stored.progress?.pages['only-page']).toBeDefined()
    await services.close()
    services = await start()
    await expect(call('progress.get', { courseId: 'minimal' })).resolves.toEqual(stored.progress)
  })

  it('refuses a second process on the same data folder with a clear message', async () => {
    const error = await start().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(StoreLockedError)
  })

  it('keeps exported packages for the hosts to hand over and serve, and removes them on close', async () => {
    const result = await call<ScormExportResult>('export.scorm', { courseId: 'minimal', format: 'scorm12' })
    expect(services.packages.zip(result.packageId)?.fileName).toBe('minimal-scorm12.zip')
    expect(services.packages.folder(result.previewId ?? '')).not.toBeNull()
    await services.close()
    expect(services.packages.zip(result.packageId)).toBeNull()
    services = await start()
  })
})
