import { courseOverview } from '../../core/progress/overview'
import type { Handlers } from '../api-router'
import type { CourseCatalog } from '../course-catalog'
import type { LearnerStore } from '../learner-store'

/**
 * The active learner's progress. Recording applies the events once, in the learner store, and
 * answers with what the store then holds, so the UI shows what will be on disk; the learner's
 * own document is written within its debounce interval.
 */
export function progressHandlers(catalog: CourseCatalog, learners: LearnerStore): Pick<Handlers, 'progress.get' | 'progress.record' | 'progress.overview'> {
  return {
    'progress.get': async ({ courseId }) => learners.progress(await catalog.get(courseId)),
    'progress.record': async ({ courseId, events }) => learners.record(await catalog.get(courseId), events),
    'progress.overview': async () => Promise.all((await catalog.all()).map(async (course) => courseOverview(course, await learners.progress(course)))),
  }
}
