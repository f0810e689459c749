import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CourseProblemSchema, type CourseProblem } from '../core/api'
import { CourseBundleSchema, isTextPath, loadCourse, type CourseSource, type CourseSourceFile } from '../core/course'
import { decodeCourseText } from './course-loader'

const fixture = path.resolve(__dirname, '../../e2e/fixtures/courses/every-block')
const RUNS = 5_000
/** Fixed by default so a failure reproduces; set FUZZ_SEED to explore other inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261121)

/** The files as the folder reader gives them to the loader: text decoded as it decodes it, media by size. */
function sourceOf(contents: ReadonlyMap<string, Uint8Array>): CourseSource {
  const files = new Map<string, CourseSourceFile>()
  const problems: CourseProblem[] = []
  for (const [relative, bytes] of [...contents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    files.set(relative, isTextPath(relative) ? decodeCourseText(relative, bytes, problems) : { kind: 'media', size: bytes.length })
  }
  return { files, problems }
}

async function readAll(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const absolute = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, absolute).split(path.sep).join('/'), new Uint8Array(await readFile(absolute)))
  }
  return files
}

/** Fragments that matter to the course syntax, so mutations reach past the first parse error. */
const FRAGMENTS = [':::', '::::', ':::: tabs\n', '::: tab {title: X}\n', '::: callout {kind: legal}\n', '::: quiz {id: q, bank: all-types}\n', '{', '}', '{#', '# ', '## ', '#### ', '\n', '\n\n', '---\n', '- ', '  ', '\t', 'id: ', 'type: ', 'next: ', 'correct: true', ': ', '"', "'", '&a ', '*a', '!!binary ', '? ', '|\n', '](../../x.png)', '![](', '[x](javascript:alert(1))', 'http://', '\u0000', '\u00ff', '\ufeff', '\r\n', '\u2028', '🙂']

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'fragment'; at: number; fragment: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat-line'; at: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('fragment' as const), at: fc.nat(), fragment: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat-line' as const), at: fc.nat() }),
)

const encoder = new TextEncoder()

function apply(bytes: Uint8Array, change: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : change.at % (bytes.length + 1)
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
    let offset = 0
    for (const part of parts) {
      out.set(part, offset)
      offset += part.length
    }
    return out
  }
  switch (change.kind) {
    case 'flip': {
      const copy = bytes.slice()
      if (copy.length > 0) copy[at % copy.length] = change.byte
      return copy
    }
    case 'insert':
      return join(bytes.subarray(0, at), change.bytes, bytes.subarray(at))
    case 'fragment':
      return join(bytes.subarray(0, at), encoder.encode(change.fragment), bytes.subarray(at))
    case 'delete':
      return join(bytes.subarray(0, at), bytes.subarray(at + change.length))
    case 'truncate':
      return bytes.subarray(0, at)
    case 'repeat-line': {
      const start = bytes.lastIndexOf(0x0a, at - 1) + 1
      const end = bytes.indexOf(0x0a, at)
      const line = bytes.subarray(start, end < 0 ? bytes.length : end + 1)
      return join(bytes.subarray(0, start), line, bytes.subarray(start))
    }
  }
}

describe('fuzzing the loader with mutated course files', () => {
  // Bounded by the number of runs, never by time; the timeout only guards against a hang and is
  // sized for a 2-core machine under full load (the 'heavy' project in vitest.config.mts).
  it(`never throws and locates every problem, over ${RUNS} mutated courses`, { timeout: 900_000 }, async () => {
    const original = await readAll(fixture)
    const textPaths = [...original.keys()].filter(isTextPath).sort()
    const fileChange = fc.record({
      path: fc.constantFrom(...textPaths),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
      removeOther: fc.option(fc.constantFrom(...original.keys()), { freq: 8 }),
    })
    let failedLoads = 0
    fc.assert(
      fc.property(fileChange, ({ path: target, mutations, removeOther }) => {
        const files = new Map(original)
        files.set(target, mutations.reduce(apply, original.get(target) as Uint8Array))
        if (removeOther !== null) files.delete(removeOther)
        const { bundle, problems } = loadCourse(sourceOf(files))
        for (const problem of problems) {
          CourseProblemSchema.parse(problem)
          expect(problem.line).toBeGreaterThanOrEqual(1)
          expect(problem.column).toBeGreaterThanOrEqual(1)
          expect(problem.message.length).toBeGreaterThan(0)
          expect(files.has(problem.file) || problem.file === 'course.yaml').toBe(true)
        }
        const errors = problems.filter((problem) => problem.severity === 'error')
        if (bundle) {
          expect(errors).toEqual([])
          CourseBundleSchema.parse(bundle)
        } else {
          expect(errors.length).toBeGreaterThan(0)
          failedLoads++
        }
      }),
      { numRuns: RUNS, seed: SEED },
    )
    // Most mutations break something; if almost none did, the fuzzer would be testing nothing.
    expect(failedLoads).toBeGreaterThan(RUNS / 4)
  })
})
