import path from 'node:path'
import { build } from 'esbuild'

/** Builds the course loader's thread (src/node/course-worker.ts) into `outfile`, as the CLI and main bundles build it. */
export async function buildCourseWorker(outfile: string): Promise<void> {
  await build({ entryPoints: [path.resolve(__dirname, '../../src/node/course-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' })
}

/** Builds the course loader itself (loadCourseFolderFiles) as a CommonJS module, for test threads of their own making. */
export async function buildLoaderForTest(outfile: string): Promise<void> {
  await build({ entryPoints: [path.resolve(__dirname, '../../src/node/course-loader.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' })
}
