import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { zipOf } from '../../../test/support/write-zip'
import { PackagePreviews, PreviewError } from './package-previews'

/** Renames an entry in place (local header and central directory), as a hand-made hostile zip would. */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must be the same length')
  return Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1')
}

const MANIFEST = '<manifest/>'
const opened: PackagePreviews[] = []
function previews(limits: ConstructorParameters<typeof PackagePreviews>[0] = {}): PackagePreviews {
  const made = new PackagePreviews(limits)
  opened.push(made)
  return made
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((made) => made.close()))
})

describe('PackagePreviews', () => {
  it('unpacks every file of a package into a folder of its own, named by an unguessable id', async () => {
    const kept = previews()
    const id = await kept.add(await zipOf({ 'imsmanifest.xml': MANIFEST, 'index.html': '<p>hi</p>', 'media/intro.mp4': Buffer.from([1, 2, 3]) }), 'demo-scorm12.zip')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const folder = kept.folder(id) ?? ''
    expect(await readFile(path.join(folder, 'imsmanifest.xml'), 'utf8')).toBe(MANIFEST)
    expect([...(await readFile(path.join(folder, 'media', 'intro.mp4')))]).toEqual([1, 2, 3])
    expect(kept.folder('another-id')).toBeNull()
    expect(kept.fileName(id)).toBe('demo-scorm12.zip')
  })

  it('keeps only the newest packages, removing the others from the disk, and everything on close', async () => {
    const kept = previews({ keep: 2 })
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST })
    const first = await kept.add(zip, 'one.zip')
    const firstFolder = kept.folder(first) ?? ''
    const second = await kept.add(zip, 'two.zip')
    const third = await kept.add(zip, 'three.zip')
    expect([first, second, third].map((id) => kept.fileName(id))).toEqual([null, 'two.zip', 'three.zip'])
    expect(existsSync(firstFolder)).toBe(false)
    const root = path.dirname(kept.folder(third) ?? '')
    expect((await readdir(root)).sort()).toEqual([second, third].sort())
    await kept.close()
    expect(existsSync(root)).toBe(false)
    expect(kept.folder(third)).toBeNull()
  })

  it('refuses what an LMS would refuse, and leaves nothing behind: no zip, no manifest, unsafe file names', async () => {
    const kept = previews()
    await expect(kept.add(Buffer.from('not a zip at all'), 'x.zip')).rejects.toThrow(/not a readable zip/)
    await expect(kept.add(await zipOf({ 'index.html': '' }), 'x.zip')).rejects.toThrow('The package has no imsmanifest.xml at its root.')
    await expect(kept.add(await zipOf({ 'imsmanifest.xml': MANIFEST, 'my notes.txt': '' }), 'x.zip')).rejects.toThrow(/"my notes.txt", which is not a safe package path/)
    const climbing = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'xx/evil.txt': 'gotcha' }), 'xx/evil.txt', '../evil.txt')
    await expect(kept.add(climbing, 'x.zip')).rejects.toBeInstanceOf(PreviewError)
    const dotted = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'a/xx/b.txt': '' }), 'a/xx/b.txt', 'a/../b.txt')
    await expect(kept.add(dotted, 'x.zip')).rejects.toBeInstanceOf(PreviewError)
    const twice = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'a.txt': '1', 'b.txt': '2' }), 'b.txt', 'a.txt')
    await expect(kept.add(twice, 'x.zip')).rejects.toThrow(/a.txt is damaged or repeated/)
    const good = await kept.add(await zipOf({ 'imsmanifest.xml': MANIFEST }), 'good.zip')
    expect(await readdir(path.dirname(kept.folder(good) ?? ''))).toEqual([good])
  })

  it('refuses a zip whose sizes lie about its contents', async () => {
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST, 'index.html': 'x'.repeat(1000) })
    // Claim a smaller uncompressed size in the central directory than the data inflates to.
    const central = zip.lastIndexOf(Buffer.from('index.html')) - 46
    const lying = Buffer.from(zip)
    lying.writeUInt32LE(10, central + 24)
    await expect(previews().add(lying, 'x.zip')).rejects.toThrow(/index.html is damaged or repeated|could not be read/)
  })

  it('refuses packages with too many files or too many bytes before unpacking them all', async () => {
    const files = Object.fromEntries([['imsmanifest.xml', MANIFEST], ...Array.from({ length: 5 }, (_, index) => [`f${index}.txt`, 'x'.repeat(100)])])
    await expect(previews({ maxEntries: 3 }).add(await zipOf(files), 'x.zip')).rejects.toThrow('The package holds 6 files; a preview takes at most 3.')
    await expect(previews({ maxUnpackedBytes: 250 }).add(await zipOf(files), 'x.zip')).rejects.toThrow(/unpacks to more than 250 bytes/)
  })
})
