import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = path.resolve(__dirname, '..')

describe('electron-builder configuration', () => {
  it('builds installers for Windows, macOS and Linux with the app id, name and icon', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8'))
    expect(config.appId).toBe('org.civiclearn.desktop')
    expect(config.productName).toBe('Civic Learn')
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'courses', to: 'courses' }))
    const icon = await readFile(path.join(root, config.icon))
    // PNG signature, then the IHDR width and height: electron-builder needs at least 512 × 512.
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
  })

  it('ships what the in-app SCORM export needs: the built player and the schema files', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8'))
    expect(config.files).toContain('out/player/**')
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources/scorm-schemas', to: 'scorm-schemas' }))
    // src/main/index.ts finds them at these places beside out/main and under the resources path.
    const main = await readFile(path.join(root, 'src/main/index.ts'), 'utf8')
    expect(main).toContain("path.join(process.resourcesPath, 'scorm-schemas')")
    expect(main).toContain("path.join(__dirname, '../player')")
    expect((await stat(path.join(root, 'resources/scorm-schemas/scorm12/imscp_rootv1p1p2.xsd'))).isFile()).toBe(true)
  })

  it('ships only built files, never sources or tests', async () => {
    const config = parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8'))
    for (const pattern of config.files as string[]) expect(pattern).toMatch(/^(out\/|package\.json$)/)
    expect((await stat(path.join(root, 'package.json'))).isFile()).toBe(true)
  })
})
