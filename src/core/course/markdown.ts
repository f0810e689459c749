import MarkdownIt, { type Options, type PluginWithParams } from 'markdown-it'
import container from 'markdown-it-container'

/**
 * The one Markdown configuration of courses: the loader parses with it and hosts render with it,
 * so what validates is what shows. Raw HTML is off (course files are untrusted). Every `:::`
 * container is accepted here so that a misspelt block name reaches the loader as a directive it
 * can name, instead of silently becoming a paragraph.
 */
export function createCourseMarkdown(): MarkdownIt {
  // maxNesting is the commonmark preset's, written out because it is what bounds the work on deeply
  // nested text ("> > > …", lists in lists): markdown-it nests a call per level, and stops there.
  // Its typings leave the option out, though markdown-it reads it at every parse.
  const options: Options & { maxNesting: number } = { html: false, linkify: false, typographer: false, maxNesting: MAX_NESTING }
  const md = new MarkdownIt('commonmark', options)
  md.enable(['table', 'strikethrough'])
  // The plugin's published types describe markdown-it's CommonJS typings, not the ES module ones.
  md.use(container as unknown as PluginWithParams, DIRECTIVE, { validate: (params: string) => directiveName(params) !== '' })
  return md
}

/** Blocks and inline elements inside each other; Markdown nested deeper than this is dropped, not parsed. */
export const MAX_NESTING = 20

const DIRECTIVE = 'directive'
export const DIRECTIVE_OPEN = `container_${DIRECTIVE}_open`
export const DIRECTIVE_CLOSE = `container_${DIRECTIVE}_close`

/** The block name right after the colons: letters, digits and hyphens. */
export function directiveName(params: string): string {
  const text = params.trimStart()
  let end = 0
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++
  return text.slice(0, end)
}

function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d
}

let shared: MarkdownIt | undefined

export function courseMarkdown(): MarkdownIt {
  shared ??= createCourseMarkdown()
  return shared
}
