/**
 * The course's Markdown rendered at export time, so the player ships without a Markdown parser
 * (markdown-it was a quarter of its size). Compact: the sources are the content's own strings, so
 * only the HTML is written, in the order of `markdownSources` of that content, which the player
 * works out again from the content it loaded. The HTML is sanitised at export by the policy the
 * app applies as it renders live (src/core/course/html-policy.ts), so the player needs no sanitiser.
 */
export interface PrerenderedMarkdown {
  /**
   * Each source rendered as a block (paragraphs, lists, headings at their written level); an
   * empty string where that is the source as one plain paragraph (`plainParagraph`), as for most
   * titles and every id, which the player makes again.
   */
  html: string[]
  /** Inline renderings by the source's position, only where they differ from the block one without its paragraph tags. */
  inline: [position: number, html: string][]
}

/**
 * Every string of a course's content that is not blank, once each, sorted: which fields are
 * Markdown is the components' business, and a field rendered by a newer component must not come
 * out blank, so nothing is left out. Ids and titles cost a few bytes each; the package compresses.
 */
export function markdownSources(content: unknown): string[] {
  const found = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim() !== '') found.add(value)
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item)
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) visit(item)
    }
  }
  visit(content)
  return [...found].sort()
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text made safe to show as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char]!)
}

/** A source with nothing for Markdown to do, rendered as a block: the text escaped, in one paragraph. */
export function plainParagraph(source: string): string {
  return `<p>${escapeHtml(source)}</p>\n`
}

/** The paragraph's content when block HTML is exactly one paragraph, else null. */
export function singleParagraph(html: string): string | null {
  const match = /^<p>([\s\S]*)<\/p>\n$/.exec(html)
  return match && !match[1]!.includes('<p>') ? match[1]! : null
}
