import { emptyBlockStates } from '../course/blocks/tracked'
import { idRecord } from './id-record'
import type { CourseProgress } from './schema'

/** A learner's progress before they have done anything. Zod-free, so the SCORM player can use it too. */
export function emptyProgress(courseId: string, courseVersion: string): CourseProgress {
  return { courseId, courseVersion, pages: idRecord(), videos: idRecord(), quizzes: idRecord(), ...emptyBlockStates(), bookmarks: [], comments: [] }
}
