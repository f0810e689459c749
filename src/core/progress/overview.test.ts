import { describe, expect, it } from 'vitest'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import { quizzesCourse } from '../../../test/support/scorm-courses'
import { CourseOverviewSchema } from '../api/contract'
import { courseOverview, courseStanding, wholePercent } from './overview'
import { emptyProgress, type CourseProgress } from './schema'

const course = bundleOf([moduleOf('m1', [pageOf('p1'), pageOf('p2'), pageOf('p3')], { title: 'One' })], { minutes: 10, summary: 'Demo course' })

const seen = { viewedAt: '2026-11-20T10:00:00.000Z', seconds: 90 }

describe('courseOverview', () => {
  it('is the API’s overview line: the course status with when the learner started and completed', () => {
    const progress: CourseProgress = { ...emptyProgress('demo', '1.0.0'), pages: { p1: seen, p2: seen, p3: seen }, startedAt: '2026-11-20T10:00:00.000Z', completedAt: '2026-11-21T10:00:00.000Z' }
    const overview = courseOverview(course, progress)
    expect(overview).toEqual({ courseId: 'demo', progress: 1, complete: true, passed: null, score: null, quizzes: { total: 0, taken: 0, passed: 0, meanTaken: null }, secondsSpent: 270, startedAt: '2026-11-20T10:00:00.000Z', completedAt: '2026-11-21T10:00:00.000Z' })
    expect(CourseOverviewSchema.parse(overview)).toEqual(overview)
  })

  it('leaves out the dates the learner has not reached', () => {
    const overview = courseOverview(course, emptyProgress('demo', '1.0.0'))
    expect(overview).toEqual({ courseId: 'demo', progress: 0, complete: false, passed: null, score: null, quizzes: { total: 0, taken: 0, passed: 0, meanTaken: null }, secondsSpent: 0 })
    expect(CourseOverviewSchema.parse(overview)).toEqual(overview)
  })
})

describe('the quizzes as screens show them', () => {
  it('counts quizzes passed of all and averages only those taken: two of ten at 100% is not "20%"', () => {
    const course = quizzesCourse(10)
    const attempt = (score: number) => ({ seed: 1, startedAt: '2026-11-20T10:00:00.000Z', submittedAt: '2026-11-20T10:05:00.000Z', responses: {}, score, passed: score >= 80 })
    const progress: CourseProgress = { ...emptyProgress(course.id, course.version), startedAt: '2026-11-20T10:00:00.000Z', quizzes: { 'quiz-0': { attempts: [attempt(100)] }, 'quiz-1': { attempts: [attempt(40), attempt(100)] } } }
    const overview = courseOverview(course, progress)
    expect(overview.quizzes).toEqual({ total: 10, taken: 2, passed: 2, meanTaken: 100 })
    // The course score an LMS gets still counts untaken quizzes as 0, and the course is not passed.
    expect(overview.score).toBe(20)
    expect(overview.passed).toBe(false)
    const failedOne = courseOverview(course, { ...progress, quizzes: { ...progress.quizzes, 'quiz-2': { attempts: [attempt(50)] } } })
    expect(failedOne.quizzes).toEqual({ total: 10, taken: 3, passed: 2, meanTaken: 83 })
    expect(courseOverview(course, emptyProgress(course.id, course.version)).quizzes).toEqual({ total: 10, taken: 0, passed: 0, meanTaken: null })
  })
})

describe('courseStanding', () => {
  const started = '2026-11-20T10:00:00.000Z'

  it('is not started until the learner starts, whatever else is said', () => {
    expect(courseStanding({ complete: false, passed: null })).toBe('not-started')
    expect(courseStanding({ complete: true, passed: true })).toBe('not-started')
  })

  it('is passed once the score passes, completed once the rules are met, else in progress', () => {
    expect(courseStanding({ startedAt: started, complete: false, passed: false })).toBe('in-progress')
    expect(courseStanding({ startedAt: started, complete: false, passed: null })).toBe('in-progress')
    expect(courseStanding({ startedAt: started, complete: true, passed: null })).toBe('completed')
    expect(courseStanding({ startedAt: started, complete: true, passed: false })).toBe('completed')
    expect(courseStanding({ startedAt: started, complete: false, passed: true })).toBe('passed')
    expect(courseStanding({ startedAt: started, complete: true, passed: true })).toBe('passed')
  })
})

describe('wholePercent', () => {
  it('rounds a share to the nearest whole percent', () => {
    expect([0, 0.004, 0.4, 2 / 3, 0.999, 1].map(wholePercent)).toEqual([0, 0, 40, 67, 100, 100])
  })
})
