import { blockAnchors } from '../core/comments/anchors'
import { MAX_COMMENTS, type LearnerComment } from '../core/comments/comment'
import { learnerBlocks } from '../core/course/blocks/learner-blocks'
import type { CourseBundle } from '../core/course/bundle'
import type { CommentRefusal } from '../core/api/contract'
import { CMI } from '../core/scorm/cmi'
import { comment2004Writes, comments12Value, deleted2004Write, fits12, read12Comments, read2004Comment, type LmsComment } from '../core/scorm/comments'
import { beaconCost } from '../core/scorm/moodle-model'
import { locatePage } from '../renderer/components/player/player-navigation'
import type { ScormSession } from './scorm-runtime'

/**
 * The most the comments may add to a request, as a beacon carries it (moodle-model.ts): Moodle's
 * 2004 runtime sends every comment with each commit, the last one by beacon, which Chromium
 * refuses past 64 KiB. Beside the interactions journal's own room (JOURNAL_BUDGET_BYTES), so that
 * neither crowds out the other, the last request stays under half that limit: room for six
 * comments of the longest, or some fifty of a few lines.
 */
export const COMMENTS_BUDGET_BYTES = 16 * 1024

/**
 * The learner's comments in the LMS (src/core/scorm/comments.ts): read at launch, so they show
 * again, and written as the learner saves, edits and deletes them. A change the LMS has no room
 * for or refuses is not made: the learner's words stay in their form and they are told why.
 */
export class LmsComments {
  /** 2004: the entry of each comment, by id; entries are never reused. */
  private readonly entries = new Map<string, number>()
  private nextEntry = 0
  /** 1.2: what cmi.comments held that this package did not write, kept in front of its own. */
  private foreign = ''
  /** The LMS could not say what it holds: writing would lose what is there. */
  private unavailable = false
  /** What the comments the LMS holds add to each of its requests (2004). */
  private requestBytes = 0

  constructor(
    private readonly session: ScormSession,
    private readonly course: CourseBundle,
  ) {}

  /** Whether the LMS keeps comments at all (known once they are loaded). */
  get available(): boolean {
    return !this.unavailable
  }

  /** The comments the LMS holds for this course, oldest first. */
  load(): LearnerComment[] {
    const read = this.session.version === 'scorm12' ? this.read12() : this.read2004()
    return read.slice(0, MAX_COMMENTS).map(({ comment, id }) => this.withQuote(comment, id))
  }

  private read12(): { comment: LmsComment; id: string }[] {
    const value = this.session.get(CMI.scorm12.comments)
    if (value === null) {
      this.unavailable = true
      return []
    }
    const { foreign, comments } = read12Comments(value)
    this.foreign = foreign
    return comments.map((comment, index) => ({ comment, id: `lms-${index}` }))
  }

  private read2004(): { comment: LmsComment; id: string }[] {
    const base = CMI.scorm2004.comments
    const count = Number(this.session.get(`${base}._count`) ?? Number.NaN)
    if (!Number.isInteger(count) || count < 0) {
      this.unavailable = true
      return []
    }
    this.nextEntry = count
    const found: { comment: LmsComment; id: string }[] = []
    for (let index = 0; index < count; index++) {
      const entry = { comment: '', location: '', timestamp: '' }
      for (const field of ['comment', 'location', 'timestamp'] as const) entry[field] = this.session.get(`${base}.${index}.${field}`) ?? ''
      // Every entry the LMS holds goes with each of its requests, this package's or not.
      this.requestBytes += beaconCost(Object.entries(entry).map(([field, value]) => ({ element: `${base}.${index}.${field}`, value })))
      const comment = read2004Comment(entry)
      if (!comment) continue
      const id = `lms-${index}`
      this.entries.set(id, index)
      found.push({ comment, id })
    }
    return found
  }

  /** A comment read back, with the quote of its block as the course is now (in its own language), so it follows the block as the app's do. */
  private withQuote(comment: LmsComment, id: string): LearnerComment {
    const page = locatePage(this.course.content[this.course.language] ?? null, comment.pageId)?.page
    const quote = comment.blockId && page ? blockAnchors(learnerBlocks(page.blocks)).find((anchor) => anchor.id === comment.blockId)?.quote : undefined
    return { id, ...comment, ...(quote ? { quote: { text: quote, language: this.course.language } } : {}) }
  }

  /**
   * Sends the change from `before` to `after` to the LMS. Returns the comments as they now are
   * (a change the LMS did not take is undone) and why one was not taken.
   */
  send(before: readonly LearnerComment[], after: readonly LearnerComment[]): { comments: LearnerComment[]; refused: CommentRefusal | null } {
    const kept = new Map(after.map((comment) => [comment.id, comment]))
    const changed = after.filter((comment) => !before.includes(comment))
    const removed = before.filter((comment) => !kept.has(comment.id))
    if (changed.length === 0 && removed.length === 0) return { comments: [...after], refused: null }
    if (this.unavailable || !this.session.open) return { comments: [...before], refused: 'comment-failed' }
    return this.session.version === 'scorm12' ? this.send12(before, after) : this.send2004(before, after, changed, removed)
  }

  private send12(before: readonly LearnerComment[], after: readonly LearnerComment[]): { comments: LearnerComment[]; refused: CommentRefusal | null } {
    if (!fits12(this.foreign, after)) return { comments: [...before], refused: 'comment-room' }
    if (!this.session.set(CMI.scorm12.comments, comments12Value(this.foreign, after))) return { comments: [...before], refused: 'comment-failed' }
    return { comments: [...after], refused: null }
  }

  private send2004(
    before: readonly LearnerComment[],
    after: readonly LearnerComment[],
    changed: readonly LearnerComment[],
    removed: readonly LearnerComment[],
  ): { comments: LearnerComment[]; refused: CommentRefusal | null } {
    let refused: CommentRefusal | null = null
    const undone = new Set<string>()
    for (const comment of removed) {
      const index = this.entries.get(comment.id)
      if (index === undefined) continue
      // The entry stays, without its words: the room its words took is free again.
      if (this.session.set(deleted2004Write(index).element, '')) this.requestBytes -= beaconCost([comment2004Writes(index, comment)[0]!]) - beaconCost([deleted2004Write(index)])
    }
    for (const comment of changed) {
      const index = this.entries.get(comment.id) ?? this.nextEntry
      const writes = comment2004Writes(index, comment)
      const previous = before.find((candidate) => candidate.id === comment.id)
      const cost = beaconCost(writes) - (previous && this.entries.has(comment.id) ? beaconCost(comment2004Writes(index, previous)) : 0)
      if (this.requestBytes + cost > COMMENTS_BUDGET_BYTES) {
        refused = 'comment-room'
        undone.add(comment.id)
        continue
      }
      // The words first: an entry whose words did not go is not one, and is left for the next comment.
      if (!writes.every(({ element, value }) => this.session.set(element, value))) {
        refused ??= 'comment-failed'
        undone.add(comment.id)
        continue
      }
      this.requestBytes += cost
      if (!this.entries.has(comment.id)) {
        this.entries.set(comment.id, index)
        this.nextEntry = index + 1
      }
    }
    if (undone.size === 0) return { comments: [...after], refused }
    const earlier = new Map(before.map((comment) => [comment.id, comment]))
    const comments = after.flatMap((comment) => (undone.has(comment.id) ? (earlier.has(comment.id) ? [earlier.get(comment.id)!] : []) : [comment]))
    return { comments, refused }
  }
}
