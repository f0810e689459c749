import type { MarkdownOptions } from '../../core/course/markdown-html'

/**
 * What turns course Markdown into HTML for this host. The app renders live with markdown-it; the
 * SCORM player looks up HTML rendered at export, so its bundle carries no Markdown parser. Either
 * way the HTML is unsanitised: useMarkdown sanitises it before it reaches the DOM.
 */
export interface MarkdownEngine {
  html(source: string, courseId: string, options: MarkdownOptions): string
  /** The words without markup, for search. */
  text(source: string): string
}

let current: MarkdownEngine | undefined

/** Each host's entry point chooses its engine before mounting the app. */
export function setMarkdownEngine(engine: MarkdownEngine): void {
  current = engine
}

export function markdownEngine(): MarkdownEngine {
  if (!current) throw new Error('No Markdown engine: the host must call setMarkdownEngine before rendering course text.')
  return current
}
