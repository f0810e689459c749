import type { Handlers } from '../api-router'
import { loadAppBranding, type LoadedAppBranding } from '../branding'
import { CourseCatalog } from '../course-catalog'
import { loadCourseFolderFiles } from '../course-loader'
import type { FolderLoader } from '../course-loader-worker'

/** The courses the app shows and the overlay that brands them, read once at start. */
export interface Courses {
  catalog: CourseCatalog
  branding: LoadedAppBranding
}

/**
 * Reads the branding overlay (`brandingFile`, or branding.yaml or branding.json beside the
 * courses) and opens the catalogue it brands. A broken overlay leaves the app unbranded; it and a
 * hidden module no course has (most likely a typo) are reported in the log.
 */
export async function openCourses(
  coursesDir: string,
  brandingFile: string | undefined,
  log: { warn(message: string): void },
  load: FolderLoader = loadCourseFolderFiles,
): Promise<Courses> {
  const branding = await loadAppBranding(coursesDir, brandingFile)
  if (branding.problem) log.warn(branding.problem)
  const catalog = new CourseCatalog(coursesDir, branding.overlay ?? undefined, load)
  for (const id of await catalog.unknownHiddenModules()) {
    log.warn(`The branding overlay hides the module "${id}" (hideModules), but none of the courses in ${coursesDir} that load has a module with that id, so it hides nothing. Check the spelling against the course's module ids.`)
  }
  // Loading starts now, so the library's first listing finds it done or shares it; what goes
  // wrong is reported by that listing, as always.
  void catalog.list().catch(() => undefined)
  return { catalog, branding }
}

export function courseHandlers({ catalog, branding }: Courses): Pick<Handlers, 'course.list' | 'course.get' | 'branding.get'> {
  return {
    'course.list': () => catalog.list(),
    'course.get': ({ courseId }) => catalog.get(courseId),
    'branding.get': () => ({ branding: branding.branding, problem: branding.problem }),
  }
}
