import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { CourseProblem } from '../core/api'
import { formatProblem } from '../core/course'
import { loadCourseFolder } from '../node/course-loader'
import type { CliIo } from './main'

export interface ValidatedCourse {
  dir: string
  id?: string
  ok: boolean
  errors: number
  warnings: number
  /** File paths include the folder as given, so editors and terminals can open them. */
  problems: CourseProblem[]
}

async function validateOne(dir: string): Promise<ValidatedCourse> {
  const failed = (message: string): ValidatedCourse => ({ dir, ok: false, errors: 1, warnings: 0, problems: [{ file: dir, line: 1, column: 1, severity: 'error', message }] })
  try {
    if (!(await stat(dir)).isDirectory()) return failed('This is not a folder: give the folder that holds course.yaml.')
  } catch {
    return failed('The folder does not exist.')
  }
  let result
  try {
    result = await loadCourseFolder(dir)
  } catch (error) {
    return failed(`The folder could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  const problems = result.problems.map((problem) => ({ ...problem, file: path.join(dir, problem.file) }))
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const course: ValidatedCourse = { dir, ok: errors === 0, errors, warnings: problems.length - errors, problems }
  if (result.bundle) course.id = result.bundle.id
  return course
}

/** `civic-learn validate`: checks each course folder; 1 when any has an error, else 0. */
export async function validateCourses(dirs: readonly string[], options: { json: boolean }, io: CliIo): Promise<number> {
  const courses: ValidatedCourse[] = []
  for (const dir of dirs) courses.push(await validateOne(dir))
  if (options.json) {
    io.out(`${JSON.stringify({ courses }, null, 2)}\n`)
  } else {
    for (const course of courses) {
      for (const problem of course.problems) io.out(`${formatProblem(problem)}\n`)
      const counts = `${plural(course.errors, 'error')}, ${plural(course.warnings, 'warning')}`
      io.out(course.ok ? `${course.dir}: valid (${counts})\n` : `${course.dir}: not valid (${counts})\n`)
    }
  }
  return courses.every((course) => course.ok) ? 0 : 1
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
