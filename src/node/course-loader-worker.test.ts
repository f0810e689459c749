import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../test/support/bundle-for-node'
import { CourseCatalog } from './course-catalog'
import { loadCourseFolderFiles } from './course-loader'
import { CourseLoaderWorker, folderLoader } from './course-loader-worker'

const FIXTURES = path.resolve(__dirname, '../../e2e/fixtures/courses')
let work: string
let workerFile: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-loader-thread-'))
  workerFile = path.join(work, 'course-worker.cjs')
  await bundleForNode(path.join(__dirname, 'course-worker.ts'), workerFile)
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** The longest wait of a timer that asks to run every millisecond, while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 1)
  try {
    await work()
    // The wait that ended with the answer itself counts too.
    longest = Math.max(longest, performance.now() - last)
  } finally {
    clearInterval(timer)
  }
  return longest
}

describe('the course loader thread', () => {
  it('loads a course exactly as this thread does', async () => {
    const worker = new CourseLoaderWorker(workerFile)
    try {
      for (const course of ['minimal', 'every-block']) {
        expect(await worker.load(path.join(FIXTURES, course))).toEqual(await loadCourseFolderFiles(path.join(FIXTURES, course)))
      }
    } finally {
      await worker.close()
    }
  })

  it('keeps the host answering while a course that is slow to check loads', async () => {
    // A module of 450 KB of unmatched emphasis markers: slow for the Markdown parser, in one go.
    const slow = path.join(work, 'slow')
    await cp(path.join(FIXTURES, 'minimal'), slow, { recursive: true })
    const module = path.join(slow, 'modules/only.md')
    await writeFile(module, `${await readFile(module, 'utf8')}\n${'*a '.repeat(150_000)}\n`)
    const worker = new CourseLoaderWorker(workerFile)
    try {
      await worker.load(path.join(FIXTURES, 'minimal'))
      // Interleaved, so both meet the same load on the machine.
      const here: number[] = []
      const thread: number[] = []
      for (let run = 0; run < 3; run++) {
        here.push(await longestStall(() => loadCourseFolderFiles(slow)))
        thread.push(await longestStall(() => worker.load(slow)))
      }
      // In this thread the check holds everything up in one go; in the loader's thread nothing waits for it.
      expect(Math.min(...thread)).toBeLessThan(Math.min(...here) / 3)
    } finally {
      await worker.close()
    }
  })

  it('reports a course whose loading stops the thread, and starts a new thread for the next', async () => {
    const dying = path.join(work, 'dying.cjs')
    await writeFile(dying, "const { parentPort } = require('node:worker_threads')\nparentPort.postMessage({ ready: true })\nparentPort.on('message', () => process.exit(1))\n")
    const catalog = new CourseCatalog(FIXTURES, undefined, new CourseLoaderWorker(dying).load)
    const summaries = await catalog.list()
    const minimal = summaries.find((summary) => 'folder' in summary && summary.folder === 'minimal')
    expect(minimal).toMatchObject({ status: 'unavailable', problems: [{ message: expect.stringMatching(/The course could not be loaded: The course loader stopped\. A file in it may be far too large/) }] })
    const again = new CourseLoaderWorker(workerFile)
    await expect(again.load(path.join(FIXTURES, 'minimal'))).resolves.toMatchObject({ result: { bundle: { id: 'minimal' } } })
    await again.close()
  })

  it('keeps what the thread loads in the cache, stamped with the built code', async () => {
    const cacheDir = path.join(work, 'cache')
    const loader = folderLoader(workerFile, cacheDir)
    try {
      const first = await loader.load(path.join(FIXTURES, 'minimal'))
      expect(await readdir(cacheDir)).toHaveLength(1)
      expect(await loader.load(path.join(FIXTURES, 'minimal'))).toEqual(first)
      expect(first).toEqual(await loadCourseFolderFiles(path.join(FIXTURES, 'minimal')))
    } finally {
      await loader.close()
    }
  })

  it('blames only the course that stops the thread, not the others it was loading at the time', async () => {
    // A course whose module the thread cannot survive: this test's thread stops on its name.
    const killer = path.join(work, 'killer.cjs')
    await writeFile(
      killer,
      `const { parentPort } = require('node:worker_threads')
parentPort.postMessage({ ready: true })
const { loadCourseFolderFiles } = require(${JSON.stringify(path.join(work, 'loader-for-test.cjs'))})
parentPort.on('message', ({ id, dir }) => dir.endsWith('every-block') ? process.exit(1) : loadCourseFolderFiles(dir).then((loaded) => parentPort.postMessage({ id, loaded })))
`,
    )
    await bundleForNode(path.join(__dirname, 'course-loader.ts'), path.join(work, 'loader-for-test.cjs'))
    const catalog = new CourseCatalog(FIXTURES, undefined, new CourseLoaderWorker(killer).load)
    const summaries = await catalog.list()
    const status = (folder: string) => summaries.find((summary) => (summary.status === 'ready' ? summary.id : summary.folder) === folder)?.status
    expect(status('every-block')).toBe('unavailable')
    expect(status('minimal')).toBe('ready')
  })

  it('loads in this thread when the loader thread cannot start at all (no course is to blame)', async () => {
    const broken = path.join(work, 'broken.cjs')
    await writeFile(broken, "throw new Error('this build cannot run a thread here')\n")
    const worker = new CourseLoaderWorker(broken)
    const loaded = await Promise.all([worker.load(path.join(FIXTURES, 'minimal')), worker.load(path.join(FIXTURES, 'every-block'))])
    expect(loaded.map((course) => course.result.bundle?.id)).toEqual(['minimal', 'every-block'])
    await expect(worker.load(path.join(FIXTURES, 'minimal'))).resolves.toEqual(await loadCourseFolderFiles(path.join(FIXTURES, 'minimal')))
    await worker.close()
  })

  it('loads in this thread when the built thread is not there (tests run from source)', async () => {
    const loader = folderLoader(path.join(work, 'missing.js'))
    expect(loader.load).toBe(loadCourseFolderFiles)
    await loader.close()
  })
})
