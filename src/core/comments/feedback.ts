import type { LocalizedCourse } from '../course/bundle'
import { learnerBlocks } from '../course/blocks/learner-blocks'
import { blockAnchors, placeComment } from './anchors'
import { COMMENT_KINDS, type CommentKind, type LearnerComment } from './comment'
import type { FeedbackSource } from './comment-file'

/** Who wrote a comment in a report: the name they chose to give, or a number for someone unnamed. */
export type FeedbackAuthor = { name: string } | { unnamed: number }

export interface FeedbackComment extends LearnerComment {
  courseId: string
  author: FeedbackAuthor
}

export interface MergedFeedback {
  comments: FeedbackComment[]
  /** Comments met again in another file (a learner's record and their comments file, or a file given twice): counted once. */
  duplicates: number
  /** How many authors the report shows: each name given, and each unnamed learner who has a comment in it. */
  authors: number
}

const lastChange = (comment: LearnerComment) => comment.updatedAt ?? comment.createdAt

/**
 * Every comment from many learners' files, each once: a comment is known by its course and its
 * id wherever it turns up, and its latest version is kept. A named file's comments carry the name
 * given; everyone unnamed is numbered in the order their files came, so a report can tell one
 * unnamed learner from another without saying who either is.
 */
export function mergeFeedback(sources: readonly FeedbackSource[]): MergedFeedback {
  const byKey = new Map<string, FeedbackComment>()
  let unnamed = 0
  let duplicates = 0
  for (const source of sources) {
    const author: FeedbackAuthor = source.author === null ? { unnamed: ++unnamed } : { name: source.author }
    for (const [courseId, comments] of Object.entries(source.courses)) {
      for (const comment of comments) {
        const key = JSON.stringify([courseId, comment.id])
        const known = byKey.get(key)
        if (known) {
          duplicates++
          // A named copy says who wrote it; otherwise the newer words win.
          const keepAuthor = 'name' in known.author || !('name' in author) ? known.author : author
          if (lastChange(comment) > lastChange(known)) byKey.set(key, { ...comment, courseId, author: keepAuthor })
          else byKey.set(key, { ...known, author: keepAuthor })
          continue
        }
        byKey.set(key, { ...comment, courseId, author })
      }
    }
  }
  const comments = [...byKey.values()]
  return { comments, duplicates, authors: new Set(comments.map((comment) => JSON.stringify(comment.author))).size }
}

export type KindCounts = Record<CommentKind, number>

export interface FeedbackPart {
  /** The block's anchor on the page as it is now; null for comments on the page as a whole, or whose block is gone. */
  blockId: string | null
  /** The block's words now, or what a comment whose block is gone quoted. */
  quote: string
  gone: boolean
  counts: KindCounts
  comments: FeedbackComment[]
}

export interface FeedbackPage {
  pageId: string
  /** Null where the course no longer has the page. */
  title: string | null
  moduleTitle: string | null
  parts: FeedbackPart[]
}

function countKinds(comments: readonly FeedbackComment[]): KindCounts {
  const counts = Object.fromEntries(COMMENT_KINDS.map((kind) => [kind, 0])) as KindCounts
  for (const comment of comments) counts[comment.kind]++
  return counts
}

/**
 * One course's comments by page and by part of the page, in the course's order: the page as a
 * whole first, then its blocks, then comments whose block is gone; pages the course no longer
 * has come last. `content` is the course in the language its quotes are compared in.
 */
export function feedbackByPage(content: LocalizedCourse, language: string, comments: readonly FeedbackComment[]): FeedbackPage[] {
  const pages = content.modules.flatMap((module) => module.pages.map((page) => ({ module, page })))
  const byPage = new Map<string, FeedbackComment[]>()
  for (const comment of comments) byPage.set(comment.pageId, [...(byPage.get(comment.pageId) ?? []), comment])
  const known = pages.flatMap(({ module, page }) => {
    const here = byPage.get(page.id)
    if (!here) return []
    const blocks = learnerBlocks(page.blocks)
    const anchors = blockAnchors(blocks)
    // Each part with its place: the page first, its blocks in order, then what is gone.
    const parts = new Map<string, { rank: number; part: FeedbackPart }>()
    const partFor = (key: string, rank: number, blockId: string | null, quote: string, gone: boolean): FeedbackPart => {
      const found = parts.get(key) ?? { rank, part: { blockId, quote, gone, counts: countKinds([]), comments: [] } }
      parts.set(key, found)
      return found.part
    }
    for (const comment of here) {
      const place = placeComment(blocks, language, comment)
      const part =
        place.at === 'page'
          ? partFor('page', -1, null, '', false)
          : place.at === 'block'
            ? partFor(`block ${place.anchor.id}`, anchors.findIndex((anchor) => anchor.id === place.anchor.id), place.anchor.id, place.anchor.quote, false)
            : partFor(`gone ${comment.quote?.text ?? ''}`, anchors.length, null, comment.quote?.text ?? '', true)
      part.comments.push(comment)
      part.counts[comment.kind]++
    }
    const ordered = [...parts.values()].sort((a, b) => a.rank - b.rank).map(({ part }) => part)
    return [{ pageId: page.id, title: page.title, moduleTitle: module.title, parts: ordered }]
  })
  const pageIds = new Set(pages.map(({ page }) => page.id))
  const lost = [...byPage.entries()]
    .filter(([pageId]) => !pageIds.has(pageId))
    .map(([pageId, here]): FeedbackPage => ({ pageId, title: null, moduleTitle: null, parts: [{ blockId: null, quote: '', gone: true, counts: countKinds(here), comments: here }] }))
  return [...known, ...lost]
}
