import type { z } from 'zod'
import type { FileKind } from '../course-paths'
import type { Jurisdiction } from '../ids'
import type { Location, ProblemList, Where } from '../problems'
import type { Question } from '../../questions/schemas'
import type { DataPath } from '../yaml-source'

/** A `:::` child inside a block that has parts, such as a tab inside tabs. */
export interface ChildInput<C> {
  attributes: C
  markdown: string
  at: Location
}

/** A directive as the module parser read it, its attributes already checked against the schema. */
export interface BlockInput<A, Y, C> {
  attributes: A
  /** The Markdown between the markers, trimmed; empty when there is none. */
  markdown: string
  /** The checked YAML body, for blocks written in YAML. */
  yaml: Y | undefined
  children: ChildInput<C>[]
}

/** What a block may ask of the loader while it builds itself. */
export interface BlockContext {
  readonly file: string
  /** The line of the opening `:::` marker. */
  readonly at: Location
  readonly problems: ProblemList
  /** The module's jurisdictions, which legal notes inherit when they name none. */
  readonly jurisdiction: readonly Jurisdiction[]
  /** The course's pass mark, which quizzes inherit. */
  readonly passMark: number
  attributeAt(key: string): Where
  /** Where a value of the YAML body is written. */
  bodyAt(path: DataPath): Where
  /** Checks a path to a file of the course; returns it normalized when the file exists and fits. */
  courseFile(reference: string, kind: FileKind, at: Where): string | undefined
  /** Claims an id in the course's one namespace of ids, reporting a duplicate. */
  declareId(id: string, at: Where): void
  /** The questions of a bank, or undefined (reported) when there is no such bank. */
  bank(id: string, at: Where): readonly Question[] | undefined
  /** The module a bank tests, where it names one. */
  bankModule(id: string): string | undefined
}

/** The child directive a block with parts contains, such as `::: tab` inside `:::: tabs`. */
export interface ChildDefinition<C> {
  readonly name: string
  readonly attributes: z.ZodType<C>
  readonly min: number
}

/**
 * One block type: how it is written (attributes on the `:::` line, and a Markdown body, a YAML
 * body or child directives) and what it becomes in the bundle.
 */
export interface BlockDefinition<A = unknown, Y = unknown, C = unknown, B extends { type: string } = { type: string }> {
  readonly type: B['type']
  /** One line for authors, shown when a block name is unknown. */
  readonly summary: string
  readonly attributes: z.ZodType<A>
  readonly body: 'markdown' | 'yaml' | 'children'
  readonly bodySchema?: z.ZodType<Y>
  readonly child?: ChildDefinition<C>
  /** The block in the bundle. */
  readonly schema: z.ZodType<B>
  /** Keys whose values a translation replaces; everything else must match the course language. */
  readonly translatable: readonly string[]
  build(input: BlockInput<A, Y, C>, context: BlockContext): B | undefined
}

export function requireBody(markdown: string, what: string, context: BlockContext): boolean {
  if (markdown !== '') return true
  context.problems.error(context.file, context.at, `The ${what} is empty.`, `Write the ${what} between the opening and closing ::: lines.`)
  return false
}
