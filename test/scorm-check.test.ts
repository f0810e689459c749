import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportScormPackage } from '../src/node/export/scorm-export'

const ROOT = path.resolve(__dirname, '..')
/**
 * An external package checker (a strict LMS's upload checks, run as `<checker> package.zip`, which
 * prints "passes" and exits 0 for a good package), named by the SCORM_CHECK environment variable.
 * The project's own checks do not need it; this adds a second opinion where one is installed.
 */
const SCORM_CHECK = process.env.SCORM_CHECK ? path.resolve(process.env.SCORM_CHECK) : null
let work: string
let playerDir: string

/** Why the checker cannot run on this machine, or null when it can. */
function missing(): string | null {
  if (SCORM_CHECK === null) return 'SCORM_CHECK does not name an external package checker'
  if (!existsSync(SCORM_CHECK)) return `SCORM_CHECK names ${SCORM_CHECK}, which does not exist`
  return null
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-scorm-check-'))
  // A stand-in for the built player, so this test does not depend on a build.
  playerDir = path.join(work, 'player')
  await mkdir(path.join(playerDir, 'assets'), { recursive: true })
  await writeFile(path.join(playerDir, 'index.html'), '<!doctype html><title>Player</title><script type="module" src="./assets/index.js"></script>')
  await writeFile(path.join(playerDir, 'assets/index.js'), 'console.log("player")\n')
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe.each(['scorm12', 'scorm2004'] as const)('%s package', (format) => {
  // A checker may start other programs on the whole package: seconds when idle, far more under load.
  it('passes the external checker SCORM_CHECK names, when it names one', { timeout: 300_000 }, async (context) => {
    const why = missing()
    if (why) {
      console.log(`scorm-check skipped: ${why}.`)
      context.skip()
    }
    const summary = await exportScormPackage({
      courseDir: path.join(ROOT, 'e2e/fixtures/courses/every-block'),
      format,
      out: path.join(work, `${format}.zip`),
      playerDir,
      schemasDir: path.join(ROOT, 'resources/scorm-schemas'),
      appVersion: '9.9.9',
    })
    const result = spawnSync(SCORM_CHECK as string, [summary.out], { encoding: 'utf8' })
    expect(result.stdout).toContain('passes')
    expect(result.status).toBe(0)
  })
})
