import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadCourseFolder } from '../src/node/course-loader'
import { median, procCpuMs } from './bench-stats'

/**
 * `npm run bench` (CLI part): what `civic-learn validate` costs on a small course against a bare
 * `node -e 0`, run interleaved so both meet the same load, as CPU time (user + system, from the
 * children's times Linux keeps in /proc) and wall time. The target: start-up at most twice a bare
 * Node's, plus the work itself (loading and checking the course, measured in this process).
 */
const RUNS = 9
const ROOT = path.resolve(__dirname, '..')
const COURSE = path.join(ROOT, 'e2e/fixtures/courses/minimal')
const CLI = path.join(ROOT, 'out/cli/index.js')

function run(args: string[]): { cpu: number; wall: number } {
  const cpu = procCpuMs('children')
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`)
  return { wall: performance.now() - start, cpu: procCpuMs('children') - cpu }
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('Build the app first: npm run build')
  const bare: { cpu: number; wall: number }[] = []
  const validate: { cpu: number; wall: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    bare.push(run(['-e', '0']))
    validate.push(run([CLI, 'validate', COURSE]))
  }
  const works: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage()
    await loadCourseFolder(COURSE)
    const used = process.cpuUsage(start)
    works.push((used.user + used.system) / 1000)
  }
  const work = median(works)
  const bareCpu = median(bare.map((entry) => entry.cpu))
  const validateCpu = median(validate.map((entry) => entry.cpu))
  const allowed = 2 * bareCpu + work
  process.stdout.write(
    [
      `CLI start-up: \`civic-learn validate\` on a one-page course against \`node -e 0\`, median of ${RUNS} interleaved runs`,
      `node -e 0: ${bareCpu.toFixed(0)} ms CPU, ${median(bare.map((entry) => entry.wall)).toFixed(0)} ms wall`,
      `validate: ${validateCpu.toFixed(0)} ms CPU, ${median(validate.map((entry) => entry.wall)).toFixed(0)} ms wall (the work itself, in process: ${work.toFixed(1)} ms CPU)`,
      `validate CPU ≤ 2 × node -e 0 + the work = ${allowed.toFixed(0)} ms (target) — ${Number.isNaN(validateCpu) ? 'not measured here' : validateCpu <= allowed ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
