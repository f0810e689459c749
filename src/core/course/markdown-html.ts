import type { Token } from 'markdown-it'
import { resolveCourseReference } from './course-media'
import { shiftedHeading } from './heading-shift'
import { courseMarkdown } from './markdown'

/**
 * Course Markdown as HTML, before sanitising: the one rendering the app uses live and the SCORM
 * exporter uses ahead of time, so a package shows exactly what the app shows. The result must still
 * be sanitised by the course HTML policy (html-policy.ts) before it reaches the DOM, since course
 * folders are untrusted: the app does so as it renders, the exporter as it writes a package.
 */

export interface MarkdownOptions {
  /** A single line (a prompt, a choice) without a paragraph around it. */
  inline?: boolean
  /** How many levels deeper headings go, for a handout where page titles take h2. */
  headingOffset?: number
}

/** Turns a token into plain text, for links and images that cannot be followed or shown. */
function flatten(token: Token, text: string): void {
  token.type = 'text'
  token.tag = ''
  token.nesting = 0
  token.attrs = null
  token.content = text
}

function rewrite(tokens: Token[], courseId: string, headingOffset: number): void {
  const dropped: boolean[] = []
  for (const token of tokens) {
    if (token.children) rewrite(token.children, courseId, headingOffset)
    if ((token.type === 'heading_open' || token.type === 'heading_close') && headingOffset > 0) {
      token.tag = shiftedHeading(Number(token.tag.slice(1)), headingOffset)
    } else if (token.type === 'link_open') {
      const target = resolveCourseReference(token.attrGet('href') ?? '', courseId)
      dropped.push(target === null)
      if (target === null) {
        flatten(token, '')
        continue
      }
      token.attrSet('href', target.url)
      // Links always open outside the player, so the learner never loses their place; the
      // desktop shell hands https and mailto links opened this way to the system browser.
      token.attrSet('target', '_blank')
      token.attrSet('rel', 'noopener noreferrer')
    } else if (token.type === 'link_close') {
      if (dropped.pop()) flatten(token, '')
    } else if (token.type === 'image') {
      const target = resolveCourseReference(token.attrGet('src') ?? '', courseId)
      if (target === null || target.external) flatten(token, token.content)
      else token.attrSet('src', target.url)
    }
  }
}

/** Course Markdown as HTML (raw HTML off, links and images pointed at the course's files), unsanitised. */
export function courseMarkdownHtml(source: string, courseId: string, options: MarkdownOptions = {}): string {
  const markdown = courseMarkdown()
  const env = {}
  const tokens = options.inline ? markdown.parseInline(source, env) : markdown.parse(source, env)
  rewrite(tokens, courseId, options.headingOffset ?? 0)
  return markdown.renderer.render(tokens, markdown.options, env)
}

function collect(tokens: readonly Token[], into: string[]): void {
  for (const token of tokens) {
    if (token.children) collect(token.children, into)
    else if (token.type === 'text' || token.type === 'code_inline' || token.type === 'code_block' || token.type === 'fence') into.push(token.content)
    else if (token.type === 'image') into.push(token.content)
  }
}

/** The words of some course Markdown, without its markup. */
export function courseMarkdownText(source: string): string {
  const words: string[] = []
  collect(courseMarkdown().parse(source, {}), words)
  return words.join(' ').replace(/\s+/g, ' ').trim()
}
