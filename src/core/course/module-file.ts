import type { Token } from 'markdown-it'
import { z } from 'zod'
import { BLOCK_TYPES, type Block, type BlockDefinition, CHILD_PARENTS, type ChildInput } from './blocks'
import type { Module, Page } from './bundle'
import { DateSchema } from './course-file'
import type { FileKind } from './course-paths'
import { IdSchema, type Jurisdiction, JurisdictionTagsSchema, jurisdictionList } from './ids'
import { courseMarkdown, DIRECTIVE_CLOSE, DIRECTIVE_OPEN, directiveName } from './markdown'
import { type Location, type ProblemList, START, suggestion, type Where } from './problems'
import type { Question } from '../questions/schemas'
import { checkSchema, type DataPath, parseYaml } from './yaml-source'

/** The YAML front matter at the top of a module file. */
export const ModuleFrontMatterSchema = z
  .object({
    id: IdSchema.describe('The module id, unique in the course.'),
    title: z.string().min(1),
    objectives: z.array(z.string().min(1)).min(1).describe('What the learner will be able to do after the module.'),
    minutes: z.number().int().positive().describe('Estimated minutes to complete the module.'),
    jurisdiction: JurisdictionTagsSchema.optional().describe('Where the module’s legal content applies; defaults to the course’s jurisdiction.'),
    lastReviewed: DateSchema.optional().describe('When the legal content was last checked, as YYYY-MM-DD.'),
    illustration: z.string().min(1).optional().describe('A picture for the module’s card, from the course folder: media/illustrations/module.svg. Decorative: the module’s title beside it says what it is.'),
  })
  .strict()
  .meta({ title: 'Civic Learn module front matter' })

export const MODULE_TRANSLATABLE = ['title', 'objectives'] as const

/** What parsing a module needs from the course around it. */
export interface ModuleEnvironment {
  readonly problems: ProblemList
  readonly defaultJurisdiction: Jurisdiction
  readonly passMark: number
  declareId(id: string, file: string, at: Where): void
  courseFile(reference: string, kind: FileKind, file: string, at: Where): string | undefined
  bank(id: string, file: string, at: Where): readonly Question[] | undefined
  /** The module a bank tests, where it names one (see the bank's \`module\`). */
  bankModule(id: string): string | undefined
}

export interface ParsedModule {
  module: Module
  /** Where each page and block starts, for messages about translations. */
  locations: WeakMap<object, Location>
}

const HEADING_ID_OPEN = '{#'

/**
 * Parses a module file: YAML front matter, then pages that each start with a `# Title {#id}`
 * heading and hold plain Markdown and `:::` blocks. Returns undefined when any error was found.
 */
export function parseModule(text: string, file: string, environment: ModuleEnvironment): ParsedModule | undefined {
  const errorsBefore = environment.problems.errorCount
  const lines = text.split('\n')
  const split = splitFrontMatter(lines)
  if (!split.ok) {
    environment.problems.error(file, split.at, split.message, split.hint)
    return undefined
  }
  const frontSource = parseYaml(split.yaml, file, environment.problems, { line: 2, column: 1 })
  const front = frontSource && checkSchema(ModuleFrontMatterSchema, frontSource.value ?? {}, frontSource, environment.problems)
  const jurisdiction = front?.jurisdiction ? jurisdictionList(front.jurisdiction) : [environment.defaultJurisdiction]
  if (front) environment.declareId(front.id, file, () => frontSource.locate(['id']))
  const parser = new ModuleBodyParser(file, lines, split.bodyIndex, environment, jurisdiction)
  const pages = parser.parse()
  if (!front || environment.problems.errorCount > errorsBefore) return undefined
  const module: Module = { id: front.id, title: front.title, objectives: front.objectives, minutes: front.minutes, jurisdiction, pages }
  if (front.lastReviewed !== undefined) module.lastReviewed = front.lastReviewed
  if (front.illustration !== undefined) {
    const src = environment.courseFile(front.illustration, 'image', file, () => frontSource.locate(['illustration']))
    if (src !== undefined) module.illustration = src
  }
  return { module, locations: parser.locations }
}

type FrontMatterSplit = { ok: true; yaml: string; bodyIndex: number } | { ok: false; at: Location; message: string; hint?: string }

function splitFrontMatter(lines: readonly string[]): FrontMatterSplit {
  if ((lines[0] ?? '').trimEnd() !== '---') {
    return { ok: false, at: START, message: 'The module file does not start with front matter.', hint: 'Begin the file with a line ---, then id, title, objectives and minutes, then another line ---.' }
  }
  for (let index = 1; index < lines.length; index++) {
    const line = (lines[index] ?? '').trimEnd()
    if (line === '---' || line === '...') return { ok: true, yaml: lines.slice(1, index).join('\n'), bodyIndex: index + 1 }
  }
  return { ok: false, at: START, message: 'The front matter is never closed.', hint: 'End the front matter with a line ---.' }
}

interface PageDraft {
  page: Page
  at: Location
  /** Blocks written on the page, including any that failed their checks. */
  written: number
}

/** Walks markdown-it's tokens for one module body; pages and blocks come out in order. */
class ModuleBodyParser {
  readonly locations = new WeakMap<object, Location>()
  private readonly pages: Page[] = []
  private current: PageDraft | undefined
  private headingLevel = 1
  private runStart = -1
  private runEnd = -1
  private readonly problems: ProblemList

  constructor(
    private readonly file: string,
    private readonly lines: readonly string[],
    /** Index in `lines` of the body's first line. */
    private readonly bodyIndex: number,
    private readonly environment: ModuleEnvironment,
    private readonly jurisdiction: readonly Jurisdiction[],
  ) {
    this.problems = environment.problems
  }

  parse(): Page[] {
    const body = this.lines.slice(this.bodyIndex).join('\n')
    const tokens = courseMarkdown().parse(body, {})
    const lineCount = this.lines.length - this.bodyIndex
    const errorsBefore = this.problems.errorCount
    for (let index = 0; index < tokens.length; ) {
      const token = tokens[index] as Token
      if (token.type === DIRECTIVE_OPEN) {
        const close = matchingClose(tokens, index)
        if (token.level === 0) {
          this.flushText()
          this.directive(tokens, index, close, lineCount)
        } else {
          this.problems.error(this.file, this.tokenAt(token), 'A ::: block cannot go inside a list or a quote.', 'Start the ::: line at the beginning of a line, after a blank line.')
        }
        index = close + 1
        continue
      }
      if (token.type === 'heading_open' && token.tag === 'h1' && token.level === 0) {
        this.flushText()
        this.startPage(token, tokens[index + 1])
        index += 3
        continue
      }
      if (token.level === 0 && token.map) {
        if (this.runStart < 0) this.runStart = token.map[0]
        this.runEnd = token.map[1]
      }
      this.inspect(token, tokens[index + 1])
      index++
    }
    this.flushText()
    this.checkLastPage()
    if (this.pages.length === 0 && this.problems.errorCount === errorsBefore) {
      this.problems.error(this.file, { line: this.bodyIndex + 1, column: 1 }, 'The module has no pages.', 'Start each page with a heading such as: # Getting started {#getting-started}')
    }
    return this.pages
  }

  private startPage(open: Token, inline: Token | undefined): void {
    const at = this.tokenAt(open)
    const content = inline?.content ?? ''
    const marker = content.endsWith('}') ? content.lastIndexOf(HEADING_ID_OPEN) : -1
    const title = (marker >= 0 ? content.slice(0, marker) : content).trim()
    const id = marker >= 0 ? content.slice(marker + HEADING_ID_OPEN.length, -1).trim() : ''
    if (marker < 0) {
      this.problems.error(this.file, at, 'The page heading has no id.', `Add one at the end of the heading: # ${title} {#${slug(title)}}`)
    } else if (!IdSchema.safeParse(id).success) {
      this.problems.error(this.file, { line: at.line, column: at.column + this.lineText(at.line).indexOf(HEADING_ID_OPEN) }, `The page id "${id}" is not valid.`, `Use lower-case letters, digits and single hyphens, like {#${slug(title || id)}}.`)
    } else {
      this.environment.declareId(id, this.file, at)
    }
    if (title === '') this.problems.error(this.file, at, 'The page heading has no title.')
    this.checkLastPage()
    const page: Page = { id, title, blocks: [] }
    this.pages.push(page)
    this.locations.set(page, at)
    this.current = { page, at, written: 0 }
    this.headingLevel = 1
  }

  private checkLastPage(): void {
    if (this.current && this.current.written === 0) this.problems.warning(this.file, this.current.at, `The page "${this.current.page.title}" has no content.`)
  }

  /** Ends the run of plain Markdown since the last block or heading, as one text block. */
  private flushText(): void {
    if (this.runStart < 0) return
    const markdown = this.bodyLines(this.runStart, this.runEnd)
    const at = { line: this.bodyIndex + this.runStart + 1, column: 1 }
    this.runStart = -1
    this.runEnd = -1
    if (markdown === '') return
    if (this.current) this.current.written++
    this.addBlock({ type: 'text', markdown }, at)
  }

  private addBlock(block: Block, at: Location): void {
    if (!this.current) {
      this.problems.error(this.file, at, 'This comes before the first page heading.', 'Start the module with a page heading such as: # Welcome {#welcome}')
      return
    }
    this.current.page.blocks.push(block)
    this.locations.set(block, at)
  }

  private directive(tokens: readonly Token[], openIndex: number, closeIndex: number, parentEnd: number): void {
    const open = tokens[openIndex] as Token
    const at = this.tokenAt(open)
    const name = directiveName(open.info)
    const closed = this.checkClosed(open, name, parentEnd)
    if (this.current) this.current.written++
    const definition = BLOCK_TYPES.get(name)
    if (!definition) {
      this.unknownDirective(name, at, open)
      return
    }
    if (!this.current) {
      this.problems.error(this.file, at, 'This comes before the first page heading.', 'Start the module with a page heading such as: # Welcome {#welcome}')
      return
    }
    const errorsBefore = this.problems.errorCount
    const attributes = this.attributes(open, definition.attributes, at, name)
    const map = open.map ?? [0, 0]
    const bodyEnd = closed ? map[1] : Math.min(map[1], parentEnd)
    let yaml: unknown
    const firstBodyLine = this.firstContentLine(map[0] + 1, bodyEnd)
    let bodyAt: (path: DataPath) => Where = (path) => ({ line: this.bodyIndex + firstBodyLine + 1 + (typeof path[0] === 'number' ? path[0] : 0), column: 1 })
    const children: ChildInput<unknown>[] = []
    if (definition.body === 'yaml') {
      // Untrimmed, so that indentation and line numbers stay as written.
      const text = this.lines.slice(this.bodyIndex + map[0] + 1, this.bodyIndex + bodyEnd).join('\n')
      const source = parseYaml(text.trim() === '' ? '{}' : text, this.file, this.problems, { line: this.bodyIndex + map[0] + 2, column: 1 })
      if (source && definition.bodySchema) {
        yaml = checkSchema(definition.bodySchema, source.value, source, this.problems)
        bodyAt = (path) => () => source.locate(path)
      }
    } else if (definition.body === 'children') {
      this.children(tokens, openIndex, closeIndex, definition, bodyEnd, children)
    } else {
      this.inspectBody(tokens, openIndex + 1, closeIndex, name)
    }
    if (attributes.value === undefined || this.problems.errorCount > errorsBefore) return
    const markdown = definition.body === 'markdown' ? this.bodyLines(map[0] + 1, bodyEnd) : ''
    const block = definition.build(
      { attributes: attributes.value, markdown, yaml, children },
      {
        file: this.file,
        at,
        problems: this.problems,
        jurisdiction: this.jurisdiction,
        passMark: this.environment.passMark,
        attributeAt: attributes.at,
        bodyAt,
        courseFile: (reference, kind, where) => this.environment.courseFile(reference, kind, this.file, where),
        declareId: (id, where) => this.environment.declareId(id, this.file, where),
        bank: (id, where) => this.environment.bank(id, this.file, where),
        bankModule: (id) => this.environment.bankModule(id),
      },
    )
    if (block) this.addBlock(block as Block, at)
  }

  private children(
    tokens: readonly Token[],
    openIndex: number,
    closeIndex: number,
    definition: BlockDefinition,
    bodyEnd: number,
    children: ChildInput<unknown>[],
  ): void {
    const child = definition.child
    if (!child) return
    const open = tokens[openIndex] as Token
    for (let index = openIndex + 1; index < closeIndex; ) {
      const token = tokens[index] as Token
      if (token.type === DIRECTIVE_OPEN) {
        const close = matchingClose(tokens, index)
        const at = this.tokenAt(token)
        const name = directiveName(token.info)
        this.checkClosed(token, name, bodyEnd)
        if (name !== child.name) {
          this.problems.error(this.file, at, `Only "::: ${child.name}" blocks can go inside "${open.markup} ${definition.type}".`)
        } else {
          const attributes = this.attributes(token, child.attributes, at, name)
          const map = token.map ?? [0, 0]
          this.inspectBody(tokens, index + 1, close, name)
          if (attributes.value !== undefined) children.push({ attributes: attributes.value, markdown: this.bodyLines(map[0] + 1, Math.min(map[1], bodyEnd)), at })
        }
        index = close + 1
        continue
      }
      if (token.level === open.level + 1 && token.nesting !== -1) {
        this.problems.error(this.file, this.tokenAt(token), `Text inside "${definition.type}" must go in a "::: ${child.name}" block.`, `Put it between "::: ${child.name} {title: …}" and ":::".`)
      }
      index++
    }
    if (children.length < child.min) {
      this.problems.error(
        this.file,
        this.tokenAt(open),
        `"${definition.type}" needs at least ${child.min} "::: ${child.name}" block${child.min === 1 ? '' : 's'} inside.`,
        `Use more colons on the outer lines than on the inner ones: ":::: ${definition.type}" … "::::" around "::: ${child.name}" … ":::".`,
      )
    }
  }

  private unknownDirective(name: string, at: Location, open: Token): void {
    const parent = CHILD_PARENTS.get(name)
    if (parent) {
      this.problems.error(
        this.file,
        at,
        `"::: ${name}" belongs inside a "${parent}" block.`,
        `Wrap it in ":::: ${parent}" … "::::", using more colons on the outer lines than on the inner ones.`,
      )
      return
    }
    const known = [...BLOCK_TYPES.keys()]
    this.problems.error(this.file, at, `Unknown block "${open.markup} ${name}".`, suggestion(name, known, 20))
  }

  /** markdown-it closes an unclosed container at the end of its parent; authors need to know. */
  private checkClosed(open: Token, name: string, parentEnd: number): boolean {
    const end = open.map?.[1] ?? parentEnd
    const closer = (this.lines[this.bodyIndex + end] ?? '').trim()
    if (end < parentEnd && closer.length >= open.markup.length && isStrayCloser(closer)) return true
    this.problems.error(this.file, this.tokenAt(open), `"${open.markup} ${name}" is never closed.`, `End it with a line of ${open.markup} (at least as many colons as the opening line).`)
    return false
  }

  private attributes(
    open: Token,
    schema: BlockDefinition['attributes'],
    at: Location,
    name: string,
  ): { value: unknown; at: (key: string) => Where } {
    const info = open.info.trimStart()
    const rest = info.slice(name.length).trim()
    const fallback = { value: undefined, at: () => at }
    if (rest === '') {
      return { value: checkDirectiveAttributes(schema, {}, this.file, at, this.problems), at: () => at }
    }
    const restAt = this.attributesAt(open, rest)
    if (!rest.startsWith('{')) {
      this.problems.error(this.file, restAt, `The attributes of "${name}" must be in braces.`, `Write them like: ${open.markup} ${name} {key: value, other: "text, with commas"}`)
      return fallback
    }
    const source = parseYaml(rest, this.file, this.problems, restAt, 'In {…}, put text that contains commas, colons or braces in quotes.')
    if (!source) return fallback
    if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
      this.problems.error(this.file, restAt, `The attributes of "${name}" must be written as {key: value, …}.`)
      return fallback
    }
    return { value: checkSchema(schema, source.value, source, this.problems), at: (key) => () => source.locateKey([], key) }
  }

  private attributesAt(open: Token, rest: string): Location {
    const at = this.tokenAt(open)
    const column = this.lineText(at.line).indexOf(rest, at.column - 1 + open.markup.length) + 1
    return { line: at.line, column: column > 0 ? column : at.column }
  }

  /** Checks a block's Markdown body: no nested blocks, headings in order, links and images. */
  private inspectBody(tokens: readonly Token[], from: number, to: number, name: string): void {
    for (let index = from; index < to; index++) {
      const token = tokens[index] as Token
      if (token.type === DIRECTIVE_OPEN) {
        this.problems.error(this.file, this.tokenAt(token), `A "${name}" block cannot contain other ::: blocks.`, 'Close the block with ::: before starting the next one.')
        index = matchingClose(tokens, index)
        continue
      }
      if (token.type === 'heading_open' && token.tag === 'h1') {
        this.problems.error(this.file, this.tokenAt(token), `A page heading (#) cannot go inside a "${name}" block.`, 'Use ## or a smaller heading, or close the block first.')
        continue
      }
      this.inspect(token, tokens[index + 1])
    }
  }

  private inspect(token: Token, next: Token | undefined): void {
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1))
      if (level === 1) {
        this.problems.error(this.file, this.tokenAt(token), 'A page heading (#) cannot go inside a list or a quote.')
      } else if (level > this.headingLevel + 1) {
        this.problems.error(
          this.file,
          this.tokenAt(token),
          `The heading jumps from level ${this.headingLevel} to level ${level}.`,
          `Use ${'#'.repeat(this.headingLevel + 1)} here: headings go down one level at a time, which screen readers rely on.`,
        )
      }
      this.headingLevel = level
      return
    }
    if (token.type === 'paragraph_open' && next?.type === 'inline' && isStrayCloser(next.content)) {
      this.problems.error(this.file, this.tokenAt(token), `This "${next.content.trim()}" closes no block.`, 'Check the block above: the outer block needs more colons than the blocks inside it.')
      return
    }
    if (token.type === 'inline' && token.children) this.inspectInline(token)
  }

  private inspectInline(inline: Token): void {
    const children = inline.children ?? []
    for (const child of children) {
      if (child.type === 'image') {
        const src = decode(String(child.attrGet('src') ?? ''))
        const at = this.findInLines(inline, src)
        if (child.content.trim() === '') this.problems.error(this.file, at, 'The image has no alt text.', `Describe what it shows: ![A council chamber during a meeting](${src})`)
        if (isRemote(src)) this.problems.error(this.file, at, 'Images must be files in the course folder.', 'The app works without a network: copy the image into media/ and use its path.')
        else this.environment.courseFile(src, 'image', this.file, at)
      } else if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '')
        const at = this.findInLines(inline, href)
        this.checkLink(decode(href), at)
      }
    }
  }

  private checkLink(href: string, at: Location): void {
    const lower = href.toLowerCase()
    if (lower.startsWith('https://') || lower.startsWith('mailto:') || lower.startsWith('tel:')) return
    if (lower.startsWith('http://')) {
      this.problems.warning(this.file, at, `The link ${href} is not secure.`, 'Use the https:// address if the site has one.')
      return
    }
    if (lower.startsWith('#')) {
      this.problems.warning(this.file, at, 'Links to places within a page are not supported.', 'Link to a web page with https://, or remove the link.')
      return
    }
    this.environment.courseFile(href, 'document', this.file, at)
  }

  private findInLines(inline: Token, needle: string): Location {
    const [start, end] = inline.map ?? [0, 1]
    for (let index = start; index < end; index++) {
      const line = this.bodyIndex + index + 1
      const column = needle === '' ? -1 : this.lineText(line).indexOf(needle)
      if (column >= 0) return { line, column: column + 1 }
    }
    return this.tokenAt(inline)
  }

  private tokenAt(token: Token): Location {
    const line = this.bodyIndex + (token.map?.[0] ?? 0) + 1
    const text = this.lineText(line)
    const indent = text.length - text.trimStart().length
    return { line, column: indent + 1 }
  }

  private lineText(line: number): string {
    return this.lines[line - 1] ?? ''
  }

  private firstContentLine(from: number, to: number): number {
    let index = from
    while (index < to - 1 && (this.lines[this.bodyIndex + index] ?? '').trim() === '') index++
    return index
  }

  /** Body lines [from, to) (indexes within the body), trimmed of blank lines around them. */
  private bodyLines(from: number, to: number): string {
    return this.lines
      .slice(this.bodyIndex + from, this.bodyIndex + to)
      .join('\n')
      .trim()
  }
}

function checkDirectiveAttributes(schema: BlockDefinition['attributes'], value: unknown, file: string, at: Location, problems: ProblemList): unknown {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    problems.error(file, at, typeof key === 'string' ? `The attribute "${key}" is missing.` : issue.message, 'Add it in braces after the block name, like {key: value}.')
  }
  return undefined
}

function matchingClose(tokens: readonly Token[], openIndex: number): number {
  let depth = 0
  for (let index = openIndex; index < tokens.length; index++) {
    const type = (tokens[index] as Token).type
    if (type === DIRECTIVE_OPEN) depth++
    else if (type === DIRECTIVE_CLOSE && --depth === 0) return index
  }
  return tokens.length - 1
}

/** A line of only colons that markdown-it did not take as the end of a container. */
function isStrayCloser(content: string): boolean {
  if (content.length < 3 || content.length > 80 || !content.trimStart().startsWith(':::')) return false
  const trimmed = content.trim()
  for (let index = 0; index < trimmed.length; index++) if (trimmed.charCodeAt(index) !== 0x3a) return false
  return true
}

function isRemote(src: string): boolean {
  const lower = src.toLowerCase()
  return lower.startsWith('http://') || lower.startsWith('https://') || lower.startsWith('//') || lower.startsWith('data:')
}

/** markdown-it percent-encodes link targets; files are looked up by their real names. */
function decode(href: string): string {
  try {
    return decodeURI(href)
  } catch {
    return href
  }
}

function slug(title: string): string {
  let result = ''
  for (const character of title.toLowerCase()) {
    const code = character.charCodeAt(0)
    const keep = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
    if (keep) result += character
    else if (!result.endsWith('-') && result !== '') result += '-'
  }
  return (result.endsWith('-') ? result.slice(0, -1) : result) || 'page'
}
