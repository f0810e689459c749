/** A heading tag `offset` levels deeper, never past h6. */
export function shiftedHeading(level: number, offset: number): string {
  return `h${Math.min(6, level + offset)}`
}

/**
 * Moves the headings of HTML rendered with no offset down by `offset` levels, as rendering with
 * that offset would. Safe on courseMarkdownHtml's output only: with raw HTML off, every `<h1>`…
 * `<h6>` in it is a heading markdown-it wrote (a `<` in text comes out as `&lt;`).
 */
export function shiftHeadings(html: string, offset: number): string {
  if (offset <= 0) return html
  return html.replace(/<(\/?)h([1-6])>/g, (_tag, close: string, level: string) => `<${close}${shiftedHeading(Number(level), offset)}>`)
}
