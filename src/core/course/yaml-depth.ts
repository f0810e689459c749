import { CST, Lexer } from 'yaml'

/** A block collection that may still have items: the column its items start in, and whether they are "- " items. */
interface OpenCollection {
  column: number
  list: boolean
}

/** Tokens that leave a line as it was: a node's anchor or tag stands before the node itself. */
const TRANSPARENT = new Set(['space', 'comment', 'byte-order-mark', 'newline', 'anchor', 'tag'])

/** Indicators that start a block collection item, and after which the line may start another ("- - x", "? - x"). */
const ITEM = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind'])

/** Tokens that start a node that is not a block collection item: a scalar, an alias or a flow collection. */
const NODE = new Set(['scalar-text', 'alias', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'flow-map-start', 'flow-seq-start'])

/**
 * The offset in `text` where its YAML first nests more than `limit` lists and mappings deep, or
 * undefined when it never does.
 *
 * The yaml library nests one function call per level and builds its whole syntax tree before it
 * finds out it cannot: a megabyte of "[[[[" costs it seconds and a gigabyte of memory. Its lexer
 * has no nesting of its own and reads quotes, comments and block scalars exactly as its parser
 * will; this follows it and stops at the first place past the limit, so deep text costs no more
 * than a short one.
 *
 * The depth is every open [ or { plus the block collections open at that point, judged as the
 * parser judges them, by columns: a "- ", "? " or "key:" opens one in its column (unless one of
 * the same kind is open there already) and closes those further right; a list may share the
 * column of the key it is the value of. That is the depth of the value, or more for text the
 * parser would reject.
 */
export function findDeepNesting(text: string, limit: number): number | undefined {
  const open: OpenCollection[] = []
  let flow = 0
  // Levels of flow collections the lexer gave up on (bad indentation): still counted, to be safe.
  let abandoned = 0
  let offset = 0
  let lineStart = 0
  // Only indentation and item indicators so far on this line: a node here sits in the block structure.
  let atHead = true
  // Where the node that started this line after its indicators is, until a ":" makes it a key.
  let key: number | undefined
  let scalarText = false
  let blockScalar = false
  for (const token of new Lexer().lex(text, false)) {
    const start = offset
    // The lexer marks a scalar with a token of its own, then gives the text, which the token type
    // cannot classify (block scalar contents start with spaces, for example). Marks stand for no
    // text of the source.
    const type = scalarText ? 'scalar-text' : (CST.tokenType(token) ?? '')
    scalarText = token === CST.SCALAR
    if (scalarText || token === CST.DOCUMENT) continue
    if (token !== CST.FLOW_END) offset += token.length
    const column = start - lineStart
    // A block scalar's lines: text, however it looks.
    const blockContent = type === 'scalar-text' && blockScalar
    if (type === 'doc-start' || type === 'doc-end') {
      // Every document starts from nothing.
      open.length = 0
      flow = 0
      abandoned = 0
    } else if (type === 'flow-error-end') {
      abandoned += flow
      flow = 0
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      flow = Math.max(0, flow - 1)
    } else if (flow === 0 && atHead && ITEM.has(type)) {
      const list = type === 'seq-item-ind'
      open.splice(closedFrom(open, column, list))
      const top = open.at(-1)
      if (top?.column !== column || top.list !== list) open.push({ column, list })
      if (open.length + abandoned > limit) return start
    } else if (flow === 0 && atHead && NODE.has(type) && !blockContent) {
      open.splice(closedFrom(open, column, false))
      key = start
    } else if (flow === 0 && type === 'map-value-ind' && key !== undefined) {
      // The key and its ":" are on one line.
      const keyColumn = key - lineStart
      if (open.at(-1)?.column !== keyColumn) open.push({ column: keyColumn, list: false })
      if (open.length + abandoned > limit) return key
      key = undefined
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      flow++
      if (open.length + flow + abandoned > limit) return start
    }
    if (type === 'block-scalar-header') blockScalar = true
    else if (type === 'scalar-text') blockScalar = false
    const newline = token.lastIndexOf('\n')
    if (newline >= 0) lineStart = start + newline + 1
    // A token that ends a line (a line break, a block scalar's lines) starts the next one afresh.
    if (newline >= 0 && newline === token.length - 1) {
      atHead = true
      key = undefined
    } else if (!TRANSPARENT.has(type) && !blockContent && !(atHead && ITEM.has(type))) {
      atHead = false
    }
  }
  return undefined
}

/**
 * How many of the open collections stay open when a node starts at `column`: those further right
 * close, and so does a list in that very column unless the node is another of its items (a key
 * there belongs to the mapping the list is a value of).
 */
function closedFrom(open: readonly OpenCollection[], column: number, listItem: boolean): number {
  let kept = open.length
  while (kept > 0 && (open[kept - 1]?.column ?? -1) > column) kept--
  const top = open[kept - 1]
  if (top?.column === column && top.list && !listItem) kept--
  return kept
}
