import { randomBytes } from 'node:crypto'
import type { CourseProgress } from '../../core/progress/schema'
import { courseOverview } from '../../core/progress/overview'
import type { Handlers } from '../api-router'
import type { CourseCatalog } from '../course-catalog'
import type { LearnerStore } from '../learner-store'
import { Plausibility } from './plausibility'

/**
 * Names for the states of progress the store holds. The store never changes a progress object in
 * place (the reducer makes a new one), so an object's name stands for its whole content; names
 * start with a token new to this host process, so a name from before a restart never matches.
 */
export class Revisions {
  private readonly names = new WeakMap<CourseProgress, string>()
  private readonly epoch = randomBytes(6).toString('base64url')
  private count = 0

  of(progress: CourseProgress): string {
    let name = this.names.get(progress)
    if (name === undefined) {
      name = `${this.epoch}.${++this.count}`
      this.names.set(progress, name)
    }
    return name
  }

  known(progress: CourseProgress): string | undefined {
    return this.names.get(progress)
  }
}

/**
 * The active learner's progress. Recording checks the events against the host's clock
 * (plausibility.ts), applies them once in the learner store, and answers once they are on disk
 * with what the store then holds, so the UI shows what is saved; or, when the client's own result
 * is that (it names the revision it applied them to, and the host took every event as sent), with
 * only the new revision's name.
 */
export function progressHandlers(
  catalog: CourseCatalog,
  learners: LearnerStore,
  plausibility = new Plausibility(),
  revisions = new Revisions(),
): Pick<Handlers, 'progress.get' | 'progress.record' | 'progress.overview'> {
  return {
    'progress.get': async ({ courseId }) => learners.progress(await catalog.get(courseId)),
    'progress.record': async ({ courseId, events, since }) => {
      const course = await catalog.get(courseId)
      const judged = plausibility.judge(learners.activeProfile().id, courseId, await learners.progress(course), events)
      const { appliedTo, progress } = await learners.record(course, judged.events)
      judged.accept()
      // The client applied the same events to the same progress with the same reducer.
      const same = since !== undefined && revisions.known(appliedTo) === since && judged.events.length === events.length && judged.events.every((event, index) => event === events[index])
      return same ? { revision: revisions.of(progress) } : { revision: revisions.of(progress), progress }
    },
    'progress.overview': async () => Promise.all((await catalog.all()).map(async (course) => courseOverview(course, await learners.progress(course)))),
  }
}
