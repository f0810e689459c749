import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { version } from '../package.json'
import { exportScormPackage, suspendBudget } from '../src/node/export/scorm-export'
import { loadCourseFolder, readCourseFolder } from '../src/node/course-loader'
import { extractZip } from '../test/support/read-zip'
import { median } from './bench-stats'

/**
 * `npm run bench`, SCORM part: exporting the bundled course (median of several runs) against
 * `zip -r` over the same files, the package's size, the player's JavaScript and CSS gzipped, and
 * the longest suspend data the course can produce.
 */
const ROOT = path.resolve(__dirname, '..')
const COURSE = path.join(ROOT, 'courses/social-media-for-local-leaders')
const PLAYER = path.join(ROOT, 'out/player')
const RUNS = 9
const TARGETS = { ratio: 1.5, playerKb: 150 }

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')

async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

async function main(): Promise<void> {
  if (!existsSync(path.join(PLAYER, 'index.html'))) {
    process.stdout.write('SCORM: building the player first (vite.player.config.mts)…\n')
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.player.config.mts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-bench-scorm-'))
  try {
    const options = { courseDir: COURSE, format: 'scorm12' as const, playerDir: PLAYER, schemasDir: path.join(ROOT, 'resources/scorm-schemas'), appVersion: version }
    const out = path.join(work, 'package.zip')
    await exportScormPackage({ ...options, out })
    const staged = path.join(work, 'staged')
    await extractZip(await readFile(out), staged)
    const packageBytes = (await stat(out)).size
    const hasZip = spawnSync('zip', ['-v']).status === 0
    // Interleaved, so a change in the machine's load over the runs weighs on both sides alike.
    const exports: number[] = []
    const zips: number[] = []
    for (let run = 0; run < RUNS; run++) {
      exports.push(await timed(() => exportScormPackage({ ...options, out })))
      if (!hasZip) continue
      await rm(path.join(work, 'zip-r.zip'), { force: true })
      zips.push(await timed(() => execFileSync('zip', ['-r', '-q', path.join(work, 'zip-r.zip'), '.'], { cwd: staged })))
    }

    let playerGzip = 0
    for (const file of await readdir(path.join(PLAYER, 'assets'))) {
      if (/\.(js|css)$/.test(file)) playerGzip += gzipSync(await readFile(path.join(PLAYER, 'assets', file)), { level: 9 }).length
    }
    // The app's words in each language but English: a file the player fetches for a learner who chooses it.
    const uiStrings: string[] = []
    for (const file of await readdir(path.join(PLAYER, 'ui')).catch((): string[] => [])) {
      uiStrings.push(`${path.basename(file, '.json')} ${kb(gzipSync(await readFile(path.join(PLAYER, 'ui', file)), { level: 9 }).length)}`)
    }
    const loaded = await loadCourseFolder(COURSE)
    if (!loaded.bundle) throw new Error('The bundled course does not load; run civic-learn validate on it.')
    const { worstCase: suspend, limit, fits } = suspendBudget(loaded.bundle, 'scorm12')

    // What a learner's player loads: course.json for the course's language, one file per translation.
    const source = await readCourseFolder(COURSE)
    const sourceBytes = (language: string | null) =>
      [...source.files]
        .filter(([name, file]) => file.kind === 'text' && /\.(ya?ml|md)$/.test(name) && (language === null ? /^(course\.yaml|modules\/|questions\/)/.test(name) : name.startsWith(`translations/${language}/`)))
        .reduce((sum, [, file]) => sum + (file.kind === 'text' ? Buffer.byteLength(file.text) : 0), 0)
    const dataLines = await Promise.all(
      [null, ...loaded.bundle.languages.filter((language) => language !== loaded.bundle?.language)].map(async (language) => {
        const file = language === null ? 'course.json' : `course.${language}.json`
        const bytes = (await stat(path.join(staged, file))).size
        const ratio = bytes / sourceBytes(language)
        return `course data for ${language ?? `${loaded.bundle?.language} (the course's language)`}: ${file} ${kb(bytes)} against ${kb(sourceBytes(language))} of source text, ${ratio.toFixed(2)}× (target ≤ 2: ${verdict(ratio <= 2)})`
      }),
    )
    const exportMs = median(exports)
    const lines = [
      `SCORM export of the bundled course (SCORM 1.2, ${RUNS} runs): median ${exportMs.toFixed(0)} ms`,
      hasZip
        ? `zip -r over the same staged files: median ${median(zips).toFixed(0)} ms; ratio ${(exportMs / median(zips)).toFixed(2)} (target ≤ ${TARGETS.ratio}: ${verdict(exportMs / median(zips) <= TARGETS.ratio)})`
        : 'zip -r: not measured (no zip program on this machine: apt-get install zip)',
      `package size: ${(packageBytes / 1024 / 1024).toFixed(2)} MB`,
      `player JavaScript + CSS, gzipped: ${kb(playerGzip)} (target ≤ ${TARGETS.playerKb} KB: ${verdict(playerGzip <= TARGETS.playerKb * 1024)})`,
      `the app's words in another language, fetched only by a learner who reads it, gzipped: ${uiStrings.join(', ') || 'none'}`,
      ...dataLines,
      `suspend data, whole course with every question answered: ${suspend} of SCORM 1.2's ${limit} characters (${Math.round((suspend / limit) * 100)}%)${fits ? '' : ', over the limit'}`,
      '',
    ]
    process.stdout.write(lines.join('\n'))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
