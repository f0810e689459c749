/**
 * Where a learner's comment points: a page, or one block on it. Blocks with an id of their own
 * (quizzes, videos, scenarios, reflections, feeds) are named by it; the others by their type and
 * place among the page's blocks of that type (`text.2`, the page's second text block: a dot,
 * which an authored id never has). Each anchor
 * also carries a quote, the start of the block's words, kept with the comment so that a comment
 * still finds its block after an update puts another block before it, and can say what it was
 * about once its block is gone. Zod-free, for the SCORM player.
 */
export interface BlockAnchor {
  id: string
  type: string
  /** The start of the block's words, plain text; empty for a block with none. */
  quote: string
}

/** How much of a block's words a quote keeps. */
export const QUOTE_LENGTH = 120

/** Keys whose values are never words a learner reads: ids, file paths, links and settings. */
const NOT_WORDS = new Set(['type', 'id', 'src', 'file', 'poster', 'captions', 'href', 'url', 'image', 'illustration', 'picture', 'language', 'jurisdiction', 'rating', 'action', 'correct', 'weight', 'attempts', 'passMark'])

/** Markdown reduced to its words: links to their text, marks and markers dropped, space collapsed. */
export function plainWords(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Words, not a setting: letters, and a space or a capital (`legal` and `first-steps` are settings and ids). */
function isWords(value: string): boolean {
  return /\p{L}/u.test(value) && /\s|\p{Lu}/u.test(value)
}

function firstWords(value: unknown): string {
  if (typeof value === 'string') return isWords(value) ? plainWords(value) : ''
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstWords(item)
      if (found) return found
    }
    return ''
  }
  if (typeof value === 'object' && value !== null) {
    for (const key of wordKeys(value)) {
      const found = firstWords((value as Record<string, unknown>)[key])
      if (found) return found
    }
  }
  return ''
}

/** Where a block's words start: its title, then its question or text, then its other keys alphabetically. Never the order the keys happen to be in, which differs between a block loaded and a block read back from JSON. */
const FIRST_KEYS = ['title', 'prompt', 'markdown', 'text', 'alt']

function wordKeys(value: object): string[] {
  const rank = (key: string) => (FIRST_KEYS.includes(key) ? FIRST_KEYS.indexOf(key) : FIRST_KEYS.length)
  return Object.keys(value)
    .filter((key) => !NOT_WORDS.has(key))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
}

/** The start of a block's words, cut at a word within QUOTE_LENGTH characters. */
export function blockQuote(block: object): string {
  const words = firstWords(block)
  if (words.length <= QUOTE_LENGTH) return words
  const cut = words.slice(0, QUOTE_LENGTH)
  const space = cut.lastIndexOf(' ')
  return `${(space > QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** The anchors of a page's blocks, in order: the blocks a learner sees (speaker notes left out by the caller). */
export function blockAnchors(blocks: readonly { type: string }[]): BlockAnchor[] {
  const seen = new Map<string, number>()
  return blocks.map((block) => {
    const own = 'id' in block && typeof block.id === 'string' ? block.id : undefined
    const count = (seen.get(block.type) ?? 0) + 1
    seen.set(block.type, count)
    return { id: own ?? `${block.type}.${count}`, type: block.type, quote: blockQuote(block) }
  })
}

/** What a comment says it points at. */
export interface CommentAnchor {
  blockId?: string | undefined
  quote?: { text: string; language: string } | undefined
}

export type AnchorPlace =
  /** On the page as a whole. */
  | { at: 'page' }
  /** On this block of the page now (its id may differ from the one the comment names, after an update). */
  | { at: 'block'; anchor: BlockAnchor }
  /** Its block is no longer on the page, or the page is no longer in the course. */
  | { at: 'gone' }

/**
 * Where a comment belongs in the course as it is now. `blocks` are the page's learner blocks in
 * `language`, or undefined when the page is gone. A block is found by its quote where the quote
 * was taken in the same language and still matches a block exactly (so a block moved by an
 * insertion is followed), otherwise by id (so a block whose words were edited keeps its
 * comments); with neither, the comment's block is gone.
 */
export function placeComment(blocks: readonly { type: string }[] | undefined, language: string, comment: CommentAnchor): AnchorPlace {
  if (!blocks) return { at: 'gone' }
  if (comment.blockId === undefined) return { at: 'page' }
  const anchors = blockAnchors(blocks)
  const byId = anchors.find((anchor) => anchor.id === comment.blockId)
  const quote = comment.quote?.language === language && comment.quote.text !== '' ? comment.quote.text : undefined
  if (quote !== undefined && byId?.quote !== quote) {
    const byQuote = anchors.find((anchor) => anchor.quote === quote)
    if (byQuote) return { at: 'block', anchor: byQuote }
  }
  return byId ? { at: 'block', anchor: byId } : { at: 'gone' }
}
