import { setMarkdownEngine } from './composables/markdown-engine'

/**
 * happy-dom answers `nodeName` from each node class but returns '' from Node.prototype's own
 * getter, which DOMPurify calls directly (so a page cannot clobber it); DOMPurify then drops every
 * element. Browsers answer from the base getter, so make happy-dom's do the same. This runs
 * before DOMPurify is imported below, since it looks the getter up when it loads. (happy-dom's
 * NodeIterator also stops at the first node DOMPurify removes, so what is stripped is tested under
 * jsdom, in test/package-markdown.test.ts.)
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

// Components render course Markdown live in tests, as in the app: imported only now, after the fix above.
const { liveMarkdownEngine } = await import('./composables/live-markdown')
setMarkdownEngine(liveMarkdownEngine)
