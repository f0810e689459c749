import { z } from 'zod'
import { IdSchema } from '../course/ids'
import { LEARNER_RECORD_FORMAT, MAX_RECORD_BYTES, readLearnerRecord } from '../progress/learner-record'
import { MAX_COMMENTS, type LearnerComment } from './comment'
import { CommentSchema } from './schema'

export const COMMENT_FILE_FORMAT = 'civic-learn-comments'
export const COMMENT_FILE_VERSION = 1

/**
 * A learner's comments as a file they share with a trainer or the course's author: every course
 * they commented on, and their name only when they chose to be named (`author` null otherwise).
 */
export const CommentFileSchema = z
  .object({
    format: z.literal(COMMENT_FILE_FORMAT),
    schemaVersion: z.literal(COMMENT_FILE_VERSION),
    exportedAt: z.iso.datetime({ offset: true }),
    appVersion: z.string().max(40),
    author: z.object({ name: z.string().trim().min(1).max(80) }).strict().nullable(),
    courses: z.record(IdSchema, z.object({ courseVersion: z.string().max(40), comments: z.array(CommentSchema).max(MAX_COMMENTS) }).strict()),
  })
  .strict()
export type CommentFile = z.infer<typeof CommentFileSchema>

/** What a file brings to a feedback report: whose comments (a name, or null for someone unnamed) on which courses. */
export interface FeedbackSource {
  author: string | null
  courses: Record<string, LearnerComment[]>
}

export type FeedbackReading = { ok: true; source: FeedbackSource } | { ok: false; reason: string }

/**
 * Reads an untrusted file for a feedback report: a comments file, or a whole learner record.
 * A record names its learner, but the learner never chose to be named in a report: its comments
 * count as someone unnamed.
 */
export function readFeedbackFile(text: string): FeedbackReading {
  if (text.length > MAX_RECORD_BYTES) return { ok: false, reason: 'The file is too large to be a Civic Learn comments file or learner record.' }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'The file is not a Civic Learn comments file or learner record: it is not JSON.' }
  }
  const format = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).format : undefined
  if (format === LEARNER_RECORD_FORMAT) {
    const reading = readLearnerRecord(text)
    if (!reading.ok) return reading
    return { ok: true, source: { author: null, courses: Object.fromEntries(Object.entries(reading.record.progress).map(([courseId, progress]) => [courseId, progress.comments])) } }
  }
  if (format !== COMMENT_FILE_FORMAT) return { ok: false, reason: 'The file is not a Civic Learn comments file or learner record.' }
  const version = (data as Record<string, unknown>).schemaVersion
  if (typeof version === 'number' && version > COMMENT_FILE_VERSION) return { ok: false, reason: 'The file was made by a newer version of Civic Learn. Update Civic Learn, then try again.' }
  const parsed = CommentFileSchema.safeParse(data)
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
      .join('; ')
    return { ok: false, reason: `The comments file is damaged or has been changed (${where}).` }
  }
  return { ok: true, source: { author: parsed.data.author?.name ?? null, courses: Object.fromEntries(Object.entries(parsed.data.courses).map(([courseId, entry]) => [courseId, entry.comments])) } }
}
