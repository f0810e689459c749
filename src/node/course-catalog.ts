import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { CourseSummary } from '../core/api'
import { ApiError } from '../core/api/errors'
import type { CourseBundle } from '../core/course/bundle'
import { courseSummary } from '../core/course/summary'
import type { BrandingOverlay } from '../core/branding'
import { brandCourse, courseOverlay } from './branding'
import { courseFolderStamp, loadCourseFolderFiles } from './course-loader'
import type { FolderLoader } from './course-loader-worker'
import { referencedFiles } from './export/scorm-export'

/** A course as the catalogue loaded it: what the app shows, and what an export from the app needs. */
export interface CatalogCourse {
  /** The course as the app shows it: branded by the overlay, when there is one. */
  bundle: CourseBundle
  /** The course folder and every file the loader found in it, for the media an export takes. */
  dir: string
  files: readonly string[]
  /** The course's share of the overlay (only the hidden modules it has), when there is an overlay. */
  overlay?: BrandingOverlay
  /** The module the overlay's policy page became, when it has one. */
  policyModuleId?: string
}

/**
 * `hides`: the overlay's hidden modules the course has, even when hiding them leaves it nothing to show.
 * `referenced`: the files of the folder the course as shown names, which the hosts may serve.
 */
type Loaded = { summary: CourseSummary; course?: CatalogCourse; hides?: readonly string[]; referenced?: ReadonlySet<string>; loaderStopped?: true }

function unavailable(folder: string, message: string): Loaded {
  return { summary: { status: 'unavailable', folder, problems: [{ file: folder, line: 1, column: 1, severity: 'error', message }] } }
}

async function loadFolder(coursesDir: string, folder: string, overlay: BrandingOverlay | undefined, load: FolderLoader): Promise<Loaded> {
  const dir = path.join(coursesDir, folder)
  let read
  try {
    read = await load(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    if (code === 'LOADER_STOPPED') {
      return { ...unavailable(folder, `The course could not be loaded: ${(error as Error).message} A file in it may be far too large or deeply nested; check it with civic-learn validate.`), loaderStopped: true }
    }
    return unavailable(folder, `The course folder could not be read (${code}).`)
  }
  const { bundle: loaded, problems } = read.result
  if (!loaded) {
    return { summary: { status: 'unavailable', folder, problems: problems.map((problem) => ({ ...problem, file: `${folder}/${problem.file}` })) } }
  }
  const course: CatalogCourse = { bundle: loaded, dir, files: read.files }
  if (overlay) {
    const own = courseOverlay(loaded, overlay)
    try {
      course.bundle = brandCourse(loaded, own)
    } catch (error) {
      return { ...unavailable(folder, (error as Error).message), hides: own.hideModules }
    }
    course.overlay = own
    const policyModuleId = own.policyPage ? course.bundle.content[course.bundle.language]?.modules.at(-1)?.id : undefined
    if (policyModuleId !== undefined) course.policyModuleId = policyModuleId
  }
  // Worked out once per load, the way a SCORM package chooses its media, so serving a file is one lookup.
  const referenced = new Set(referencedFiles(course.bundle, course.files))
  return { summary: courseSummary(course.bundle), course, hides: course.overlay?.hideModules ?? [], referenced }
}

/**
 * The courses in the courses folder, each in a folder named by its id (so `/courses/<id>/…` finds
 * its media), branded by the overlay when there is one; a broken course never hides the rest.
 * Each course is loaded once and kept with its folder's stamp (`courseFolderStamp`: its files'
 * sizes and times). Listing stats every folder again, which costs far less than loading, and
 * loads again only a course whose files changed, so authors still see their edits while the app
 * runs. One listing is in flight at a time: calls made meanwhile share it.
 */
export class CourseCatalog {
  private courses = new Map<string, CatalogCourse>()
  /** By folder, for the courses that load: the files each names. */
  private referenced = new Map<string, ReadonlySet<string>>()
  private hidden = new Set<string>()
  private loaded = new Map<string, { stamp: string; folder: Loaded }>()
  private listing: Promise<CourseSummary[]> | null = null
  /** Courses loaded again one at a time, after the loader's thread stopped. */
  private alone: Promise<void> = Promise.resolve()

  constructor(
    private readonly coursesDir: string,
    private readonly overlay?: BrandingOverlay,
    /** Where courses are read and checked: this thread by default, the loader's own thread in the hosts. */
    private readonly load: FolderLoader = loadCourseFolderFiles,
  ) {}

  list(): Promise<CourseSummary[]> {
    this.listing ??= this.listNow().finally(() => {
      this.listing = null
    })
    return this.listing
  }

  /** The folder as loaded before when its files are unchanged since, otherwise loaded now. */
  private async folder(folder: string): Promise<Loaded> {
    let stamp: string | null
    try {
      stamp = courseFolderStamp(path.join(this.coursesDir, folder))
    } catch {
      // A folder that cannot be read now is loaded afresh, and reports why.
      stamp = null
    }
    const kept = this.loaded.get(folder)
    if (stamp !== null && kept?.stamp === stamp) return kept.folder
    let loaded = await loadFolder(this.coursesDir, folder, this.overlay, this.load)
    if (loaded.loaderStopped) {
      // The loader's thread stopped while it loaded several courses at once: only one of them
      // need be to blame. Each is loaded again on its own, so only that one is reported.
      const alone = this.alone.then(() => loadFolder(this.coursesDir, folder, this.overlay, this.load))
      this.alone = alone.then(() => undefined)
      loaded = await alone
    }
    if (stamp === null) this.loaded.delete(folder)
    else this.loaded.set(folder, { stamp, folder: loaded })
    return loaded
  }

  private async listNow(): Promise<CourseSummary[]> {
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
    for (const folder of this.loaded.keys()) if (!folders.includes(folder)) this.loaded.delete(folder)
    const loaded = await Promise.all(folders.map((folder) => this.folder(folder)))
    const courses = new Map<string, CatalogCourse>()
    const referenced = new Map<string, ReadonlySet<string>>()
    this.hidden = new Set(loaded.flatMap((folder) => folder.hides ?? []))
    const summaries = loaded.map(({ summary, course, referenced: files }, index): CourseSummary => {
      if (!course) return summary
      const folder = folders[index] ?? ''
      const { id } = course.bundle
      if (id !== folder) {
        const message = `The course folder is named "${folder}" but the course id is "${id}".`
        const hint = `Rename the folder to "${id}": the app finds a course and its media by its id.`
        return { status: 'unavailable', folder, problems: [{ file: `${folder}/course.yaml`, line: 1, column: 1, severity: 'error', message, hint }] }
      }
      courses.set(id, course)
      referenced.set(folder, files ?? new Set())
      return summary
    })
    this.courses = courses
    this.referenced = referenced
    return summaries
  }

  /** The loaded course with this id; unknown or broken courses are a typed NOT_FOUND. */
  async course(courseId: string): Promise<CatalogCourse> {
    if (!this.courses.has(courseId)) await this.list()
    const course = this.courses.get(courseId)
    if (!course) throw new ApiError({ code: 'NOT_FOUND', message: `There is no course "${courseId}" that can be opened.` })
    return course
  }

  /**
   * Whether the course loaded from this folder names this file (a path inside the folder) in its
   * content: its media, captions, handouts and images, the only files of a course folder the
   * hosts serve. A course that does not load names nothing. One lookup in the set worked out
   * when the course was loaded; the very first requests wait for the first listing.
   */
  async referencesFile(folder: string, file: string): Promise<boolean> {
    if (!this.referenced.has(folder) && this.listing) await this.listing.catch(() => undefined)
    return this.referenced.get(folder)?.has(file) ?? false
  }

  /** The course with this id as the app shows it. */
  async get(courseId: string): Promise<CourseBundle> {
    return (await this.course(courseId)).bundle
  }

  /** Every course that loads, for overviews. */
  async all(): Promise<CourseBundle[]> {
    if (this.courses.size === 0) await this.list()
    return [...this.courses.values()].map((course) => course.bundle)
  }

  /** The overlay's hidden modules that no course that loads has: most likely typos. */
  async unknownHiddenModules(): Promise<string[]> {
    const hidden = this.overlay?.hideModules ?? []
    if (hidden.length === 0) return []
    await this.list()
    return hidden.filter((id) => !this.hidden.has(id))
  }
}
