import MiniSearch, { type SearchResult } from 'minisearch'
import type { CourseBundle } from '../../../core/course/bundle'
import { blockText } from './block-text'

export interface SearchDocument {
  id: string
  courseId: string
  pageId: string
  courseTitle: string
  moduleTitle: string
  title: string
  text: string
  language: string
}

/** One piece of a snippet: plain text, or words that matched the search. */
export interface SnippetPart {
  text: string
  match: boolean
}

export interface SearchHit {
  document: SearchDocument
  snippet: SnippetPart[]
}

/** Case and accents are ignored, so "ysgol" finds "ysgôl" and "Cafe" finds "café". */
export function normalizeTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** One document per page, in the language the learner reads the course in. */
export function pageDocuments(course: CourseBundle, language: string): SearchDocument[] {
  const contentLanguage = course.content[language] ? language : course.language
  const content = course.content[contentLanguage]
  if (!content) return []
  return content.modules.flatMap((module) =>
    module.pages.map((page) => ({
      id: `${course.id}/${page.id}`,
      courseId: course.id,
      pageId: page.id,
      courseTitle: content.title,
      moduleTitle: module.title,
      title: page.title,
      text: page.blocks.flatMap(blockText).filter((part) => part !== '').join(' '),
      language: contentLanguage,
    })),
  )
}

export type CourseSearchIndex = MiniSearch<SearchDocument>

export function createSearchIndex(documents: readonly SearchDocument[]): CourseSearchIndex {
  const index = new MiniSearch<SearchDocument>({
    fields: ['title', 'moduleTitle', 'text'],
    storeFields: ['courseId', 'pageId', 'courseTitle', 'moduleTitle', 'title', 'text', 'language'],
    processTerm: (term) => normalizeTerm(term),
    searchOptions: {
      boost: { title: 3, moduleTitle: 1.5 },
      combineWith: 'AND',
      // The last word may still be being typed; longer words forgive a typo.
      prefix: (_term, index, terms) => index === terms.length - 1,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
    },
  })
  index.addAll([...documents])
  return index
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu
const SNIPPET_RADIUS = 90

/**
 * The part of a text around its first matching word, split into plain and matching parts so the
 * page can mark the matches as text (never as HTML).
 */
export function snippet(text: string, terms: ReadonlySet<string>, radius = SNIPPET_RADIUS): SnippetPart[] {
  const words = [...text.matchAll(WORD)].map((match) => ({ start: match.index, end: match.index + match[0].length, match: terms.has(normalizeTerm(match[0])) }))
  const first = words.find((word) => word.match)
  const centre = first?.start ?? 0
  let from = Math.max(0, centre - radius)
  let to = Math.min(text.length, centre + radius)
  // Start and end on whole words.
  from = words.find((word) => word.end > from)?.start ?? from
  to = [...words].reverse().find((word) => word.start < to)?.end ?? to
  const parts: SnippetPart[] = []
  const push = (part: string, match: boolean) => {
    if (part === '') return
    const last = parts.at(-1)
    if (last && last.match === match) last.text += part
    else parts.push({ text: part, match })
  }
  if (from > 0) push('… ', false)
  let at = from
  for (const word of words) {
    if (!word.match || word.start < from || word.end > to) continue
    push(text.slice(at, word.start), false)
    push(text.slice(word.start, word.end), true)
    at = word.end
  }
  push(text.slice(at, to), false)
  if (to < text.length) push(' …', false)
  return parts
}

/** A query in double quotes must appear as that exact phrase. */
function phraseOf(query: string): string | null {
  const match = /^\s*["“](.+)["”]\s*$/.exec(query)
  return match?.[1] ? normalizeTerm(match[1]).replace(/\s+/g, ' ') : null
}

export function searchIndex(index: CourseSearchIndex, query: string, limit = 30): SearchHit[] {
  const phrase = phraseOf(query)
  const results: SearchResult[] = index.search(phrase ?? query)
  return results
    .filter((result) => phrase === null || normalizeTerm(String(result.text)).replace(/\s+/g, ' ').includes(phrase) || normalizeTerm(String(result.title)).includes(phrase))
    .slice(0, limit)
    .map((result) => {
      const document = {
        id: result.id as string,
        courseId: result.courseId as string,
        pageId: result.pageId as string,
        courseTitle: result.courseTitle as string,
        moduleTitle: result.moduleTitle as string,
        title: result.title as string,
        text: result.text as string,
        language: result.language as string,
      }
      return { document, snippet: snippet(document.text, new Set(result.terms.map(normalizeTerm))) }
    })
}
