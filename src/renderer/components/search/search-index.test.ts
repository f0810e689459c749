import { describe, expect, it } from 'vitest'
import type { Block } from '../../../core/course/blocks'
import { courseWith } from '../block/block-testing'
import { markdownText } from '../../composables/markdown-engine'
import { blockText } from './block-text'
import { createSearchIndex, pageDocuments, searchIndex, snippet } from './search-index'

const blocks: Block[] = [
  { type: 'text', markdown: 'Residents often ask about **bin collections** on the ward’s Facebook group.' },
  { type: 'callout', kind: 'tip', markdown: 'Reply in the same café-style tone.' },
]
const welsh: Block[] = [{ type: 'text', markdown: 'Mae trigolion yn holi am gasgliadau biniau.' }]

function index(language = 'en') {
  return createSearchIndex(pageDocuments(courseWith(blocks, welsh), language))
}

describe('course search', () => {
  it('finds a page by its words, ignoring case and accents, with the matches marked in a snippet', () => {
    const [hit] = searchIndex(index(), 'CAFE')
    expect(hit?.document).toMatchObject({ courseId: 'demo', pageId: 'p', title: 'Page', courseTitle: 'Demo', moduleTitle: 'Module' })
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['café'])
  })

  it('matches a word still being typed and needs every word of the query', () => {
    expect(searchIndex(index(), 'bin coll')).toHaveLength(1)
    expect(searchIndex(index(), 'bin parking')).toHaveLength(0)
  })

  it('takes a quoted query as an exact phrase', () => {
    expect(searchIndex(index(), '"bin collections"')).toHaveLength(1)
    expect(searchIndex(index(), '"collections bin"')).toHaveLength(0)
  })

  it('searches the course in the learner’s language, falling back to the course language', () => {
    expect(searchIndex(index('cy'), 'biniau')).toHaveLength(1)
    expect(searchIndex(index('cy'), 'collections')).toHaveLength(0)
    expect(pageDocuments(courseWith(blocks), 'fr')[0]?.language).toBe('en')
  })
})

describe('snippet', () => {
  it('shows the text around the first match, on whole words, with ellipses where it was cut', () => {
    const text = `${'word '.repeat(40)}the needle is here ${'tail '.repeat(40)}`
    const parts = snippet(text, new Set(['needle']), 30)
    expect(parts[0]?.text.startsWith('… word')).toBe(true)
    expect(parts.at(-1)?.text.endsWith(' …')).toBe(true)
    expect(parts.filter((part) => part.match)).toEqual([{ text: 'needle', match: true }])
    expect(parts.map((part) => part.text).join('')).not.toMatch(/\b(wor|tai)\b/)
  })
})

describe('block text', () => {
  it('reads Markdown as plain words', () => {
    expect(markdownText('A **bold** [link](https://example.org) and `code`.\n\n- one\n- two')).toBe('A bold link and code . one two')
  })

  it('never gives away quiz answers or scenario consequences', () => {
    const scenario: Block = {
      type: 'scenario',
      id: 's',
      title: 'A rumour',
      start: 'a',
      steps: [{ id: 'a', text: 'A post.', choices: [{ id: 'a', text: 'Share it.', feedback: 'Secret consequence.' }] }],
    }
    expect(blockText(scenario).join(' ')).toBe('A rumour A post. Share it.')
    const quiz: Block = { type: 'quiz', id: 'q', bank: 'b', draw: 1, passMark: 50, shuffle: false, title: 'Check', intro: 'Try it.', questions: [] }
    expect(blockText(quiz)).toEqual(['Check', 'Try it.'])
  })
})
