import { CORE_SCHEMA, load } from 'js-yaml'
import { CST, type Document, isMap, isNode, isScalar, Lexer, LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'
import { LIMITS } from './limits'
import { type Location, nearest, type ProblemList, START, suggestion } from './problems'
import { findDeepNesting } from './yaml-depth'

export type DataPath = readonly PropertyKey[]

/** A parsed YAML text that can point at any of its values or keys in the file it came from. */
export interface YamlSource {
  readonly file: string
  readonly value: unknown
  /** Where the value at `path` starts, or its nearest ancestor that exists. */
  locate(path: DataPath): Location
  /** Where the key `key` of the mapping at `path` is written. */
  locateKey(path: DataPath, key: string): Location
}

/**
 * Aliases could expand a small file into a huge value ("billion laughs"); courses have no need
 * for more than a handful.
 */
const MAX_ALIAS_COUNT = 50

/**
 * Parses YAML written at `origin` in `file` (the start of the file, a Markdown front matter, the
 * attributes after a `:::` marker). Syntax errors become located problems and the result is
 * undefined.
 *
 * Valid YAML, the common case, is read with js-yaml, several times faster than the yaml library;
 * the yaml library, which keeps every node's position, parses the text again only when a position
 * is asked for (a problem to report) or when js-yaml fails (its errors are less precise).
 *
 * Text nested deeper than LIMITS.yamlDepth is refused with a located problem before the yaml
 * library sees it. js-yaml bounds its own depth (its maxDepth option, 100 by default), so it
 * fails fast on such text and the depth is checked only then, keeping valid YAML as fast as it was.
 */
export function parseYaml(text: string, file: string, problems: ProblemList, origin: Location = START, syntaxHint?: string): YamlSource | undefined {
  const fast = quickLoad(text)
  if (fast.ok) {
    warnCutText(text, file, problems, origin)
    let located: Positions | undefined
    const document = () => (located ??= positions(text, origin))
    return {
      file,
      value: fast.value,
      locate: (path) => document().locate(path),
      locateKey: (path, key) => document().locateKey(path, key),
    }
  }
  const tooDeep = findDeepNesting(text, LIMITS.yamlDepth)
  if (tooDeep !== undefined) {
    problems.error(
      file,
      lineLocator(text, origin)(tooDeep),
      `The YAML is nested more than ${LIMITS.yamlDepth} levels deep here (lists and mappings inside each other), so it was not read.`,
      'Look for a [ or { that is never closed, or indentation that keeps growing: course files need only a few levels.',
    )
    return undefined
  }
  warnCutText(text, file, problems, origin)
  const document = locatedDocument(text, origin)
  const { doc, at } = document
  for (const warning of doc.warnings) problems.warning(file, at(warning.pos[0]), yamlMessage(warning.message))
  if (doc.errors.length > 0) {
    for (const error of doc.errors) problems.error(file, at(error.pos[0]), yamlMessage(error.message), syntaxHint ?? yamlHint(error.code, error.message))
    return undefined
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    problems.error(file, at(0), `The YAML could not be read: ${yamlMessage(String((error as Error).message))}`, 'Avoid anchors and aliases (& and *) in course files.')
    return undefined
  }
  return { file, value, locate: document.locate, locateKey: document.locateKey }
}

type QuickLoad = { ok: true; value: unknown } | { ok: false }

function quickLoad(text: string): QuickLoad {
  let value: unknown
  try {
    value = load(text, { schema: CORE_SCHEMA })
  } catch {
    return { ok: false }
  }
  // Aliases make js-yaml share one object in several places; the yaml library bounds them. Too
  // deep a value goes the same way, to be refused with its place by the depth check.
  return sharesObjectsOrTooDeep(value) ? { ok: false } : { ok: true, value }
}

function sharesObjectsOrTooDeep(root: unknown): boolean {
  const seen = new Set<object>()
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, depth } = item
    if (value === null || typeof value !== 'object') continue
    if (seen.has(value) || depth >= LIMITS.yamlDepth) return true
    seen.add(value)
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 })
  }
  return false
}

interface Positions {
  at(offset: number): Location
  locate(path: DataPath): Location
  locateKey(path: DataPath, key: string): Location
}

interface LocatedDocument extends Positions {
  doc: Document.Parsed
}

/**
 * Positions in text that js-yaml read. The yaml library reads some broken text differently (a
 * quote in a plain scalar's second line, for one), so its depth is checked here too; text too
 * deep for it gets positions of the start only, rather than seconds of parsing.
 */
function positions(text: string, origin: Location): Positions {
  if (findDeepNesting(text, LIMITS.yamlDepth) === undefined) return locatedDocument(text, origin)
  return { at: lineLocator(text, origin), locate: () => origin, locateKey: () => origin }
}

/** Tokens the lexer adds that stand for no text of the source: document start, flow end, plain scalar. */
const LEXER_MARKS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR])

/**
 * Warns where a `#` after unquoted text on the same line starts a comment: YAML drops it and
 * everything after it, so "Rewrite the hashtag #CouncilMeeting" silently loses the hashtag.
 */
function warnCutText(text: string, file: string, problems: ProblemList, origin: Location): void {
  if (!/[ \t]#/.test(text)) return
  let offset = 0
  let afterPlainText = false
  let scalarMark = false
  // Positions are worked out only when there is something to report, as parseYaml does.
  let at: ((offset: number) => Location) | undefined
  for (const token of new Lexer().lex(text, false)) {
    const type = CST.tokenType(token)
    if (type === 'comment' && afterPlainText) {
      at ??= lineLocator(text, origin)
      problems.warning(
        file,
        at(offset),
        `The text is cut short at "${token.length > 30 ? `${token.slice(0, 30)}…` : token}": in YAML an unquoted # after a space starts a comment, and the rest of the line is dropped.`,
        'Put the whole text in quotes (or use a block scalar, >-), or move a real comment to a line of its own.',
      )
    }
    // The lexer marks a plain scalar with a one-character token, then gives its text.
    if (type === null) afterPlainText = scalarMark
    else if (type !== 'space') afterPlainText = false
    scalarMark = type === 'scalar'
    if (!LEXER_MARKS.has(token)) offset += token.length
  }
}

/** Finds positions in `text` without parsing it: its line starts, found once. */
function lineLocator(text: string, origin: Location): (offset: number) => Location {
  const lineCounter = new LineCounter()
  lineCounter.addNewLine(0)
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1)
  return locator(lineCounter, origin)
}

/** Positions as the yaml library counts them, shifted by where the YAML starts in its file. */
function locator(lineCounter: LineCounter, origin: Location): (offset: number) => Location {
  return (offset) => {
    const pos = lineCounter.linePos(offset)
    return pos.line === 1
      ? { line: origin.line, column: origin.column + pos.col - 1 }
      : { line: origin.line + pos.line - 1, column: pos.col }
  }
}

function locatedDocument(text: string, origin: Location): LocatedDocument {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true })
  const at = locator(lineCounter, origin)
  return {
    doc,
    at,
    locate: (path) => at(nodeOffset(doc, path)),
    locateKey: (path, key) => {
      const parent = path.length === 0 ? doc.contents : doc.getIn(path, true)
      if (isMap(parent)) {
        for (const pair of parent.items) {
          if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return at(pair.key.range[0])
        }
      }
      return at(nodeOffset(doc, path))
    },
  }
}

function nodeOffset(doc: Document.Parsed, path: DataPath): number {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true)
    if (isNode(node) && node.range) return node.range[0]
  }
  return 0
}

/** The yaml library's messages end with a position we already give in the problem's location. */
function yamlMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message
  const cut = firstLine.search(/ at line \d+, column \d+/)
  return `YAML: ${(cut >= 0 ? firstLine.slice(0, cut) : firstLine).replace(/:$/, '')}.`
}

function yamlHint(code: string, message: string): string | undefined {
  if (message.includes('quote')) return 'A value that starts with a quote (" or \') must end with the same quote.'
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear only once in a mapping.'
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation: items of one list or mapping line up under each other.'
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A key needs a colon and a space after it, like "title: My course".'
    case 'TAB_AS_INDENT':
      return 'Indent YAML with spaces, not tabs.'
    default:
      return 'Text with a colon followed by a space, or starting with a quote, must be wrapped in quotes.'
  }
}

/**
 * Checks `value` (found at `basePath` in `source`) against `schema`, reporting every issue as a
 * located problem with a hint. Returns the parsed value, or undefined when there was any issue.
 */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: YamlSource,
  problems: ProblemList,
  basePath: DataPath = [],
): z.output<S> | undefined {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const misspelt = misspeltKeys(result.error.issues, schema, value)
  for (const issue of result.error.issues) {
    // A misspelt key is reported once, as unknown with a "did you mean", not also as missing.
    if (issue.code === 'invalid_type' && misspelt.has(JSON.stringify(issue.path)) && valueAt(value, issue.path) === undefined) continue
    reportIssue(issue, schema, value, source, problems, basePath)
  }
  return undefined
}

/** The paths of required keys that an unknown key is probably a misspelling of. */
function misspeltKeys(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, value: unknown): Set<string> {
  const paths = new Set<string>()
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue
    const known = knownKeys(schema, value, issue.path)
    for (const key of issue.keys) {
      const meant = nearest(key, known)
      if (meant !== undefined) paths.add(JSON.stringify([...issue.path, meant]))
    }
  }
  return paths
}

function reportIssue(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  root: unknown,
  source: YamlSource,
  problems: ProblemList,
  basePath: DataPath,
): void {
  const path = [...basePath, ...issue.path]
  const label = pathLabel(path)
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, root, issue.path)
    for (const key of issue.keys) {
      problems.error(source.file, source.locateKey(path, key), `Unknown key "${key}"${path.length > 0 ? ` in ${label}` : ''}.`, suggestion(key, known))
    }
    return
  }
  const input = valueAt(root, issue.path)
  if (issue.code === 'invalid_type' && input === undefined) {
    const parent = path.slice(0, -1)
    problems.error(source.file, source.locate(parent), `${label} is missing.`)
    return
  }
  const at = source.locate(path)
  switch (issue.code) {
    case 'invalid_type': {
      const hint = issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean') ? `Put the value in quotes: "${String(input)}".` : undefined
      problems.error(source.file, at, `${label} should be ${describeExpected(issue.expected)}, not ${describeValue(input)}.`, hint)
      return
    }
    case 'invalid_value': {
      const values = issue.values.map(String)
      problems.error(source.file, at, `${label} cannot be ${JSON.stringify(input)}.`, suggestion(String(input), values, 40))
      return
    }
    case 'too_small':
    case 'too_big': {
      problems.error(source.file, at, `${label} ${sizeMessage(issue)}.`)
      return
    }
    case 'invalid_union': {
      problems.error(source.file, at, `${label} has the wrong form (${describeValue(input)}).`, unionHint(issue))
      return
    }
    default:
      problems.error(source.file, at, `${label} ${issue.message}.`)
  }
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  if (issue.message && !issue.message.startsWith('Too ')) return issue.message
  const small = issue.code === 'too_small'
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum)
  switch (issue.origin) {
    case 'string':
      return small && limit === 1 ? 'is empty' : `must be ${small ? 'at least' : 'at most'} ${limit} characters long`
    case 'array':
    case 'set':
      return small && limit === 1 ? 'needs at least one item' : `must have ${small ? 'at least' : 'at most'} ${limit} items`
    default:
      return `must be ${small ? 'at least' : 'at most'} ${limit}`
  }
}

function unionHint(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  const first = issue.errors.flat()[0]
  return first ? `For example: ${first.message}` : undefined
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text'
    case 'number':
      return 'a number'
    case 'int':
      return 'a whole number'
    case 'boolean':
      return 'true or false'
    case 'array':
      return 'a list'
    case 'object':
      return 'a mapping of keys'
    default:
      return expected
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
    case 'number':
      return `the number ${value}`
    case 'boolean':
      return String(value)
    case 'object':
      return 'a mapping'
    default:
      return typeof value
  }
}

export function pathLabel(path: DataPath): string {
  let label = ''
  for (const part of path) {
    if (typeof part === 'number') label += `[${part}]`
    else label += label === '' ? String(part) : `.${String(part)}`
  }
  return label === '' ? 'The file' : `"${label}"`
}

function valueAt(root: unknown, path: DataPath): unknown {
  let current = root
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[part]
  }
  return current
}

/** The keys the schema allows for the object at `path` of `root`, for "did you mean". */
export function knownKeys(schema: z.ZodType, root: unknown, path: DataPath): string[] {
  let current: z.ZodType | undefined = schema
  let value = root
  for (const part of path) {
    current = current && childSchema(unwrap(current, value), part)
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined
  }
  const target = current && unwrap(current, value)
  return target instanceof z.ZodObject ? Object.keys(target.shape) : []
}

function unwrap(schema: z.ZodType, value: unknown): z.ZodType {
  let current = schema
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType
    } else if (current instanceof z.ZodUnion) {
      const options = current.options as readonly z.ZodType[]
      const fits = options.find((option) => option.safeParse(value).success) ?? options.find((option) => unwrap(option, value) instanceof z.ZodObject === (typeof value === 'object'))
      if (!fits) return current
      current = fits
    } else {
      return current
    }
  }
}

function childSchema(schema: z.ZodType, part: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(part)]
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType
  return undefined
}
