import { describe, expect, it } from 'vitest'
import { zipOf } from '../../../test/support/write-zip'
import { PackagePreviews, PreviewError } from './package-previews'

/** Renames an entry in place (local header and central directory), as a hand-made hostile zip would. */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must be the same length')
  return Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1')
}

const MANIFEST = '<manifest/>'

describe('PackagePreviews', () => {
  it('serves every file of a package by its path, and nothing else', async () => {
    const previews = new PackagePreviews()
    const id = await previews.add(await zipOf({ 'imsmanifest.xml': MANIFEST, 'index.html': '<p>hi</p>', 'media/intro.mp4': Buffer.from([1, 2, 3]) }), 'demo-scorm12.zip')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(previews.file(id, ['imsmanifest.xml'])?.toString()).toBe(MANIFEST)
    expect([...(previews.file(id, ['media', 'intro.mp4']) ?? [])]).toEqual([1, 2, 3])
    expect(previews.file(id, ['media'])).toBeNull()
    expect(previews.file(id, ['missing.html'])).toBeNull()
    expect(previews.file('another-id', ['index.html'])).toBeNull()
    expect(previews.fileName(id)).toBe('demo-scorm12.zip')
  })

  it('keeps only the newest packages', async () => {
    const previews = new PackagePreviews(2)
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST })
    const first = await previews.add(zip, 'one.zip')
    const second = await previews.add(zip, 'two.zip')
    const third = await previews.add(zip, 'three.zip')
    expect([first, second, third].map((id) => previews.fileName(id))).toEqual([null, 'two.zip', 'three.zip'])
  })

  it('refuses what an LMS would refuse: no zip, no manifest, unsafe file names', async () => {
    const previews = new PackagePreviews()
    await expect(previews.add(Buffer.from('not a zip at all'), 'x.zip')).rejects.toThrow(/not a readable zip/)
    await expect(previews.add(await zipOf({ 'index.html': '' }), 'x.zip')).rejects.toThrow('The package has no imsmanifest.xml at its root.')
    await expect(previews.add(await zipOf({ 'imsmanifest.xml': MANIFEST, 'my notes.txt': '' }), 'x.zip')).rejects.toThrow(/"my notes.txt", which is not a safe package path/)
    const climbing = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'xx/evil.txt': 'gotcha' }), 'xx/evil.txt', '../evil.txt')
    await expect(previews.add(climbing, 'x.zip')).rejects.toBeInstanceOf(PreviewError)
    const dotted = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'a/xx/b.txt': '' }), 'a/xx/b.txt', 'a/../b.txt')
    await expect(previews.add(dotted, 'x.zip')).rejects.toBeInstanceOf(PreviewError)
  })

  it('refuses a zip whose sizes lie about its contents', async () => {
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST, 'index.html': 'x'.repeat(1000) })
    // Claim a smaller uncompressed size in the central directory than the data inflates to.
    const central = zip.lastIndexOf(Buffer.from('index.html')) - 46
    const lying = Buffer.from(zip)
    lying.writeUInt32LE(10, central + 24)
    await expect(new PackagePreviews().add(lying, 'x.zip')).rejects.toThrow(/damaged|could not be read/)
  })
})
