/**
 * The course's Markdown rendered at export time, so the player ships without a Markdown parser
 * (markdown-it was a quarter of its size). Pairs of source and HTML, unsanitised: the player
 * sanitises what it inserts, exactly as the app does after rendering live.
 */
export interface PrerenderedMarkdown {
  /** Every string rendered as a block (paragraphs, lists, headings at their written level). */
  block: [source: string, html: string][]
  /** Inline renderings, only where they differ from the block one without its paragraph tags. */
  inline: [source: string, html: string][]
}

/** The paragraph's content when block HTML is exactly one paragraph, else null. */
export function singleParagraph(html: string): string | null {
  const match = /^<p>([\s\S]*)<\/p>\n$/.exec(html)
  return match && !match[1]!.includes('<p>') ? match[1]! : null
}
