import { courseMarkdownHtml, courseMarkdownText } from '../core/course/markdown-html'
import { setMarkdownEngine } from './composables/markdown-engine'

/**
 * happy-dom answers `nodeName` from each node class but returns '' from Node.prototype's own
 * getter, which DOMPurify calls directly (so a page cannot clobber it); DOMPurify then drops every
 * element. Browsers answer from the base getter, so make happy-dom's do the same before any test
 * imports DOMPurify.
 */
const base = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName')

Object.defineProperty(Node.prototype, 'nodeName', {
  configurable: true,
  get(this: Node): string {
    for (let proto = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
      const own = Object.getOwnPropertyDescriptor(proto, 'nodeName')
      if (own?.get) return own.get.call(this)
    }
    return base?.get?.call(this) ?? ''
  },
})

// Components render course Markdown live in tests, as in the app.
setMarkdownEngine({ html: courseMarkdownHtml, text: courseMarkdownText })
