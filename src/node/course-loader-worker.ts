import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { loadCourseFolderFiles, type LoadedCourseFolder } from './course-loader'

/** Loads a course folder: in this thread, or in the loader's own (`CourseLoaderWorker`). */
export type FolderLoader = (dir: string) => Promise<LoadedCourseFolder>

/** A course that asks for more memory than this is broken or hostile; the thread stops, the host goes on. */
const WORKER_MEMORY_MB = 512

type Waiting = { dir: string; resolve(loaded: LoadedCourseFolder): void; reject(error: Error): void }

/**
 * Loads course folders in a thread of their own (the built `course-worker.js`), so a large or
 * hostile course never holds up the host's API or file requests. One thread, started on the
 * first load; if it dies (out of memory on a hostile file), what it was loading fails with a
 * plain message and the next load starts a new one.
 */
export class CourseLoaderWorker {
  private worker: Worker | null = null
  private next = 0
  private readonly waiting = new Map<number, Waiting>()
  /** The thread could not even start here (a packaged app that cannot run it, say): courses load in this thread instead. */
  private unusable = false

  /** `cache`: where the thread keeps what it loaded, and a stamp of the loader's code (course-cache.ts). */
  constructor(
    private readonly file: string,
    private readonly cache?: { cacheDir: string; codeStamp: string },
  ) {}

  readonly load: FolderLoader = (dir) => {
    if (this.unusable) return loadCourseFolderFiles(dir)
    return new Promise((resolve, reject) => {
      const id = this.next++
      this.waiting.set(id, { dir, resolve, reject })
      this.thread().postMessage({ id, dir })
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }

  private thread(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.file, { workerData: this.cache, resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB } })
    // Idle, the thread never keeps the process alive.
    worker.unref()
    let ready = false
    worker.on('message', (message: { ready?: true; id: number; loaded?: LoadedCourseFolder; failure?: { code: string } }) => {
      if (message.ready) {
        ready = true
        return
      }
      const waiting = this.waiting.get(message.id)
      this.waiting.delete(message.id)
      if (!waiting) return
      if (message.loaded) waiting.resolve(message.loaded)
      else waiting.reject(Object.assign(new Error('The course folder could not be read.'), { code: message.failure?.code ?? 'error' }))
    })
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null
      const waiting = [...this.waiting.values()]
      this.waiting.clear()
      if (!ready) {
        // Never started: no course is to blame. Load everything here from now on.
        this.unusable = true
        for (const request of waiting) loadCourseFolderFiles(request.dir).then(request.resolve, request.reject)
        return
      }
      for (const request of waiting) request.reject(Object.assign(new Error(why), { code: 'LOADER_STOPPED' }))
    }
    worker.on('error', (error) => fail(`The course loader stopped: ${error.message}`))
    worker.on('exit', () => fail('The course loader stopped.'))
    this.worker = worker
    return worker
  }
}

/**
 * The loader a host uses: the course loader's own thread when its built file is there, keeping
 * what it loads in `cacheDir` (stamped with the app's version and the built code, so a new build
 * never reads an old build's courses); otherwise this thread, uncached (tests run from source).
 */
export function folderLoader(workerFile: string | undefined, cacheDir?: string, appVersion = ''): { load: FolderLoader; close(): Promise<void> } {
  if (workerFile && existsSync(workerFile)) {
    // The app's version covers the libraries the desktop build loads from outside its bundle.
    const codeStamp = createHash('sha256').update(appVersion).update('\0').update(readFileSync(workerFile)).digest('hex')
    const cache = cacheDir ? { cacheDir, codeStamp } : undefined
    const worker = new CourseLoaderWorker(workerFile, cache)
    return { load: worker.load, close: () => worker.close() }
  }
  return { load: loadCourseFolderFiles, close: async () => undefined }
}
