import { randomUUID } from 'node:crypto'
import yauzl from 'yauzl'

/** Packages kept for "Test this package": the newest few, in memory, until the app closes. */
const DEFAULT_KEEP = 3
/** Hostile or broken zips are refused before they fill the memory. */
const MAX_ENTRIES = 10_000
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
/** The file names a package may hold (SCORM-NOTES: `[A-Za-z0-9._-/]` only), and no `.` or `..` step. */
const SAFE_NAME = /^(?!.*(^|\/)\.{1,2}(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/

export class PreviewError extends Error {}

interface Preview {
  fileName: string
  files: Map<string, Buffer>
}

function readEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (openError, archive) => {
      if (openError || !archive) return reject(new PreviewError(`The package is not a readable zip (${openError?.message ?? 'no archive'}).`))
      const files = new Map<string, Buffer>()
      let unpacked = 0
      const fail = (message: string) => {
        archive.close()
        reject(new PreviewError(message))
      }
      if (archive.entryCount > MAX_ENTRIES) return fail(`The package holds ${archive.entryCount} files; a preview takes at most ${MAX_ENTRIES}.`)
      archive.on('error', (error: Error) => fail(`The package could not be read: ${error.message}.`))
      archive.on('end', () => resolve(files))
      archive.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return archive.readEntry()
        if (!SAFE_NAME.test(entry.fileName)) return fail(`The package holds a file named "${entry.fileName}", which is not a safe package path.`)
        unpacked += entry.uncompressedSize
        if (unpacked > MAX_UNPACKED_BYTES) return fail('The package unpacks to more than 1 GB, which a preview does not hold.')
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(`The package's ${entry.fileName} could not be read.`)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('error', () => fail(`The package's ${entry.fileName} is damaged.`))
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks))
            archive.readEntry()
          })
        })
      })
      archive.readEntry()
    })
  })
}

/**
 * The exported packages the app can preview in its strict LMS window: each zip is read back as
 * an LMS would unpack it, held in memory under an unguessable id, and served from
 * `/preview/<id>/…` by both hosts. Only the newest few are kept.
 */
export class PackagePreviews {
  private readonly previews = new Map<string, Preview>()

  constructor(private readonly keep = DEFAULT_KEEP) {}

  /** Reads a package zip and returns the id it is served under; rejects with a PreviewError when the zip is unreadable. */
  async add(zip: Buffer, fileName: string): Promise<string> {
    const files = await readEntries(zip)
    if (!files.has('imsmanifest.xml')) throw new PreviewError('The package has no imsmanifest.xml at its root.')
    const id = randomUUID()
    this.previews.set(id, { fileName, files })
    for (const old of [...this.previews.keys()].slice(0, Math.max(0, this.previews.size - this.keep))) this.previews.delete(old)
    return id
  }

  /** A file of a kept package by its path segments, or null. */
  file(id: string, segments: readonly string[]): Buffer | null {
    return this.previews.get(id)?.files.get(segments.join('/')) ?? null
  }

  fileName(id: string): string | null {
    return this.previews.get(id)?.fileName ?? null
  }
}
