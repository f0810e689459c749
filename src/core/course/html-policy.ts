/**
 * What course HTML may contain once sanitised: the one allow-list of the app, which sanitises
 * what it renders live (DOMPurify, src/renderer/composables/live-markdown.ts), and of the SCORM
 * exporter, which sanitises what it renders ahead of time (sanitize-html,
 * src/node/export/course-html.ts), so the player needs no sanitiser of its own and shows exactly
 * what the app shows. It is what the course Markdown renderer makes (raw HTML is off) and nothing
 * more: no classes (a code fence's language would otherwise name one of the app's own), no styles,
 * no forms, no frames.
 */
export const COURSE_HTML_POLICY = {
  tags: [
    'a', 'blockquote', 'br', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'li', 'ol', 'p', 'pre', 's',
    'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  ],
  /** On any allowed tag. */
  attributes: ['alt', 'href', 'rel', 'src', 'start', 'target', 'title'],
  /** What a link or image address may start with; an address without a scheme (a course file) is always allowed. */
  schemes: ['https', 'http', 'mailto', 'tel'],
  /** Removed with everything inside them (other tags that are not allowed leave their text behind). */
  droppedWithContent: [
    'audio', 'embed', 'head', 'iframe', 'math', 'noembed', 'noframes', 'noscript', 'object', 'option', 'plaintext', 'script',
    'select', 'style', 'svg', 'template', 'textarea', 'title', 'video', 'xmp',
  ],
} as const
