import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readZip } from '../../../test/support/read-zip'
import type { ScormExportResult } from '../../core/api/contract'
import { ExportedPackages } from '../export/exported-packages'
import { exportHandlers, type ScormBuild } from './export'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'

const schemasDir = path.resolve(__dirname, '../../../resources/scorm-schemas')
let world: ServiceWorld
let packages: ExportedPackages
let scorm: ScormBuild | undefined
const warnings: string[] = []
const log = { error: () => undefined, warn: (message: string) => warnings.push(message) }
const router = routerFor(() =>
  exportHandlers({ catalog: world.courses.catalog, branding: world.courses.branding, packages, version: '1.0.0', log, ...(scorm ? { scorm } : {}) }),
)

/** The zip the services kept for a package, as the desktop saves it and the web host serves it. */
async function keptZip(result: ScormExportResult): Promise<Buffer> {
  return readFile(packages.zip(result.packageId)?.file ?? '')
}

beforeEach(async () => {
  world = await openWorld()
  packages = new ExportedPackages()
  warnings.length = 0
  // The exporter copies the built player as it is; a stand-in index.html is enough here.
  const playerDir = path.join(world.work, 'player')
  await mkdir(playerDir, { recursive: true })
  await writeFile(path.join(playerDir, 'index.html'), '<!doctype html><title>player</title>')
  scorm = { playerDir, schemasDir }
})

afterEach(async () => {
  await packages.close()
  await world.remove()
})

describe('export.scorm', () => {
  it('keeps the package to save and gives a summary of what it holds', async () => {
    const result = await call<ScormExportResult>(router, 'export.scorm', { courseId: 'every-block', format: 'scorm2004' })
    expect(result).not.toHaveProperty('file')
    expect(packages.zip(result.packageId)?.fileName).toBe('every-block-scorm2004.zip')
    const zip = await keptZip(result)
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
    const result = await call<ScormExportResult>(router, 'export.scorm', { courseId: 'every-block', format: 'scorm12' })
    expect(result.previewId).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.previewId).toBe(result.packageId)
    const folder = packages.folder(result.previewId ?? '') ?? ''
    for (const entry of readZip(await keptZip(result))) {
      expect((await readFile(path.join(folder, ...entry.name.split('/')))).equals(entry.data), entry.name).toBe(true)
    }
  })

  it('exports the course as the app loaded it, without reading the folder again', async () => {
    await call(router, 'export.scorm', { courseId: 'minimal', format: 'scorm12' })
    const file = path.join(world.coursesDir, 'minimal', 'course.yaml')
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Minimal course', 'title: Edited since'))
    const result = await call<ScormExportResult>(router, 'export.scorm', { courseId: 'minimal', format: 'scorm12' })
    const data = readZip(await keptZip(result)).find((entry) => entry.name === 'course.json')?.data.toString('utf8') ?? ''
    expect(data).toContain('"title":"Minimal course"')
    // The library lists the courses afresh, and the next export takes the edit.
    await world.courses.catalog.list()
    const again = await call<ScormExportResult>(router, 'export.scorm', { courseId: 'minimal', format: 'scorm12' })
    expect(readZip(await keptZip(again)).find((entry) => entry.name === 'course.json')?.data.toString('utf8')).toContain('"title":"Edited since"')
  })

  it('exports only the chosen modules, and refuses a module the course does not have', async () => {
    const result = await call<ScormExportResult>(router, 'export.scorm', { courseId: 'minimal', format: 'scorm12', modules: ['only-module'] })
    expect(result.summary.modules).toEqual(['only-module'])
    expect(readZip(await keptZip(result)).find((entry) => entry.name === 'imsmanifest.xml')?.data.toString('utf8')).toContain('<schemaversion>1.2</schemaversion>')
    await expect(router('export.scorm', { courseId: 'minimal', format: 'scorm12', modules: ['no-such-module'] })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await expect(router('export.scorm', { courseId: 'nope', format: 'scorm12' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await expect(router('export.scorm', { courseId: 'minimal', format: 'scorm3' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('still keeps a package it cannot unpack for testing, to save, and logs why', async () => {
    await packages.close()
    packages = new ExportedPackages({ maxEntries: 3 })
    const result = await call<ScormExportResult>(router, 'export.scorm', { courseId: 'minimal', format: 'scorm12' })
    expect(result.previewId).toBeNull()
    expect(readZip(await keptZip(result)).map((entry) => entry.name)).toContain('imsmanifest.xml')
    expect(warnings).toEqual([expect.stringMatching(/^The exported minimal-scorm12\.zip cannot be previewed: The package holds \d+ files; a preview takes at most 3\.$/)])
  })

  it('answers UNAVAILABLE where the host did not say where the player is', async () => {
    scorm = undefined
    await expect(router('export.scorm', { courseId: 'minimal', format: 'scorm12' })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  })
})

describe('export.save', () => {
  it('is the desktop shell’s to answer: the services say the browser downloads the package', async () => {
    const result = await call<ScormExportResult>(router, 'export.scorm', { courseId: 'minimal', format: 'scorm12' })
    await expect(router('export.save', { packageId: result.packageId })).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    await expect(router('export.save', { packageId: 'not-an-id' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})
