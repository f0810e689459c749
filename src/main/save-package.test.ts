import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPackageSaver } from './save-package'

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn((_name: string) => '') },
  BrowserWindow: { fromWebContents: vi.fn((_contents: unknown): unknown => null) },
  dialog: { showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })) },
}))
vi.mock('electron', () => electron)

const ID = '0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
const ZIP = Buffer.from('PK\u0005\u0006 a package')
let top: string
let kept: string
let saver: ReturnType<typeof createPackageSaver>
const sender = { id: 1 }
const window = { title: 'Civic Learn' }
const event = { sender } as unknown as IpcMainInvokeEvent

beforeEach(async () => {
  vi.clearAllMocks()
  top = await mkdtemp(path.join(os.tmpdir(), 'civic-save-'))
  kept = path.join(top, `${ID}.zip`)
  await writeFile(kept, ZIP)
  electron.app.getPath.mockReturnValue(path.join(top, 'Downloads'))
  electron.BrowserWindow.fromWebContents.mockReturnValue(window)
  saver = createPackageSaver({ zip: (id) => (id === ID ? { file: kept, fileName: 'demo-scorm12.zip' } : null) })
})

afterEach(async () => {
  await rm(top, { recursive: true, force: true })
})

describe('createPackageSaver (export.save on the desktop)', () => {
  it('asks where to save, on the window that asked, offering the Downloads folder, and copies the kept zip there', async () => {
    const target = path.join(top, 'for-moodle.zip')
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    await expect(saver(event, { packageId: ID })).resolves.toEqual({ ok: true, value: { savedAs: 'for-moodle.zip' } })
    expect(electron.app.getPath).toHaveBeenCalledWith('downloads')
    expect(electron.BrowserWindow.fromWebContents).toHaveBeenCalledWith(sender)
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, {
      defaultPath: path.join(top, 'Downloads', 'demo-scorm12.zip'),
      filters: [{ name: 'SCORM package', extensions: ['zip'] }],
    })
    expect((await readFile(target)).equals(ZIP)).toBe(true)
  })

  it('names the file type in the learner’s language', async () => {
    const welsh = createPackageSaver({ zip: () => ({ file: kept, fileName: 'demo-scorm12.zip' }) }, () => 'cy')
    await welsh(event, { packageId: ID })
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, expect.objectContaining({ filters: [{ name: 'Pecyn SCORM', extensions: ['zip'] }] }))
  })

  it('answers null when the learner cancels, and asks without a parent when the window is gone', async () => {
    electron.BrowserWindow.fromWebContents.mockReturnValueOnce(null)
    await expect(saver(event, { packageId: ID })).resolves.toEqual({ ok: true, value: { savedAs: null } })
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ defaultPath: path.join(top, 'Downloads', 'demo-scorm12.zip') }))
  })

  it('refuses a bad input or a package it does not keep, without a dialog', async () => {
    await expect(saver(event, { packageId: '../../etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await expect(saver(event, { packageId: ID, extra: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await expect(saver(event, { packageId: '00000000-0000-4000-8000-000000000000' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it('says the package could not be saved, with the reason and no path, when the copy fails', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(top, 'no-such-folder', 'x.zip') })
    const result = await saver(event, { packageId: ID })
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The package could not be saved there (ENOENT).' } })
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
  })
})
