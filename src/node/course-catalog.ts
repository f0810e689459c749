import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { CourseSummary } from '../core/api'
import { ApiError } from '../core/api/errors'
import type { CourseBundle } from '../core/course/bundle'
import { courseSummary } from '../core/course/summary'
import { loadCourseFolder } from './course-loader'

type Loaded = { summary: CourseSummary; bundle?: CourseBundle }

/** Turns a loaded course into the one the app shows (the branding overlay); throws to mark it unavailable. */
export type CoursePresenter = (bundle: CourseBundle) => CourseBundle

async function loadFolder(coursesDir: string, folder: string, present: CoursePresenter): Promise<Loaded> {
  let result
  try {
    result = await loadCourseFolder(path.join(coursesDir, folder))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    return { summary: { status: 'unavailable', folder, problems: [{ file: folder, line: 1, column: 1, severity: 'error', message: `The course folder could not be read (${code}).` }] } }
  }
  const { bundle: loaded, problems } = result
  if (!loaded) {
    return { summary: { status: 'unavailable', folder, problems: problems.map((problem) => ({ ...problem, file: `${folder}/${problem.file}` })) } }
  }
  let bundle: CourseBundle
  try {
    bundle = present(loaded)
  } catch (error) {
    return { summary: { status: 'unavailable', folder, problems: [{ file: folder, line: 1, column: 1, severity: 'error', message: (error as Error).message }] } }
  }
  return {
    summary: courseSummary(bundle),
    bundle,
  }
}

/**
 * The courses in the courses folder, each in a folder named by its id (so `/courses/<id>/…` finds
 * its media). Listing reads every folder afresh (authors edit courses while the app runs) and
 * keeps the loaded bundles for opening them; a broken course never hides the rest.
 */
export class CourseCatalog {
  private bundles = new Map<string, CourseBundle>()

  constructor(
    private readonly coursesDir: string,
    private readonly present: CoursePresenter = (bundle) => bundle,
  ) {}

  async list(): Promise<CourseSummary[]> {
    let entries
    try {
      entries = await readdir(this.coursesDir, { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const folders = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort()
    const loaded = await Promise.all(folders.map((folder) => loadFolder(this.coursesDir, folder, this.present)))
    const bundles = new Map<string, CourseBundle>()
    const summaries = loaded.map(({ summary, bundle }, index): CourseSummary => {
      if (!bundle) return summary
      const folder = folders[index] ?? ''
      if (bundle.id !== folder) {
        const message = `The course folder is named "${folder}" but the course id is "${bundle.id}".`
        const hint = `Rename the folder to "${bundle.id}": the app finds a course and its media by its id.`
        return { status: 'unavailable', folder, problems: [{ file: `${folder}/course.yaml`, line: 1, column: 1, severity: 'error', message, hint }] }
      }
      bundles.set(bundle.id, bundle)
      return summary
    })
    this.bundles = bundles
    return summaries
  }

  /** The loaded course with this id; unknown or broken courses are a typed NOT_FOUND. */
  async get(courseId: string): Promise<CourseBundle> {
    if (!this.bundles.has(courseId)) await this.list()
    const bundle = this.bundles.get(courseId)
    if (!bundle) throw new ApiError({ code: 'NOT_FOUND', message: `There is no course "${courseId}" that can be opened.` })
    return bundle
  }

  /** Every course that loads, for overviews. */
  async all(): Promise<CourseBundle[]> {
    if (this.bundles.size === 0) await this.list()
    return [...this.bundles.values()]
  }
}

/** Every course folder under the courses directory, in name order. */
export function listCourses(coursesDir: string): Promise<CourseSummary[]> {
  return new CourseCatalog(coursesDir).list()
}
