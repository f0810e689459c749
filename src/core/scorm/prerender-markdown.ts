import type { LocalizedCourse } from '../course/bundle'
import { courseMarkdownHtml } from '../course/markdown-html'
import { markdownSources, plainParagraph, singleParagraph, type PrerenderedMarkdown } from './prerendered-markdown'

/**
 * Renders every string of one language's content once, as a block, and sanitises it with
 * `sanitise` (the course HTML policy: src/core/course/html-policy.ts), so the player inserts it as
 * it is. Where the block is one paragraph, its content is the inline rendering too (up to a
 * trailing line break, which HTML ignores there); only a source of several blocks is rendered
 * inline as well, and kept by position. Plain text is left for the player to escape again.
 */
export function prerenderMarkdown(content: LocalizedCourse, courseId: string, sanitise: (html: string) => string): PrerenderedMarkdown {
  const html: string[] = []
  const inline: [number, string][] = []
  markdownSources(content).forEach((source, position) => {
    const block = courseMarkdownHtml(source, courseId)
    html.push(block === plainParagraph(source) ? '' : sanitise(block))
    const paragraph = singleParagraph(block)
    if (paragraph === null) inline.push([position, sanitise(courseMarkdownHtml(source, courseId, { inline: true }))])
  })
  return { html, inline }
}
