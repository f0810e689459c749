import type { CourseBundle } from '../course/bundle'
import { courseMarkdownHtml } from '../course/markdown-html'
import { singleParagraph, type PrerenderedMarkdown } from './prerendered-markdown'

function strings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.trim() !== '') into.add(value)
  } else if (Array.isArray(value)) {
    for (const item of value) strings(item, into)
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) strings(item, into)
  }
}

/**
 * Renders every string of every language of the course: which fields are Markdown is the
 * components' business, and a field rendered by a newer component must not come out blank, so
 * nothing is left out. Ids and titles cost a few bytes each; the package compresses them.
 */
export function prerenderMarkdown(course: CourseBundle): PrerenderedMarkdown {
  const sources = new Set<string>()
  strings(course.content, sources)
  const block: [string, string][] = []
  const inline: [string, string][] = []
  for (const source of [...sources].sort()) {
    const html = courseMarkdownHtml(source, course.id)
    block.push([source, html])
    const line = courseMarkdownHtml(source, course.id, { inline: true })
    if (singleParagraph(html) !== line) inline.push([source, line])
  }
  return { block, inline }
}
