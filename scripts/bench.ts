import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadCourseFolder } from '../src/node/course-loader'
import { writeSyntheticCourse } from './synthetic-course'

/**
 * `npm run bench`: how long reading, parsing and checking a large course takes. A synthetic
 * course of 100 modules of 20 pages is written to a temporary folder, loaded once cold, then
 * loaded repeatedly; the median of the warm loads is the figure to compare with the 200 ms target.
 */
const SIZE = { modules: 100, pages: 20 }
const RUNS = 15

async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return total
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-bench-'))
  try {
    await writeSyntheticCourse(dir, SIZE)
    const time = async () => {
      const start = performance.now()
      const result = await loadCourseFolder(dir)
      const elapsed = performance.now() - start
      if (!result.bundle) throw new Error(`The synthetic course did not load:\n${JSON.stringify(result.problems.slice(0, 5), null, 2)}`)
      return elapsed
    }
    const cold = await time()
    const warm: number[] = []
    for (let run = 0; run < RUNS; run++) warm.push(await time())
    warm.sort((a, b) => a - b)
    const median = warm[Math.floor(warm.length / 2)] ?? 0
    const kb = Math.round((await folderBytes(dir)) / 1024)
    process.stdout.write(
      [
        `Synthetic course: ${SIZE.modules} modules × ${SIZE.pages} pages (${SIZE.modules * SIZE.pages} pages, ${kb} KB of files)`,
        `load + validate, first (cold) run: ${cold.toFixed(0)} ms`,
        `load + validate, median of ${RUNS} warm runs: ${median.toFixed(0)} ms (fastest ${(warm[0] ?? 0).toFixed(0)} ms, slowest ${(warm.at(-1) ?? 0).toFixed(0)} ms)`,
        `target: at most 200 ms — ${median <= 200 ? 'met' : 'NOT met'}`,
        '',
      ].join('\n'),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
