import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, USAGE } from './main'

const fixtures = path.relative(process.cwd(), path.resolve(__dirname, '../../e2e/fixtures/courses'))
const courses = path.relative(process.cwd(), path.resolve(__dirname, '../../courses'))

async function run(argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) }, { version: '9.9.9', baseDir: '.' })
  return { code, out, err }
}

describe('civic-learn validate', () => {
  it('exits 0 for valid courses and says so for each', async () => {
    const minimal = path.join(fixtures, 'minimal')
    const example = path.join(courses, 'example-first-steps')
    const { code, out, err } = await run(['validate', minimal, example])
    expect({ code, err }).toEqual({ code: 0, err: '' })
    expect(out).toBe(`${minimal}: valid (0 errors, 0 warnings)\n${example}: valid (0 errors, 0 warnings)\n`)
  })

  it('prints warnings but still exits 0 when there is no error', async () => {
    const { code, out } = await run(['validate', path.join(fixtures, 'translation-gaps')])
    expect(code).toBe(0)
    expect(out).toContain(`${path.join(fixtures, 'translation-gaps', 'translations/cy/course.yaml')}:1:1 warning "summary" is not translated.\n  hint: `)
    expect(out).toContain('valid (0 errors, 5 warnings)')
  })

  it('exits 1 and prints file:line:column severity message and the hint when a course has an error', async () => {
    const broken = path.join(fixtures, 'broken', 'unknown-block')
    const { code, out } = await run(['validate', path.join(fixtures, 'minimal'), broken])
    expect(code).toBe(1)
    expect(out).toContain(`${path.join(broken, 'modules/only.md')}:11:1 error Unknown block "::: calout".\n  hint: Did you mean "callout"?\n`)
    expect(out).toContain(`${broken}: not valid (1 error, 0 warnings)\n`)
  })

  it('prints JSON for tools with --json', async () => {
    const broken = path.join(fixtures, 'broken', 'pass-mark-range')
    const { code, out } = await run(['validate', '--json', broken])
    expect(code).toBe(1)
    expect(JSON.parse(out)).toEqual({
      courses: [
        {
          dir: broken,
          ok: false,
          errors: 1,
          warnings: 0,
          problems: [{ file: path.join(broken, 'course.yaml'), line: 9, column: 11, severity: 'error', message: '"passMark" must be at most 100.' }],
        },
      ],
    })
  })

  it('reports a folder that does not exist as an error, not a crash', async () => {
    const { code, out } = await run(['validate', 'no/such/course'])
    expect(code).toBe(1)
    expect(out).toBe('no/such/course:1:1 error The folder does not exist.\nno/such/course: not valid (1 error, 0 warnings)\n')
  })

  it.each([
    [['validate'], 'validate needs at least one course folder.'],
    [['validate', '--jsn', 'x'], "Unknown option '--jsn'"],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, err } = await run(argv)
    expect(code).toBe(2)
    expect(err).toContain(message)
    expect(err).toContain(USAGE)
  })

  it('passes on every course in courses/', async () => {
    const dirs = readdirSync(courses, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(courses, entry.name))
    expect(dirs.length).toBeGreaterThan(0)
    const { code, out } = await run(['validate', ...dirs])
    expect(out).not.toContain(' error ')
    expect(code).toBe(0)
  })
})
