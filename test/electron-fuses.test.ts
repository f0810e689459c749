import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = path.resolve(__dirname, '..')

async function builderConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
}

/** The fuse options the installed electron-builder accepts, from the JSON schema it checks its configuration with. */
async function fuseSchema(): Promise<{ additionalProperties: boolean; properties: Record<string, { type: string }> }> {
  // app-builder-lib is electron-builder's own dependency: resolved from it, it is the version electron-builder uses.
  const fromBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder/package.json'))
  const scheme = JSON.parse(await readFile(fromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
    properties: { electronFuses: { anyOf: { $ref?: string }[] } }
    definitions: Record<string, { additionalProperties: boolean; properties: Record<string, { type: string }> }>
  }
  const reference = scheme.properties.electronFuses.anyOf.find((option) => option.$ref !== undefined)?.$ref ?? ''
  const definition = scheme.definitions[reference.replace('#/definitions/', '')]
  if (!definition) throw new Error(`electron-builder's scheme.json has no definition for electronFuses (${reference}).`)
  return definition
}

describe('Electron fuses', () => {
  it('locks the packaged binary: no Node mode, no outside Node options or inspector, code only from a checked app.asar', async () => {
    const config = await builderConfig()
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
    // onlyLoadAppFromAsar leaves the app nothing to load without an asar archive.
    expect(config.asar).toBe(true)
  })

  it('names only fuses the installed electron-builder knows, so a misspelt one fails here, not silently at packaging', async () => {
    const schema = await fuseSchema()
    // With no other keys allowed, electron-builder itself refuses an unknown key too.
    expect(schema.additionalProperties).toBe(false)
    const fuses = (await builderConfig()).electronFuses as Record<string, unknown>
    for (const [name, value] of Object.entries(fuses)) {
      expect(schema.properties[name], `electron-builder has no fuse "${name}"`).toBeDefined()
      expect(schema.properties[name]?.type).toBe(typeof value)
    }
  })

  it('leaves nothing in the desktop app that needs a fuse switched off', async () => {
    // runAsNode off breaks child_process.fork and ELECTRON_RUN_AS_NODE; onlyLoadAppFromAsar and the
    // file:// fuse rule out loading pages from files; the inspector and NODE_OPTIONS are gone.
    const needsFuse = /ELECTRON_RUN_AS_NODE|\bfork\(|NODE_OPTIONS|--inspect|loadFile\(|file:\/\//
    const offenders: string[] = []
    for (const layer of ['main', 'preload', 'node', 'core']) {
      for (const entry of await readdir(path.join(root, 'src', layer), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue
        const file = path.join(entry.parentPath, entry.name)
        if (needsFuse.test(await readFile(file, 'utf8'))) offenders.push(path.relative(root, file))
      }
    }
    expect(offenders).toEqual([])
  })
})
