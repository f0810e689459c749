import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { inflateRawSync } from 'node:zlib'

export interface ZipEntryRead {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  data: Buffer
}

/**
 * Reads a zip's central directory and entries, so tests need no unzip program (CI machines may
 * not have one). Enough for the packages the exporter writes: no zip64, no encryption.
 */
export function readZip(zip: Buffer): ZipEntryRead[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a zip: no end of central directory')
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  const entries: ZipEntryRead[] = []
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken central directory')
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const local = zip.readUInt32LE(offset + 42)
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + compressedSize)
    entries.push({ name, method, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Writes a zip's files under `dir`, as an LMS unpacks a package. */
export async function extractZip(zip: Buffer, dir: string): Promise<void> {
  for (const entry of readZip(zip)) {
    if (entry.name.endsWith('/')) continue
    const target = path.resolve(dir, entry.name)
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`unsafe path in zip: ${entry.name}`)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, entry.data)
  }
}
