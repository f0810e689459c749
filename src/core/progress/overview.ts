import type { CourseOverview } from '../api/contract'
import type { CourseBundle } from '../course/bundle'
import { courseStatus, type ModuleStatus } from './completion'
import type { CourseProgress } from './schema'

/**
 * One course's line in the learner's overview (`progress.overview`): its status by the completion
 * rules, and when the learner started and completed it.
 */
export function courseOverview(course: CourseBundle, progress: CourseProgress): CourseOverview {
  const status = courseStatus(course, progress)
  return {
    courseId: course.id,
    progress: status.progress,
    complete: status.complete,
    passed: status.passed,
    score: status.score,
    quizzes: status.quizzes,
    secondsSpent: status.secondsSpent,
    ...(progress.startedAt === undefined ? {} : { startedAt: progress.startedAt }),
    ...(progress.completedAt === undefined ? {} : { completedAt: progress.completedAt }),
  }
}

/**
 * Where the learner stands in a course, in the words of a module's status: not started until they
 * start it, passed once its score passes (before every page is seen, if the quizzes come first),
 * completed once its rules are met, in progress until then.
 */
export function courseStanding(overview: Pick<CourseOverview, 'startedAt' | 'complete' | 'passed'>): ModuleStatus {
  if (!overview.startedAt) return 'not-started'
  if (overview.passed) return 'passed'
  if (overview.complete) return 'completed'
  return 'in-progress'
}

/** A share done (0–1) as the whole percentage every screen and record shows. */
export function wholePercent(share: number): number {
  return Math.round(share * 100)
}
