import type { MarkdownOptions } from '../../core/course/markdown-html'

/**
 * What turns course Markdown into HTML for this host, sanitised by the course HTML policy
 * (src/core/course/html-policy.ts). The app renders live with markdown-it and sanitises with
 * DOMPurify (live-markdown.ts); the SCORM player looks up HTML rendered and sanitised at export,
 * so its bundle carries neither a Markdown parser nor a sanitiser.
 */
export interface MarkdownEngine {
  html(source: string, courseId: string, options: MarkdownOptions): string
  /** The words without markup, for search. */
  text(source: string): string
}

let current: MarkdownEngine | undefined
let loader: (() => Promise<MarkdownEngine>) | undefined
let loading: Promise<void> | undefined

/** Each host's entry point chooses its engine before mounting the app. */
export function setMarkdownEngine(engine: MarkdownEngine): void {
  current = engine
}

/** Or names where to load it from, so the library's first screen does without the Markdown parser. */
export function setMarkdownEngineLoader(load: () => Promise<MarkdownEngine>): void {
  loader = load
}

/** Resolves once an engine is ready; the router waits for it before a screen that shows course text. */
export function loadMarkdownEngine(): Promise<void> {
  if (current || !loader) return Promise.resolve()
  const load = loader
  loading ??= load().then((engine) => {
    current = engine
  })
  return loading
}

export function markdownEngine(): MarkdownEngine {
  if (!current) throw new Error('No Markdown engine: the host must call setMarkdownEngine before rendering course text.')
  return current
}

/**
 * The words of some course Markdown without its markup, for places that take only text: search,
 * the options of a select, button names and live-region announcements.
 */
export function markdownText(source: string): string {
  return markdownEngine().text(source)
}
