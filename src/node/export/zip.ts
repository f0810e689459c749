import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'

/** One file of a package: its bytes in memory, or a file on disk. */
export type ZipEntry = { path: string; compress: boolean } & ({ data: Buffer } | { file: string })

/**
 * Every entry gets the same date and mode, so the same files always make the same bytes: DOS
 * time only (yazl's "UT" field stores UTC seconds, which would differ between time zones for the
 * same local date), built from local fields because DOS time is local.
 */
const FIXED_TIME = new Date(2020, 0, 1, 0, 0, 0)
const FILE_MODE = 0o100644

/** File names that are text and worth deflating; media is already compressed and is stored. */
const TEXT = /\.(html?|js|mjs|css|json|xml|xsd|dtd|vtt|svg|txt|md|csv)$/i

export function shouldCompress(file: string): boolean {
  return TEXT.test(file)
}

/**
 * Writes a zip deterministically: entries sorted by path, fixed dates and modes. Written to a
 * temporary file beside the target and renamed, so a failed export never leaves half a package.
 */
export async function writeZip(target: string, entries: readonly ZipEntry[]): Promise<void> {
  const zip = new ZipFile()
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const entry of sorted) {
    const options = { mtime: FIXED_TIME, mode: FILE_MODE, compress: entry.compress, forceDosTimestamp: true }
    if ('data' in entry) zip.addBuffer(entry.data, entry.path, options)
    else zip.addFile(entry.file, entry.path, options)
  }
  zip.end()
  const partial = `${target}.partial`
  try {
    await pipeline(zip.outputStream, createWriteStream(partial))
    await rename(partial, target)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}
