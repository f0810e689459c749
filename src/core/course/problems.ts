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

/** Collects every problem of a load, so authors see all of them at once. */
export class ProblemList {
  readonly items: CourseProblem[] = []

  error(file: string, at: Where, message: string, hint?: string): void {
    this.add('error', file, at, message, hint)
  }

  warning(file: string, at: Where, message: string, hint?: string): void {
    this.add('warning', file, at, message, hint)
  }

  add(severity: CourseProblem['severity'], file: string, where: Where, message: string, hint?: string): void {
    const at = resolveWhere(where)
    const problem: CourseProblem = { file, line: at.line, column: at.column, severity, message }
    if (hint !== undefined) problem.hint = hint
    this.items.push(problem)
  }

  get errorCount(): number {
    return this.items.filter((problem) => problem.severity === 'error').length
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
