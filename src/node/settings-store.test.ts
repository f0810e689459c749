import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, openSettingsStore } from './settings-store'

let dir: string
const log = { warn: vi.fn() }

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'civic-settings-'))
  log.warn.mockClear()
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('settings store', () => {
  it('starts with the defaults on a new device', async () => {
    const store = await openSettingsStore(dir, log)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps a change across a restart, in a real file, with no temporary files left behind', async () => {
    const store = await openSettingsStore(dir, log)
    await expect(store.update({ language: 'cy' })).resolves.toEqual({ language: 'cy' })
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'cy' })
    expect(await readdir(dir)).toEqual(['settings.json'])
    const reopened = await openSettingsStore(dir, log)
    expect(reopened.get()).toEqual({ language: 'cy' })
  })

  it('ignores a patch key set to undefined', async () => {
    const store = await openSettingsStore(dir, log)
    await store.update({ language: 'cy' })
    await expect(store.update({ language: undefined })).resolves.toEqual({ language: 'cy' })
  })

  it.each([
    ['not JSON', '{"language": "cy"'],
    ['empty', ''],
    ['the wrong shape', '{"language": "fr", "extra": 1}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('sets a file that is %s aside, keeps it, warns, and uses the defaults', async (_label, content) => {
    await writeFile(path.join(dir, 'settings.json'), content)
    const store = await openSettingsStore(dir, log)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    const files = await readdir(dir)
    const kept = files.find((name) => name.startsWith('settings.json.unreadable-'))
    expect(kept).toBeDefined()
    expect(await readFile(path.join(dir, kept ?? ''), 'utf8')).toBe(content)
    expect(log.warn).toHaveBeenCalledOnce()
    expect(log.warn.mock.calls[0]?.[0]).toContain('defaults are used')
  })
})
