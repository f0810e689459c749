import { shiftHeadings } from '../core/course/heading-shift'
import { singleParagraph, type PrerenderedMarkdown } from '../core/scorm/prerendered-markdown'
import type { MarkdownEngine } from '../renderer/composables/markdown-engine'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => ESCAPES[char]!)

/**
 * The player's Markdown engine: HTML the exporter rendered with the app's own renderer, looked up
 * by source. One package holds one course, so the course id is already in the links. A string the
 * export did not see (none should exist) shows as plain, escaped text rather than disappearing.
 */
export function prerenderedMarkdownEngine(markdown: PrerenderedMarkdown, log: (text: string) => void): MarkdownEngine {
  const block = new Map(markdown.block)
  const inline = new Map(markdown.inline)
  let warned = false
  const missing = (source: string) => {
    if (!warned) log(`Course text not rendered at export; showing it as plain text: ${source.slice(0, 60)}`)
    warned = true
    return escapeHtml(source)
  }
  const html = (source: string, options: { inline?: boolean; headingOffset?: number }): string => {
    if (options.inline) {
      const line = inline.get(source) ?? singleParagraph(block.get(source) ?? '')
      return line ?? missing(source)
    }
    const rendered = block.get(source)
    return rendered === undefined ? `<p>${missing(source)}</p>` : shiftHeadings(rendered, options.headingOffset ?? 0)
  }
  return {
    html: (source, _courseId, options) => html(source, options),
    // Search only needs the words; an inert parsed document gives them without running anything.
    text: (source) => (new DOMParser().parseFromString(html(source, {}), 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }
}
