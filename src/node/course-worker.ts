// The course loader's own thread: reading and checking a course folder is the heaviest work the
// hosts do (YAML, Markdown, schemas), and here it never holds up an API call or a file request.
// Started by CourseLoaderWorker (course-loader-worker.ts); built beside the CLI and main bundles.
// With a cache folder, what it loads is kept there for the next start (course-cache.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { cachedCourseLoader } from './course-cache'
import { loadCourseFolderFiles } from './course-loader'

const { cacheDir, codeStamp } = (workerData ?? {}) as { cacheDir?: string; codeStamp?: string }
const load = cacheDir && codeStamp ? cachedCourseLoader(cacheDir, codeStamp) : loadCourseFolderFiles

// Started: from here on, a thread that stops was stopped by what it was loading.
parentPort?.postMessage({ ready: true })

parentPort?.on('message', (request: { id: number; dir: string }) => {
  load(request.dir).then(
    (loaded) => parentPort?.postMessage({ id: request.id, loaded }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, failure: { code: (error as NodeJS.ErrnoException).code ?? 'error' } }),
  )
})
