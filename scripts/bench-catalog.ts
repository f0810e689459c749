import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { callApi, startHost } from './bench-host'
import { procCpuMs } from './bench-stats'

/**
 * `npm run bench` (catalogue part): the built web host with 1, 10 and 50 courses (copies of the
 * bundled course under other ids, media hard-linked), listed as the library screen lists them.
 * Reports the host's CPU time for the first `course.list` (every course loaded) and per course
 * for later ones (each folder checked for changes), with a no-op request as the reference.
 */
const SIZES = [1, 10, 50]
const LATER_LISTS = 50
const ROOT = path.resolve(__dirname, '..')
const COURSE = 'social-media-for-local-leaders'

/** Copies the course folder as `id`: text files copied (the id changed), media linked to save room. */
async function copyCourse(from: string, to: string, id: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) await copyCourse(source, target, id)
    else if (entry.name === 'course.yaml') await writeFile(target, (await readFile(source, 'utf8')).replace(/^id: .*$/m, `id: ${id}`))
    else if (/\.(ya?ml|md|json|vtt)$/.test(entry.name)) await copyFile(source, target)
    else await link(source, target).catch(() => copyFile(source, target))
  }
}

async function main(): Promise<void> {
  const lines = ['Course catalogue through the web host: host CPU time of `course.list` (from /proc, Linux only)', 'courses | first list | later lists, per course | no-op request']
  let worst = 0
  for (const count of SIZES) {
    const coursesDir = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-catalog-bench-'))
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-catalog-data-'))
    try {
      for (let n = 0; n < count; n++) {
        const id = n === 0 ? COURSE : `${COURSE}-copy-${n}`
        await copyCourse(path.join(ROOT, 'courses', COURSE), path.join(coursesDir, id), id)
      }
      const host = await startHost(dataDir, ['--courses', coursesDir])
      try {
        await callApi(host, 'app.info')
        const cpu = () => procCpuMs(host.pid)
        let before = cpu()
        const listed = await callApi(host, 'course.list')
        const first = cpu() - before
        if (!listed.body.includes(`"${COURSE}"`)) throw new Error(`course.list did not list the course: ${listed.body.slice(0, 200)}`)
        before = cpu()
        for (let i = 0; i < LATER_LISTS; i++) await callApi(host, 'course.list')
        const later = (cpu() - before) / LATER_LISTS / count
        before = cpu()
        for (let i = 0; i < LATER_LISTS; i++) await callApi(host, 'app.info')
        const noop = (cpu() - before) / LATER_LISTS
        worst = Math.max(worst, later)
        lines.push(`${count} | ${first.toFixed(0)} ms | ${later.toFixed(2)} ms | ${noop.toFixed(2)} ms`)
      } finally {
        await host.stop()
      }
    } finally {
      await rm(coursesDir, { recursive: true, force: true })
      await rm(dataDir, { recursive: true, force: true })
    }
  }
  lines.push(`host CPU per course.list after the first ≤ 5 ms per course (target) — ${Number.isNaN(worst) ? 'not measured here' : worst <= 5 ? 'met' : 'NOT met'}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
