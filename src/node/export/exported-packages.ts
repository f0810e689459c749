import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { SAFE_PACKAGE_PATH } from '../../core/scorm/manifest'

/** Packages kept to save and to test: the newest few, until the app closes. */
const DEFAULT_KEEP = 5
/** Hostile or broken zips are refused before they fill the disk. */
const MAX_ENTRIES = 10_000
const MAX_UNPACKED_BYTES = 2 * 1024 ** 3

export class PreviewError extends Error {}

export interface PreviewLimits {
  keep: number
  maxEntries: number
  maxUnpackedBytes: number
}

function openZip(zip: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, archive) => {
      if (error || !archive) reject(new PreviewError(`The package is not a readable zip (${error?.message ?? 'no archive'}).`))
      else resolve(archive)
    })
  })
}

function openEntry(archive: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    archive.openReadStream(entry, (error, stream) => (error || !stream ? reject(new PreviewError(`The package's ${entry.fileName} could not be read.`)) : resolve(stream)))
  })
}

/** The file entries of a zip, one at a time, as yauzl reads them lazily. */
async function* entries(archive: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const cleanup = () => {
        archive.off('entry', onEntry)
        archive.off('end', onEnd)
        archive.off('error', onError)
      }
      const onEntry = (value: yauzl.Entry) => (cleanup(), resolve(value))
      const onEnd = () => (cleanup(), resolve(null))
      const onError = (error: Error) => (cleanup(), reject(new PreviewError(`The package could not be read: ${error.message}.`)))
      archive.on('entry', onEntry)
      archive.on('end', onEnd)
      archive.on('error', onError)
      archive.readEntry()
    })
    if (!entry) return
    if (!entry.fileName.endsWith('/')) yield entry
  }
}

/** A package just kept: its id, what writing it gave back, and why it cannot be tested here (null when it can). */
export interface KeptPackage<T> {
  id: string
  written: T
  previewProblem: string | null
}

/**
 * The packages exported in this run, each kept under an unguessable id in a temporary folder: the
 * zip, for the learner to save (the desktop's save dialog) or download (the web host's
 * `/exports/<id>`), and the package unpacked as an LMS would unpack it (file names and sizes
 * checked), which both hosts serve from `/preview/<id>/…` for "Test this package", with the same
 * path confinement as course files. Only the newest few are kept; `close` removes them all.
 */
export class ExportedPackages {
  private readonly kept = new Map<string, { zip: string; fileName: string; folder: string | null }>()
  private root: Promise<string> | undefined
  private readonly limits: PreviewLimits

  constructor(limits: Partial<PreviewLimits> = {}) {
    this.limits = { keep: DEFAULT_KEEP, maxEntries: MAX_ENTRIES, maxUnpackedBytes: MAX_UNPACKED_BYTES, ...limits }
  }

  /**
   * Keeps a new package: `write` writes its zip to the file it is given, straight into the kept
   * folder, and the zip is then unpacked for testing when it can be. A package that cannot be
   * unpacked is still kept to save. Rejects, keeping nothing, when `write` does.
   */
  async add<T>(fileName: string, write: (zipFile: string) => Promise<T>): Promise<KeptPackage<T>> {
    this.root ??= mkdtemp(path.join(os.tmpdir(), 'civic-learn-packages-'))
    const root = await this.root
    const id = randomUUID()
    const zip = path.join(root, `${id}.zip`)
    let written: T
    try {
      written = await write(zip)
    } catch (error) {
      await rm(zip, { force: true })
      throw error
    }
    const folder = path.join(root, id)
    let previewProblem: string | null = null
    try {
      await this.unpack(zip, folder)
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      previewProblem = error instanceof PreviewError ? error.message : `The package could not be unpacked (${(error as NodeJS.ErrnoException).code ?? 'error'}).`
    }
    this.kept.set(id, { zip, fileName, folder: previewProblem === null ? folder : null })
    for (const [old, gone] of [...this.kept].slice(0, Math.max(0, this.kept.size - this.limits.keep))) {
      this.kept.delete(old)
      await rm(gone.zip, { force: true })
      if (gone.folder) await rm(gone.folder, { recursive: true, force: true })
    }
    return { id, written, previewProblem }
  }

  /** A kept package's zip and the name to save it under, or null for an id that is not (or no longer) kept. */
  zip(id: string): { file: string; fileName: string } | null {
    const kept = this.kept.get(id)
    return kept ? { file: kept.zip, fileName: kept.fileName } : null
  }

  /** The folder a kept package is unpacked in, or null for an id that is not kept or could not be unpacked. */
  folder(id: string): string | null {
    return this.kept.get(id)?.folder ?? null
  }

  /** Removes every kept package; call as the app closes. */
  async close(): Promise<void> {
    this.kept.clear()
    const root = this.root
    this.root = undefined
    if (root) await rm(await root, { recursive: true, force: true })
  }

  private async unpack(zip: string, folder: string): Promise<void> {
    const archive = await openZip(zip)
    try {
      if (archive.entryCount > this.limits.maxEntries) throw new PreviewError(`The package holds ${archive.entryCount} files; a preview takes at most ${this.limits.maxEntries}.`)
      let unpacked = 0
      let manifest = false
      for await (const entry of entries(archive)) {
        if (!SAFE_PACKAGE_PATH.test(entry.fileName)) throw new PreviewError(`The package holds a file named "${entry.fileName}", which is not a safe package path.`)
        unpacked += entry.uncompressedSize
        if (unpacked > this.limits.maxUnpackedBytes) throw new PreviewError(`The package unpacks to more than ${this.limits.maxUnpackedBytes} bytes, more than a preview takes.`)
        manifest ||= entry.fileName === 'imsmanifest.xml'
        const target = path.join(folder, ...entry.fileName.split('/'))
        await mkdir(path.dirname(target), { recursive: true })
        // yauzl checks each entry's size as it inflates it (validateEntrySizes), so a lying header fails here.
        await pipeline(await openEntry(archive, entry), createWriteStream(target, { flags: 'wx' })).catch((error: unknown) => {
          throw error instanceof PreviewError ? error : new PreviewError(`The package's ${entry.fileName} is damaged or repeated.`)
        })
      }
      if (!manifest) throw new PreviewError('The package has no imsmanifest.xml at its root.')
    } finally {
      archive.close()
    }
  }
}
