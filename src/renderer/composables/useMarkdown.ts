import DOMPurify from 'dompurify'
import type MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { resolveCoursePath } from '../../core/course/course-paths'
import { createCourseMarkdown } from '../../core/course/markdown'

/**
 * Where a file of a course is served, relative to the page: course folders (named by course id)
 * sit beside the app's index.html in the web host, under the desktop app's own scheme, and inside
 * a SCORM package, which an LMS serves from a folder of its own (so never from the site root).
 */
export function courseMediaUrl(courseId: string, path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/')
  return `courses/${encodeURIComponent(courseId)}/${encoded}`
}

const EXTERNAL = /^(https?:|mailto:|tel:)/i

/**
 * What a link or image written in a course points at: an outside address kept as it is, a file of
 * the course turned into its media URL, or null for anything else (in-page anchors, which the hash
 * router would take as a route, and paths out of the course folder).
 */
export function resolveCourseReference(reference: string, courseId: string): { url: string; external: boolean } | null {
  if (EXTERNAL.test(reference)) return { url: reference, external: true }
  if (reference.startsWith('#') || reference.startsWith('?')) return null
  let decoded = reference
  try {
    decoded = decodeURI(reference)
  } catch {
    return null
  }
  const resolved = resolveCoursePath(decoded)
  return resolved.ok ? { url: courseMediaUrl(courseId, resolved.path), external: false } : null
}

/** Turns a token into plain text, for links and images that cannot be followed or shown. */
function flatten(token: Token, text: string): void {
  token.type = 'text'
  token.tag = ''
  token.nesting = 0
  token.attrs = null
  token.content = text
}

export interface MarkdownOptions {
  /** A single line (a prompt, a choice) without a paragraph around it. */
  inline?: boolean
  /** How many levels deeper headings go, for a handout where page titles take h2. */
  headingOffset?: number
}

function rewrite(tokens: Token[], courseId: string, headingOffset: number): void {
  const dropped: boolean[] = []
  for (const token of tokens) {
    if (token.children) rewrite(token.children, courseId, headingOffset)
    if ((token.type === 'heading_open' || token.type === 'heading_close') && headingOffset > 0) {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + headingOffset)}`
    } else if (token.type === 'link_open') {
      const target = resolveCourseReference(token.attrGet('href') ?? '', courseId)
      dropped.push(target === null)
      if (target === null) {
        flatten(token, '')
        continue
      }
      token.attrSet('href', target.url)
      // Links always open outside the player, so the learner never loses their place; the
      // desktop shell hands https and mailto links opened this way to the system browser.
      token.attrSet('target', '_blank')
      token.attrSet('rel', 'noopener noreferrer')
    } else if (token.type === 'link_close') {
      if (dropped.pop()) flatten(token, '')
    } else if (token.type === 'image') {
      const target = resolveCourseReference(token.attrGet('src') ?? '', courseId)
      if (target === null || target.external) flatten(token, token.content)
      else token.attrSet('src', target.url)
    }
  }
}

let markdown: MarkdownIt | undefined

/**
 * Renders course Markdown to HTML that is safe to put in the page: the course's own Markdown
 * configuration (raw HTML off), links and images pointed at the course's files, and the result
 * sanitised with DOMPurify, since course folders are untrusted.
 */
export function renderCourseMarkdown(source: string, courseId: string, options: MarkdownOptions = {}): string {
  markdown ??= createCourseMarkdown()
  const env = {}
  const tokens = options.inline ? markdown.parseInline(source, env) : markdown.parse(source, env)
  rewrite(tokens, courseId, options.headingOffset ?? 0)
  const html = markdown.renderer.render(tokens, markdown.options, env)
  return DOMPurify.sanitize(html, { ADD_ATTR: ['target'], FORBID_ATTR: ['style'], FORBID_TAGS: ['style', 'form'] })
}

/** The sanitised HTML of some course Markdown, kept up to date as the source or language changes. */
export function useMarkdown(
  source: MaybeRefOrGetter<string>,
  courseId: MaybeRefOrGetter<string>,
  options: MarkdownOptions = {},
): ComputedRef<string> {
  return computed(() => renderCourseMarkdown(toValue(source), toValue(courseId), options))
}
