import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppBranding, CourseSummary } from '../../core/api'
import type { CourseBundle } from '../../core/course/bundle'
import { CourseCatalog } from '../course-catalog'
import * as loader from '../course-loader'
import { courseHandlers, openCourses } from './courses'
import { call, openWorld, routerFor, type ServiceWorld } from './service-testing'

let world: ServiceWorld
const router = routerFor(() => courseHandlers(world.courses))

beforeEach(async () => {
  world = await openWorld()
})

afterEach(async () => {
  await world.remove()
})

describe('courses', () => {
  it('start loading as the services open, so the first listing finds them loaded or shares the loading', async () => {
    await world.courses.catalog.list()
    const reads = vi.fn(loader.loadCourseFolderFiles)
    const listings = vi.spyOn(CourseCatalog.prototype, 'list')
    const courses = await openCourses(world.coursesDir, undefined, console, reads)
    // A listing has started before anything asked, and a listing now joins it rather than reading again.
    expect(listings).toHaveBeenCalledOnce()
    listings.mockRestore()
    await courses.catalog.list()
    await courses.catalog.list()
    expect(reads).toHaveBeenCalledTimes(2)
  })

  it('opens a course by id, and answers NOT_FOUND for one that does not exist', async () => {
    const bundle = await call<CourseBundle>(router, 'course.get', { courseId: 'every-block' })
    expect(bundle.id).toBe('every-block')
    expect(bundle.languages).toEqual(['en', 'cy'])
    await expect(router('course.get', { courseId: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('lists the courses in the folder, and is unbranded without an overlay', async () => {
    const summaries = await call<CourseSummary[]>(router, 'course.list')
    expect(summaries.map((summary) => (summary.status === 'ready' ? summary.id : summary.folder))).toEqual(['every-block', 'minimal'])
    await expect(call<AppBranding>(router, 'branding.get')).resolves.toEqual({ branding: null, problem: null })
  })
})
