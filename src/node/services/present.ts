import { ApiError } from '../../core/api/errors'
import type { TrackingEvent } from '../../core/progress/schema'
import { indexCourse } from '../../core/progress/course-index'
import type { Handlers } from '../api-router'
import type { CourseCatalog } from '../course-catalog'
import type { LearnerStore } from '../learner-store'
import type { TrainerGate } from './trainer'

/**
 * What a trainer's presentation does to learners' records: the pages shown together count as
 * seen by each learner who attended. Changing other learners' records is the trainer's: the
 * trainer's PIN guards it where there is one, and a learner's own PIN where there is not.
 */
export function presentHandlers({ catalog, learners, trainer }: { catalog: CourseCatalog; learners: LearnerStore; trainer: TrainerGate }): Pick<Handlers, 'present.attendance'> {
  return {
    'present.attendance': async ({ courseId, pageIds, learnerIds }) => {
      const course = await catalog.get(courseId)
      const pages = [...new Set(pageIds)]
      const known = indexCourse(course).pageModule
      const unknownPage = pages.find((pageId) => !known.has(pageId))
      if (unknownPage !== undefined) throw new ApiError({ code: 'BAD_INPUT', message: `The course has no page "${unknownPage}".` })
      const ids = [...new Set(learnerIds)]
      // Every learner checked before anyone's record changes (all of them, or none): another
      // learner's record needs the trainer's PIN, or, without one, no PIN of their own.
      for (const id of ids) trainer.requireManage(id, 'change')
      const at = new Date().toISOString()
      const events: TrackingEvent[] = pages.map((pageId) => ({ type: 'page.viewed', at, pageId }))
      for (const id of ids) await learners.record(course, events, id)
      return { learners: ids.length, pages: pages.length }
    },
  }
}
