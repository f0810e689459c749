import type { LocalizedCourse } from '../course/bundle'
import { courseMarkdownHtml } from '../course/markdown-html'
import { markdownSources, plainParagraph, singleParagraph, type PrerenderedMarkdown } from './prerendered-markdown'

/**
 * Renders every string of one language's content once, as a block. Where that is one paragraph,
 * its content is the inline rendering too (up to a trailing line break, which HTML ignores
 * there); only a source of several blocks is rendered inline as well, and kept by position.
 */
export function prerenderMarkdown(content: LocalizedCourse, courseId: string): PrerenderedMarkdown {
  const html: string[] = []
  const inline: [number, string][] = []
  markdownSources(content).forEach((source, position) => {
    const block = courseMarkdownHtml(source, courseId)
    html.push(block === plainParagraph(source) ? '' : block)
    const paragraph = singleParagraph(block)
    if (paragraph === null) inline.push([position, courseMarkdownHtml(source, courseId, { inline: true })])
  })
  return { html, inline }
}
