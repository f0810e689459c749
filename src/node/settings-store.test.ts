import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/app-defaults'
import { openSettingsStore } from './settings-store'

let dir: string
const onDisk = async () => JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'civic-settings-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('settings store', () => {
  it('starts with the defaults on a new device', async () => {
    const store = await openSettingsStore(dir)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps a change across a restart, in a real file, with no temporary files left behind', async () => {
    const store = await openSettingsStore(dir)
    await expect(store.update({ language: 'cy' })).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: null })
    expect(await onDisk()).toEqual({ schemaVersion: 2, ...DEFAULT_SETTINGS, language: 'cy' })
    expect((await readdir(dir)).sort()).toEqual(['backups', 'settings.json'])
    const reopened = await openSettingsStore(dir)
    expect(reopened.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: null })
  })

  it('ignores a patch key set to undefined', async () => {
    const store = await openSettingsStore(dir)
    await store.update({ language: 'cy', nation: 'wales' })
    await expect(store.update({ language: undefined, nation: undefined })).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: 'wales' })
  })

  it('has no nation until the learner chooses one, keeps it across a restart, and can forget it again', async () => {
    const store = await openSettingsStore(dir)
    expect(store.get().nation).toBeNull()
    await expect(store.update({ nation: 'scotland' })).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: 'scotland' })
    expect((await openSettingsStore(dir)).get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: 'scotland' })
    await expect(store.update({ nation: null })).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: null })
    expect((await openSettingsStore(dir)).get().nation).toBeNull()
  })

  it('reads a settings file from before nations were asked, keeping its language', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"language": "cy"}')
    const store = await openSettingsStore(dir)
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: null })
    expect(store.notices).toEqual([expect.objectContaining({ kind: 'migrated', from: 1, to: 2 })])
  })

  it('brings a version 1 file up to date: its choices kept, the display settings at their defaults, the old file kept beside it', async () => {
    const before = '{"schemaVersion": 1, "language": "cy", "nation": "wales"}'
    await writeFile(path.join(dir, 'settings.json'), before)
    const store = await openSettingsStore(dir)
    expect(store.get()).toEqual({ language: 'cy', nation: 'wales', theme: 'system', textSize: 'normal', captions: true })
    const [notice] = store.notices
    expect(notice).toMatchObject({ kind: 'migrated', from: 1, to: 2 })
    expect(await readFile((notice as { backup: string }).backup, 'utf8')).toBe(before)
    await store.update({ theme: 'dark', textSize: 'larger', captions: false })
    expect(await onDisk()).toEqual({ schemaVersion: 2, language: 'cy', nation: 'wales', theme: 'dark', textSize: 'larger', captions: false })
    expect((await openSettingsStore(dir)).get()).toMatchObject({ theme: 'dark', textSize: 'larger', captions: false })
  })

  it('writes calls made together in the order they were made, each on disk when it answers', async () => {
    const store = await openSettingsStore(dir)
    for (let round = 0; round < 20; round++) {
      const first = store.update({ language: 'cy', nation: 'wales' })
      const second = store.update({ language: 'en', nation: 'scotland' })
      await expect(first).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: 'wales' })
      await expect(second).resolves.toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: 'scotland' })
      expect(await onDisk()).toMatchObject({ language: 'en', nation: 'scotland' })
    }
    await store.close()
    expect((await openSettingsStore(dir)).get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: 'scotland' })
  })

  it.each([
    ['not JSON', '{"language": "cy"'],
    ['empty', ''],
    ['the wrong shape', '{"language": "fr", "extra": 1}'],
    ['an unknown nation', '{"language": "cy", "nation": "atlantis"}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('sets a file that is %s aside, keeps it, tells the learner, and uses the defaults', async (_label, content) => {
    await writeFile(path.join(dir, 'settings.json'), content)
    const store = await openSettingsStore(dir)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    const files = await readdir(dir)
    const kept = files.find((name) => name.startsWith('settings.json.damaged-'))
    expect(kept).toBeDefined()
    expect(await readFile(path.join(dir, kept ?? ''), 'utf8')).toBe(content)
    expect(store.notices).toEqual([{ kind: 'recovered', setAside: path.join(dir, kept ?? ''), restoredFrom: null, backupTakenAt: null }])
  })
})

describe('settings reset', () => {
  it('deletes the settings file and any unreadable copies, and returns to the defaults', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{oops')
    const store = await openSettingsStore(dir)
    await store.update({ language: 'cy' })
    expect((await readdir(dir)).length).toBe(3)
    await store.reset()
    expect(await readdir(dir)).toEqual([])
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
  })
})
