import { closest, distance } from 'fastest-levenshtein'
import type { CourseProblem } from '../api'

/** A position in a file, both counted from 1. */
export interface Location {
  line: number
  column: number
}

export const START: Location = { line: 1, column: 1 }

/**
 * A location, or how to find it: finding one may mean parsing a file again (see parseYaml), which
 * only a problem to report is worth.
 */
export type Where = Location | (() => Location)

export function resolveWhere(where: Where): Location {
  return typeof where === 'function' ? where() : where
}

/** More problems than this in one file are counted, not listed: the first ones show what is wrong. */
const MAX_PROBLEMS_PER_FILE = 50

/** Collects every problem of a load, so authors see all of them at once. */
export class ProblemList {
  private readonly listed: CourseProblem[] = []
  private readonly perFile = new Map<string, number>()
  private readonly unlisted = new Map<string, { count: number; errors: number }>()
  private errors = 0

  error(file: string, at: Where, message: string, hint?: string): void {
    this.add('error', file, at, message, hint)
  }

  warning(file: string, at: Where, message: string, hint?: string): void {
    this.add('warning', file, at, message, hint)
  }

  add(severity: CourseProblem['severity'], file: string, where: Where, message: string, hint?: string): void {
    if (severity === 'error') this.errors++
    const count = (this.perFile.get(file) ?? 0) + 1
    this.perFile.set(file, count)
    if (count > MAX_PROBLEMS_PER_FILE) {
      const unlisted = this.unlisted.get(file) ?? { count: 0, errors: 0 }
      this.unlisted.set(file, { count: unlisted.count + 1, errors: unlisted.errors + (severity === 'error' ? 1 : 0) })
      return
    }
    const at = resolveWhere(where)
    const problem: CourseProblem = { file, line: at.line, column: at.column, severity, message }
    if (hint !== undefined) problem.hint = hint
    this.listed.push(problem)
  }

  /** Problems found by someone else (the host reading the files). */
  addAll(problems: readonly CourseProblem[]): void {
    for (const problem of problems) this.add(problem.severity, problem.file, problem, problem.message, problem.hint)
  }

  get errorCount(): number {
    return this.errors
  }

  /** Every problem, sorted by file and position, with a count of those not listed. */
  all(): CourseProblem[] {
    const summaries = [...this.unlisted].map(([file, { count, errors }]): CourseProblem => ({
      file,
      line: 1,
      column: 1,
      severity: errors > 0 ? 'error' : 'warning',
      message: `${count} more problems in this file are not listed.`,
      hint: 'Fix the ones above first: one mistake often causes many of them.',
    }))
    return [...this.listed, ...summaries].sort(compareProblems)
  }
}

/** The closest candidate when it is near enough to be a likely typo. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || value.length === 0) return undefined
  const best = closest(value, [...candidates])
  const limit = Math.max(2, Math.floor(best.length / 3))
  return distance(value, best) <= limit ? best : undefined
}

/** A "did you mean" hint, or the list of what is allowed when nothing is close. */
export function suggestion(value: string, candidates: readonly string[], listLimit = 12): string | undefined {
  const best = nearest(value, candidates)
  if (best !== undefined) return `Did you mean "${best}"?`
  if (candidates.length === 0) return undefined
  if (candidates.length > listLimit) return undefined
  return `Expected one of: ${candidates.join(', ')}.`
}

export function compareProblems(a: CourseProblem, b: CourseProblem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
}

export function formatProblem(problem: CourseProblem, filePrefix = ''): string {
  const head = `${filePrefix}${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`
  return problem.hint === undefined ? head : `${head}\n  hint: ${problem.hint}`
}
