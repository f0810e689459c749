import { courseOverview } from '../../core/progress/overview'
import type { Handlers } from '../api-router'
import type { CourseCatalog } from '../course-catalog'
import type { LearnerStore } from '../learner-store'
import { Plausibility } from './plausibility'

/**
 * The active learner's progress. Recording checks the events against the host's clock
 * (plausibility.ts), applies them once in the learner store, and answers once they are on disk
 * with what the store then holds, so the UI shows what is saved.
 */
export function progressHandlers(
  catalog: CourseCatalog,
  learners: LearnerStore,
  plausibility = new Plausibility(),
): Pick<Handlers, 'progress.get' | 'progress.record' | 'progress.overview'> {
  return {
    'progress.get': async ({ courseId }) => learners.progress(await catalog.get(courseId)),
    'progress.record': async ({ courseId, events }) => {
      const course = await catalog.get(courseId)
      const judged = plausibility.judge(learners.activeProfile().id, courseId, await learners.progress(course), events)
      const stored = await learners.record(course, judged.events)
      judged.accept()
      return stored
    },
    'progress.overview': async () => Promise.all((await catalog.all()).map(async (course) => courseOverview(course, await learners.progress(course)))),
  }
}
