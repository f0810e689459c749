import sanitizeHtml from 'sanitize-html'
import { COURSE_HTML_POLICY } from '../../core/course/html-policy'

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...COURSE_HTML_POLICY.tags],
  allowedAttributes: { '*': [...COURSE_HTML_POLICY.attributes] },
  allowedSchemes: [...COURSE_HTML_POLICY.schemes],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  nonTextTags: [...COURSE_HTML_POLICY.droppedWithContent],
  disallowedTagsMode: 'discard',
}

/**
 * Course HTML as a SCORM package may show it: sanitised at export with sanitize-html, by the same
 * policy the app applies live with DOMPurify, so the player inserts it as it is.
 */
export function sanitiseCourseHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS)
}
