import { shiftHeadings } from '../core/course/heading-shift'
import { escapeHtml, markdownSources, plainParagraph, singleParagraph, type PrerenderedMarkdown } from '../core/scorm/prerendered-markdown'
import type { MarkdownEngine } from '../renderer/composables/markdown-engine'


/** The player's Markdown engine, which can take in the renderings of a translation loaded later. */
export interface PrerenderedEngine extends MarkdownEngine {
  /** Adds the renderings of one language's content (`markdown` as the exporter wrote it for that content). */
  add(content: unknown, markdown: PrerenderedMarkdown): void
}

/**
 * The player's Markdown engine: HTML the exporter rendered with the app's own renderer, looked up
 * by source. The sources are the content's own strings, in the order `markdownSources` gives, so
 * the package carries each only once. One package holds one course, so the course id is already
 * in the links. A string the export did not see (none should exist) shows as plain, escaped text
 * rather than disappearing.
 */
export function prerenderedMarkdownEngine(content: unknown, markdown: PrerenderedMarkdown, log: (text: string) => void): PrerenderedEngine {
  const block = new Map<string, string>()
  const inline = new Map<string, string>()
  const add = (from: unknown, rendered: PrerenderedMarkdown) => {
    const sources = markdownSources(from)
    sources.forEach((source, position) => {
      const html = rendered.html[position]
      if (html !== undefined) block.set(source, html === '' ? plainParagraph(source) : html)
    })
    for (const [position, html] of rendered.inline) {
      const source = sources[position]
      if (source !== undefined) inline.set(source, html)
    }
  }
  add(content, markdown)
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
    add,
    html: (source, _courseId, options) => html(source, options),
    // Search only needs the words; an inert parsed document gives them without running anything.
    text: (source) => (new DOMParser().parseFromString(html(source, {}), 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }
}
