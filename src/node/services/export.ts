import { ApiError } from '../../core/api/errors'
import type { Handlers, RouterLog } from '../api-router'
import type { LoadedAppBranding } from '../branding'
import type { CourseCatalog } from '../course-catalog'
import { ExportError } from '../export/errors'
import type { ExportedPackages } from '../export/exported-packages'
import { chooseModules } from '../course-modules'
import { writeScormPackage, type ExportableCourse } from '../export/scorm-export'

/** What a SCORM export needs from the build: the player (out/player) and the official schema files. */
export interface ScormBuild {
  playerDir: string
  schemasDir: string
}

export interface ExportDeps {
  catalog: CourseCatalog
  branding: LoadedAppBranding
  packages: ExportedPackages
  version: string
  /** Absent where the host did not say where the player is: exports are then UNAVAILABLE. */
  scorm?: ScormBuild
  log: RouterLog & { warn(message: string): void }
}

/** The exporter's messages are written for authors (unknown modules, unsafe file names): the learner is shown them. */
function asBadInput(error: unknown): never {
  if (error instanceof ExportError) {
    throw new ApiError({ code: 'BAD_INPUT', message: error.message, ...(error.choice ? { issues: [{ path: error.choice, message: error.message }] } : {}) })
  }
  throw error
}

/**
 * SCORM export from the app: the course the catalogue has loaded and branded, cut down to the
 * chosen modules, written once as a zip straight into the kept packages, where the desktop saves
 * it from (export.save in the shell) and the web host serves it for download.
 */
export function exportHandlers({ catalog, branding, packages, version, scorm, log }: ExportDeps): Pick<Handlers, 'export.scorm' | 'export.save'> {
  return {
    'export.scorm': async ({ courseId, format, reporting, interactions, modules }) => {
      if (!scorm) throw new ApiError({ code: 'UNAVAILABLE', message: 'This build of the app cannot export SCORM packages.' })
      const loaded = await catalog.course(courseId)
      let course: ExportableCourse
      try {
        course = { bundle: chooseModules(loaded.bundle, modules, loaded.policyModuleId), dir: loaded.dir, files: loaded.files }
      } catch (error) {
        asBadInput(error)
      }
      if (loaded.overlay) course.branding = { overlay: loaded.overlay, ...(branding.logoFile ? { logoFile: branding.logoFile } : {}) }
      const fileName = `${courseId}-${format}.zip`
      const kept = await packages
        .add(fileName, (out) => writeScormPackage(course, { format, out, ...(reporting ? { reporting } : {}), ...(interactions ? { interactions } : {}), ...scorm, appVersion: version }))
        .catch(asBadInput)
      // A package the preview cannot read is still the learner's to save; the page says it cannot be tested.
      if (kept.previewProblem !== null) log.warn(`The exported ${fileName} cannot be previewed: ${kept.previewProblem}`)
      const summary = kept.written
      return {
        packageId: kept.id,
        previewId: kept.previewProblem === null ? kept.id : null,
        summary: {
          fileName,
          format,
          reporting: summary.reporting,
          interactions: summary.interactions,
          hasQuizzes: summary.hasQuizzes,
          journal: summary.journal,
          bytes: summary.bytes,
          files: summary.files,
          mediaFiles: summary.mediaFiles,
          modules: summary.modules,
          suspendData: summary.suspendData,
        },
      }
    },
    'export.save': () => {
      throw new ApiError({ code: 'UNAVAILABLE', message: 'The browser saves the package: it downloads it from the web host.' })
    },
  }
}
