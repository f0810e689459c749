import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatSummary } from './export'
import { runCli } from './main'

const ROOT = path.resolve(__dirname, '../..')
const EVERY_BLOCK = path.join(ROOT, 'e2e/fixtures/courses/every-block')
const SCHEMAS = path.join(ROOT, 'resources/scorm-schemas')
let work: string
let playerDir: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-cli-export-'))
  // A stand-in for the built player, so these tests do not depend on a build.
  playerDir = path.join(work, 'player')
  await mkdir(playerDir, { recursive: true })
  await writeFile(path.join(playerDir, 'index.html'), '<!doctype html><title>Player</title>')
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('civic-learn export', () => {
  async function run(argv: string[]) {
    let out = ''
    let err = ''
    const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) }, { version: '9.9.9', baseDir: path.join(work, 'cli') })
    return { code, out, err }
  }

  it.each([
    [['export'], 'export needs exactly one course folder.'],
    [['export', EVERY_BLOCK], 'export needs --out <file.zip>.'],
    [['export', EVERY_BLOCK, '--out', 'x.tar'], '--out must name a .zip file'],
    [['export', EVERY_BLOCK, '--out', 'x.zip', '--format', 'scorm3'], '--format must be scorm12 or scorm2004, not "scorm3".'],
    [['export', EVERY_BLOCK, '--out', 'x.zip', '--reporting', 'pass-fail'], '--reporting must be one of passed-incomplete, passed-failed, completed-incomplete, completed-failed, not "pass-fail".'],
    [['export', EVERY_BLOCK, '--out', 'x.zip', '--interactions', 'some'], '--interactions must be one of assessments, all, none, not "some".'],
    [['export', EVERY_BLOCK, '--out', 'x.zip', '--modules', ','], '--modules needs at least one module id'],
    [['export', EVERY_BLOCK, '--out', 'x.zip', '--colour', 'red'], "Unknown option '--colour'"],
  ])('%j is a usage error: exit 2', async (argv, message) => {
    const { code, err } = await run(argv)
    expect(code).toBe(2)
    expect(err).toContain(message)
  })

  it('exports and prints a summary with the suspend-data budget', async () => {
    // The CLI finds the player beside itself (out/cli → out/player) and the schemas in resources/.
    const install = path.join(work, 'install')
    await cp(playerDir, path.join(install, 'out/player'), { recursive: true })
    await cp(SCHEMAS, path.join(install, 'resources/scorm-schemas'), { recursive: true })
    let out = ''
    const code = await runCli(['export', EVERY_BLOCK, '--out', path.join(work, 'cli.zip'), '--format', 'scorm2004'], { out: (text) => (out += text), err: (text) => (out += text) }, { version: '9.9.9', baseDir: path.join(install, 'out/cli') })
    expect(out).toContain('Exported "Every block and question type" (every-block) as SCORM 2004 4th Edition')
    expect(out).toMatch(/suspend data: at most \d+ of SCORM 2004's 64,000 characters \(\d+%\) with every question answered/)
    expect(out).not.toContain('warning')
    expect(code).toBe(0)
  })

  it('explains a missing folder for the package with exit 1, before any work', async () => {
    const { code, err } = await run(['export', EVERY_BLOCK, '--out', path.join(work, 'no-such-folder', 'x.zip')])
    expect(code).toBe(1)
    expect(err).toContain(`The folder for the package, ${path.join(work, 'no-such-folder')}, does not exist.`)
  })

  it('explains a missing course folder with exit 1', async () => {
    const { code, err } = await run(['export', path.join(work, 'no-such-course'), '--out', path.join(work, 'y.zip')])
    expect(code).toBe(1)
    expect(err).toContain('does not exist')
  })
})

describe('the export summary', () => {
  const summary = {
    out: 'big.zip',
    format: 'scorm12' as const,
    reporting: 'passed-incomplete' as const,
    interactions: 'assessments' as const,
    hasQuizzes: true,
    journal: { answers: 18, quizzes: [{ id: 'final-quiz', questions: 12 }] },
    courseId: 'big',
    title: 'Big',
    modules: ['a'],
    files: 10,
    mediaFiles: 0,
    bytes: 2048,
    firstScreen: true,
  }

  it('says when the package went without its first screen, and only then', () => {
    const suspendData = { worstCase: 3_000, limit: 4_096, fits: true }
    expect(formatSummary({ ...summary, suspendData })).not.toContain('first screen')
    expect(formatSummary({ ...summary, suspendData, firstScreen: false })).toContain('first screen: not written into index.html')
  })

  it('says how much of the version’s suspend data a learner who answers everything would use', () => {
    const text = formatSummary({ ...summary, suspendData: { worstCase: 3_000, limit: 4_096, fits: true } })
    expect(text).toContain("suspend data: at most 3,000 of SCORM 1.2's 4,096 characters (73%) with every question answered")
  })

  it('says how a result is reported and which completion setting to tick in Moodle', () => {
    const text = formatSummary({ ...summary, suspendData: { worstCase: 3_000, limit: 4_096, fits: true } })
    expect(text).toContain('reporting: passed-incomplete: a pass is "passed", a fail "incomplete" (the learner can try again in the same attempt)')
    expect(text).toContain('set Completion to "Require status: Passed"')
    expect(text).toContain('it holds about 18 answers (final-quiz: 12 questions an attempt)')
    const completed = formatSummary({ ...summary, reporting: 'completed-failed', suspendData: { worstCase: 3_000, limit: 4_096, fits: true } })
    expect(completed).toContain('a pass is "completed", a fail "failed"')
    expect(completed).toContain('"Require status: Completed"')
  })
})

