import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/app-defaults'
import { openSettingsStore } from './settings-store'

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
    await expect(store.update({ language: 'cy' })).resolves.toEqual({ language: 'cy', nation: null })
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'cy', nation: null })
    expect(await readdir(dir)).toEqual(['settings.json'])
    const reopened = await openSettingsStore(dir, log)
    expect(reopened.get()).toEqual({ language: 'cy', nation: null })
  })

  it('ignores a patch key set to undefined', async () => {
    const store = await openSettingsStore(dir, log)
    await store.update({ language: 'cy', nation: 'wales' })
    await expect(store.update({ language: undefined, nation: undefined })).resolves.toEqual({ language: 'cy', nation: 'wales' })
  })

  it('has no nation until the learner chooses one, keeps it across a restart, and can forget it again', async () => {
    const store = await openSettingsStore(dir, log)
    expect(store.get().nation).toBeNull()
    await expect(store.update({ nation: 'scotland' })).resolves.toEqual({ language: 'en', nation: 'scotland' })
    expect((await openSettingsStore(dir, log)).get()).toEqual({ language: 'en', nation: 'scotland' })
    await expect(store.update({ nation: null })).resolves.toEqual({ language: 'en', nation: null })
    expect((await openSettingsStore(dir, log)).get().nation).toBeNull()
  })

  it('reads a settings file from before nations were asked, keeping its language', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"language": "cy"}')
    const store = await openSettingsStore(dir, log)
    expect(store.get()).toEqual({ language: 'cy', nation: null })
    expect(log.warn).not.toHaveBeenCalled()
  })

  it.each([
    ['not JSON', '{"language": "cy"'],
    ['empty', ''],
    ['the wrong shape', '{"language": "fr", "extra": 1}'],
    ['an unknown nation', '{"language": "cy", "nation": "atlantis"}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('sets a file that is %s aside, keeps it, warns, and uses the defaults', async (_label, content) => {
    await writeFile(path.join(dir, 'settings.json'), content)
    const store = await openSettingsStore(dir, log)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    const files = await readdir(dir)
    const kept = files.find((name) => name.startsWith('settings.json.damaged-'))
    expect(kept).toBeDefined()
    expect(await readFile(path.join(dir, kept ?? ''), 'utf8')).toBe(content)
    expect(log.warn).toHaveBeenCalledOnce()
    expect(log.warn.mock.calls[0]?.[0]).toContain('defaults are used')
  })
})

describe('settings reset', () => {
  it('deletes the settings file and any unreadable copies, and returns to the defaults', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{oops')
    const store = await openSettingsStore(dir, log)
    await store.update({ language: 'cy' })
    expect((await readdir(dir)).length).toBe(2)
    await store.reset()
    expect(await readdir(dir)).toEqual([])
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
  })
})
