import { describe, expect, it } from 'vitest'
import { blockAnchors, blockQuote, placeComment, plainWords, QUOTE_LENGTH } from './anchors'

const text = (markdown: string) => ({ type: 'text', markdown })
const page = [
  text('Residents **ask** about [bins](https://example.org/bins) every week.'),
  { type: 'callout', kind: 'legal', jurisdiction: ['england'], markdown: 'Purdah is not a legal term.' },
  text('A second paragraph.'),
  { type: 'quiz', id: 'check-in', questions: [{ id: 'q1', prompt: 'Which is right?' }] },
  { type: 'image', src: 'media/town.png', alt: 'A town hall at dusk' },
]

describe('block anchors', () => {
  it('names blocks by their own id, or by type and place among blocks of that type', () => {
    expect(blockAnchors(page).map((anchor) => anchor.id)).toEqual(['text.1', 'callout.1', 'text.2', 'check-in', 'image.1'])
  })

  it('quotes the start of each block’s words, without Markdown, links, paths or settings', () => {
    expect(blockAnchors(page).map((anchor) => anchor.quote)).toEqual([
      'Residents ask about bins every week.',
      'Purdah is not a legal term.',
      'A second paragraph.',
      'Which is right?',
      'A town hall at dusk',
    ])
    expect(plainWords('## A heading\n\n- one\n- *two*')).toBe('A heading one two')
  })

  it('cuts a long quote at a word and marks the cut', () => {
    const quote = blockQuote(text(`${'word '.repeat(60)}end`))
    expect(quote.length).toBeLessThanOrEqual(QUOTE_LENGTH + 1)
    expect(quote).toMatch(/word…$/)
  })
})

describe('placing a comment in the course as it is now', () => {
  const quoteOf = (index: number) => ({ text: blockAnchors(page)[index]!.quote, language: 'en' })

  it('finds its block by id when nothing changed, and a page comment on its page', () => {
    expect(placeComment(page, 'en', { blockId: 'text.2', quote: quoteOf(2) })).toEqual({ at: 'block', anchor: blockAnchors(page)[2] })
    expect(placeComment(page, 'en', {})).toEqual({ at: 'page' })
  })

  it('follows its block when an update puts another block of the same type before it', () => {
    const updated = [text('A new opening paragraph.'), ...page]
    const place = placeComment(updated, 'en', { blockId: 'text.2', quote: quoteOf(2) })
    expect(place).toMatchObject({ at: 'block', anchor: { id: 'text.3', quote: 'A second paragraph.' } })
  })

  it('stays with its block by id when the block’s words were edited', () => {
    const updated = page.map((block, index) => (index === 2 ? text('A second paragraph, corrected.') : block))
    expect(placeComment(updated, 'en', { blockId: 'text.2', quote: quoteOf(2) })).toMatchObject({ at: 'block', anchor: { id: 'text.2' } })
  })

  it('goes by id alone when the quote was taken in another language', () => {
    const welsh = [text('Mae trigolion yn holi.'), page[1]!, text('Ail baragraff.')]
    expect(placeComment(welsh, 'cy', { blockId: 'text.2', quote: quoteOf(2) })).toMatchObject({ at: 'block', anchor: { id: 'text.2', quote: 'Ail baragraff.' } })
  })

  it('is gone when its block or its page is', () => {
    expect(placeComment(page.slice(0, 2), 'en', { blockId: 'text.2', quote: quoteOf(2) })).toEqual({ at: 'gone' })
    expect(placeComment(undefined, 'en', {})).toEqual({ at: 'gone' })
  })
})

describe('a quote', () => {
  it('is the same whatever order the block’s keys come in', () => {
    const callout = { type: 'callout', kind: 'tip', title: 'A tip', markdown: 'Tips are short.' }
    const reordered = { markdown: 'Tips are short.', kind: 'tip', type: 'callout', title: 'A tip' }
    expect(blockQuote(callout)).toBe('A tip')
    expect(blockQuote(reordered)).toBe('A tip')
  })
})
