import DOMPurify, { type Config } from 'dompurify'
import { COURSE_HTML_POLICY } from '../../core/course/html-policy'
import { courseMarkdownHtml, courseMarkdownText } from '../../core/course/markdown-html'
import type { MarkdownEngine } from './markdown-engine'

/**
 * A link or image address: one of the policy's schemes, or none (DOMPurify's own test for "no
 * scheme"), but not another site's address without its scheme (`//host`, which sanitize-html refuses too).
 */
const ALLOWED_URI = new RegExp(`^(?![/\\\\]{2})(?:(?:${COURSE_HTML_POLICY.schemes.join('|')}):|[^a-z]|[a-z+.\\-]+(?:[^a-z+.\\-:]|$))`, 'i')

const CONFIG: Config = {
  ALLOWED_TAGS: [...COURSE_HTML_POLICY.tags],
  ALLOWED_ATTR: [...COURSE_HTML_POLICY.attributes],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  FORBID_CONTENTS: [...COURSE_HTML_POLICY.droppedWithContent],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
}

/** Course HTML as the app may show it: sanitised with DOMPurify, by the course HTML policy. */
export function sanitiseCourseHtml(html: string): string {
  return DOMPurify.sanitize(html, CONFIG)
}

/**
 * The app's Markdown engine: renders live with the course's Markdown configuration and sanitises
 * the result, since course folders are untrusted. Loaded with the first screen that shows course
 * text, so the library's first screen does without the parser and the sanitiser.
 */
export const liveMarkdownEngine: MarkdownEngine = {
  html: (source, courseId, options) => sanitiseCourseHtml(courseMarkdownHtml(source, courseId, options)),
  text: courseMarkdownText,
}
