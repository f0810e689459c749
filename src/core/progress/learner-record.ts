import { z } from 'zod'
import { IdSchema } from '../course/ids'
import { CourseProgressSchema } from './schema'

export const LEARNER_RECORD_FORMAT = 'civic-learn-learner-record'
export const LEARNER_RECORD_VERSION = 1

/**
 * A learner's record as a file they can keep, move to another device, or show in a development
 * review: their name and their progress in every course, with a format name and version so an
 * import can tell what it is reading.
 */
export const LearnerRecordSchema = z
  .object({
    format: z.literal(LEARNER_RECORD_FORMAT),
    schemaVersion: z.literal(LEARNER_RECORD_VERSION),
    exportedAt: z.iso.datetime({ offset: true }),
    appVersion: z.string().max(40),
    /** `importedAt`: the learner's record came from another device, so a signature over this one says so too. */
    learner: z.object({ name: z.string().trim().min(1).max(80), importedAt: z.iso.datetime({ offset: true }).optional() }).strict(),
    progress: z.record(IdSchema, CourseProgressSchema),
    /** A council's signature over the rest of the record (its canonical JSON), when the app had a signing key. */
    signature: z.object({ algorithm: z.literal('ed25519'), key: z.string().max(40), value: z.string().max(200) }).strict().optional(),
  })
  .strict()
  .refine((record) => Object.entries(record.progress).every(([courseId, progress]) => progress.courseId === courseId), {
    message: 'each course’s progress must name the same course',
    path: ['progress'],
  })
export type LearnerRecord = z.infer<typeof LearnerRecordSchema>

/** Records are small; a larger file is not one, and is refused before it is parsed. */
export const MAX_RECORD_BYTES = 1024 * 1024

export type RecordReading = { ok: true; record: LearnerRecord } | { ok: false; reason: string }

/** Reads an untrusted file as a learner record, with a reason a learner can act on when it is not. */
export function readLearnerRecord(text: string): RecordReading {
  if (text.length > MAX_RECORD_BYTES) return { ok: false, reason: 'The file is too large to be a Civic Learn learner record.' }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'The file is not a Civic Learn learner record: it is not JSON.' }
  }
  const head = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}
  if (head.format !== LEARNER_RECORD_FORMAT) return { ok: false, reason: 'The file is not a Civic Learn learner record.' }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > LEARNER_RECORD_VERSION) {
    return { ok: false, reason: 'The record was made by a newer version of Civic Learn. Update Civic Learn, then import it again.' }
  }
  const parsed = LearnerRecordSchema.safeParse(data)
  if (parsed.success) return { ok: true, record: parsed.data }
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
    .join('; ')
  return { ok: false, reason: `The record is damaged or has been changed (${where}).` }
}
