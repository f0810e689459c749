import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { zipOf } from '../../../test/support/write-zip'
import { ExportedPackages } from './exported-packages'

/** Renames an entry in place (local header and central directory), as a hand-made hostile zip would. */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must be the same length')
  return Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1')
}

const MANIFEST = '<manifest/>'
const opened: ExportedPackages[] = []
function packages(limits: ConstructorParameters<typeof ExportedPackages>[0] = {}): ExportedPackages {
  const made = new ExportedPackages(limits)
  opened.push(made)
  return made
}

/** Keeps `zip` as the exporter would: written straight to the file the packages give it. */
async function keep(kept: ExportedPackages, zip: Buffer, fileName: string) {
  return kept.add(fileName, (file) => writeFile(file, zip))
}

/** Keeps a zip that cannot be tested, and says why; the zip itself is still kept, byte for byte, to save. */
async function refusal(kept: ExportedPackages, zip: Buffer): Promise<string> {
  const { id, previewProblem } = await keep(kept, zip, 'x.zip')
  expect(kept.folder(id)).toBeNull()
  expect((await readFile(kept.zip(id)?.file ?? '')).equals(zip)).toBe(true)
  return previewProblem ?? ''
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((made) => made.close()))
})

describe('ExportedPackages', () => {
  it('keeps the zip to save and unpacks every file of it into a folder of its own, named by an unguessable id', async () => {
    const kept = packages()
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST, 'index.html': '<p>hi</p>', 'media/intro.mp4': Buffer.from([1, 2, 3]) })
    const { id, written, previewProblem } = await kept.add('demo-scorm12.zip', async (file) => {
      await writeFile(file, zip)
      return 'summary'
    })
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(written).toBe('summary')
    expect(previewProblem).toBeNull()
    const folder = kept.folder(id) ?? ''
    expect(await readFile(path.join(folder, 'imsmanifest.xml'), 'utf8')).toBe(MANIFEST)
    expect([...(await readFile(path.join(folder, 'media', 'intro.mp4')))]).toEqual([1, 2, 3])
    expect(kept.zip(id)?.fileName).toBe('demo-scorm12.zip')
    expect((await readFile(kept.zip(id)?.file ?? '')).equals(zip)).toBe(true)
    expect(kept.folder('another-id')).toBeNull()
    expect(kept.zip('another-id')).toBeNull()
  })

  it('keeps nothing when writing the package fails', async () => {
    const kept = packages()
    let written = ''
    await expect(
      kept.add('x.zip', async (file) => {
        written = file
        await writeFile(file, 'half a zip')
        throw new Error('the course has errors')
      }),
    ).rejects.toThrow('the course has errors')
    expect(existsSync(written)).toBe(false)
    expect(await readdir(path.dirname(written))).toEqual([])
  })

  it('keeps only the newest packages, removing the others from the disk, and everything on close', async () => {
    const kept = packages({ keep: 2 })
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST })
    const { id: first } = await keep(kept, zip, 'one.zip')
    const firstFolder = kept.folder(first) ?? ''
    const firstZip = kept.zip(first)?.file ?? ''
    const { id: second } = await keep(kept, zip, 'two.zip')
    const { id: third } = await keep(kept, zip, 'three.zip')
    expect([first, second, third].map((id) => kept.zip(id)?.fileName ?? null)).toEqual([null, 'two.zip', 'three.zip'])
    expect(existsSync(firstFolder)).toBe(false)
    expect(existsSync(firstZip)).toBe(false)
    const root = path.dirname(kept.folder(third) ?? '')
    expect((await readdir(root)).sort()).toEqual([second, `${second}.zip`, third, `${third}.zip`].sort())
    await kept.close()
    expect(existsSync(root)).toBe(false)
    expect(kept.folder(third)).toBeNull()
    expect(kept.zip(third)).toBeNull()
  })

  it('refuses to unpack what an LMS would refuse, and leaves nothing unpacked: no zip, no manifest, unsafe file names', async () => {
    const kept = packages()
    expect(await refusal(kept, Buffer.from('not a zip at all'))).toMatch(/not a readable zip/)
    expect(await refusal(kept, await zipOf({ 'index.html': '' }))).toBe('The package has no imsmanifest.xml at its root.')
    expect(await refusal(kept, await zipOf({ 'imsmanifest.xml': MANIFEST, 'my notes.txt': '' }))).toMatch(/"my notes.txt", which is not a safe package path/)
    const climbing = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'xx/evil.txt': 'gotcha' }), 'xx/evil.txt', '../evil.txt')
    expect(await refusal(kept, climbing)).not.toBe('')
    const dotted = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'a/xx/b.txt': '' }), 'a/xx/b.txt', 'a/../b.txt')
    expect(await refusal(kept, dotted)).not.toBe('')
    const twice = renamed(await zipOf({ 'imsmanifest.xml': MANIFEST, 'a.txt': '1', 'b.txt': '2' }), 'b.txt', 'a.txt')
    expect(await refusal(kept, twice)).toMatch(/a.txt is damaged or repeated/)
    const { id: good } = await keep(kept, await zipOf({ 'imsmanifest.xml': MANIFEST }), 'good.zip')
    const root = path.dirname(kept.folder(good) ?? '')
    // Only zips and the one package that could be unpacked: nothing of the refused ones escaped or stayed unpacked.
    expect((await readdir(root)).filter((name) => !name.endsWith('.zip'))).toEqual([good])
    expect(existsSync(path.join(root, '..', 'evil.txt'))).toBe(false)
  })

  it('refuses to unpack a zip whose sizes lie about its contents', async () => {
    const zip = await zipOf({ 'imsmanifest.xml': MANIFEST, 'index.html': 'x'.repeat(1000) })
    // Claim a smaller uncompressed size in the central directory than the data inflates to.
    const central = zip.lastIndexOf(Buffer.from('index.html')) - 46
    const lying = Buffer.from(zip)
    lying.writeUInt32LE(10, central + 24)
    expect(await refusal(packages(), lying)).toMatch(/index.html is damaged or repeated|could not be read/)
  })

  it('refuses to unpack packages with too many files or too many bytes before unpacking them all', async () => {
    const files = Object.fromEntries([['imsmanifest.xml', MANIFEST], ...Array.from({ length: 5 }, (_, index) => [`f${index}.txt`, 'x'.repeat(100)])])
    expect(await refusal(packages({ maxEntries: 3 }), await zipOf(files))).toBe('The package holds 6 files; a preview takes at most 3.')
    expect(await refusal(packages({ maxUnpackedBytes: 250 }), await zipOf(files))).toMatch(/unpacks to more than 250 bytes/)
  })
})
