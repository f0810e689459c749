import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CourseBundle } from '../src/core/course/bundle'
import { prerenderMarkdown } from '../src/core/scorm/prerender-markdown'
import { sanitiseCourseHtml } from '../src/node/export/course-html'
import { loadCourseFolder, readCourseFolder } from '../src/node/course-loader'
import { exportScormPackage, referencedFiles, suspendBudget } from '../src/node/export/scorm-export'
import { writeSyntheticCourse } from './synthetic-course'
import { median } from './bench-stats'

/**
 * `npm run bench` (export growth): SCORM 2004 exports of synthetic courses of 10 to 400 modules
 * (5 pages and a picture each), as CPU time of this process (median of 3), and the parts that
 * once grew faster than the course: finding the media the course names, the suspend-data budget
 * and rendering the Markdown. Linear means twice the course costs about twice as much.
 */
const SIZES = [10, 50, 100, 200, 400]
const PAGES = 5
const RUNS = 3
/** The parts are quick: more runs, so their medians hold still. */
const PART_RUNS = 9
const ROOT = path.resolve(__dirname, '..')

function cpuMs<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage()
  const value = run()
  const used = process.cpuUsage(start)
  return { value, ms: (used.user + used.system) / 1000 }
}

async function cpuMsAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage()
  await run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}


async function main(): Promise<void> {
  const rows: { modules: number; exportMs: number; filesMs: number; budgetMs: number; markdownMs: number }[] = []
  for (const modules of SIZES) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-growth-'))
    try {
      await writeSyntheticCourse(dir, { modules, pages: PAGES })
      const loaded = await loadCourseFolder(dir)
      if (!loaded.bundle) throw new Error(`The synthetic course of ${modules} modules does not load.`)
      const bundle: CourseBundle = loaded.bundle
      const files = [...(await readCourseFolder(dir)).files.keys()]
      const content = bundle.content[bundle.language]
      if (!content) throw new Error('no content')
      const options = { courseDir: dir, format: 'scorm2004' as const, playerDir: path.join(ROOT, 'out/player'), schemasDir: path.join(ROOT, 'resources/scorm-schemas'), appVersion: 'bench' }
      const exportRuns: number[] = []
      const fileRuns: number[] = []
      const budgetRuns: number[] = []
      const markdownRuns: number[] = []
      for (let run = 0; run < RUNS; run++) exportRuns.push(await cpuMsAsync(() => exportScormPackage({ ...options, out: path.join(dir, 'package.zip') })))
      for (let run = 0; run < PART_RUNS; run++) {
        fileRuns.push(cpuMs(() => referencedFiles(bundle, files)).ms)
        // A copy each time: the codec keeps what it works out per course.
        budgetRuns.push(cpuMs(() => suspendBudget(structuredClone(bundle), 'scorm2004')).ms)
        markdownRuns.push(cpuMs(() => prerenderMarkdown(content, bundle.id, sanitiseCourseHtml)).ms)
      }
      rows.push({ modules, exportMs: median(exportRuns), filesMs: median(fileRuns), budgetMs: median(budgetRuns), markdownMs: median(markdownRuns) })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  const lines = [
    `SCORM 2004 export of synthetic courses (SCORM 1.2 refuses the larger ones) (${PAGES} pages and a picture per module), CPU time, median of ${RUNS} (parts: of ${PART_RUNS})`,
    'modules | whole export | media found | suspend budget | Markdown rendered',
    ...rows.map((row) => `${row.modules} | ${row.exportMs.toFixed(0)} ms | ${row.filesMs.toFixed(1)} ms | ${row.budgetMs.toFixed(1)} ms | ${row.markdownMs.toFixed(0)} ms`),
  ]
  const at = (modules: number) => rows.find((row) => row.modules === modules)
  const [half, full] = [at(200), at(400)]
  if (half && full) {
    const ratio = (key: 'exportMs' | 'filesMs' | 'budgetMs' | 'markdownMs') => full[key] / half[key]
    const parts = (['filesMs', 'budgetMs', 'markdownMs'] as const).map((key) => ratio(key))
    lines.push(`400 against 200 modules: whole export ${ratio('exportMs').toFixed(2)}× (target ≤ 2.2 — ${ratio('exportMs') <= 2.2 ? 'met' : 'NOT met'}); parts ${parts.map((value) => `${value.toFixed(2)}×`).join(', ')} (none faster than the course — ${parts.every((value) => value <= 2.2) ? 'met' : 'NOT met'})`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
