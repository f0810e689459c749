import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ApiError } from '../core/api/errors'
import { APP_NAME } from '../core/app-meta'
import { courseStatus, earnsCertificate } from '../core/progress/completion'
import { readLearnerRecord } from '../core/progress/learner-record'
import type { BrandingOverlay } from '../core/scorm/branding'
import { brandCourse, courseOverlay, loadAppBranding } from './app-branding'
import { createRouter, type Router, type RouterLog } from './api-router'
import { CourseCatalog } from './course-catalog'
import { ExportError } from './export/errors'
import { PackagePreviews } from './export/package-previews'
import { exportScormPackage } from './export/scorm-export'
import { LearnerStore } from './learner-store'
import { certificatePdf } from './pdf/certificate'
import { notebookMarkdown, notebookPdf } from './pdf/notebook'
import { resultsCsv } from './results-csv'
import { openSettingsStore } from './settings-store'

export interface ServiceOptions {
  host: 'desktop' | 'web'
  version: string
  coursesDir: string
  dataDir: string
  log?: RouterLog & { warn(message: string): void }
  /** A branding overlay file that overrides branding.yaml or branding.json in the courses folder. */
  brandingFile?: string
  /** What a SCORM export needs: the built player (out/player) and the official schema files. */
  scorm?: { playerDir: string; schemasDir: string }
}

export interface AppServices {
  router: Router
  /** Packages exported in this run, which both hosts serve to the "Test this package" window. */
  previews: PackagePreviews
  /** Writes everything pending and releases the data folder; call before the process ends. */
  close(): Promise<void>
}

/** The name of the first learner on a new device; they can rename it. */
const FIRST_LEARNER = 'Learner'

function download(fileName: string, mediaType: string, data: string | Uint8Array) {
  return { fileName, mediaType, base64: Buffer.from(data).toString('base64') }
}

/** A learner's name made safe for a file name. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .slice(0, 40) || 'learner'
  )
}

const today = () => new Date().toISOString().slice(0, 10)

/** Boots the services behind the API and returns the router every transport calls. */
export async function createAppServices(options: ServiceOptions): Promise<AppServices> {
  const log = options.log ?? console
  const settings = await openSettingsStore(options.dataDir, log)
  const learners = await LearnerStore.open(options.dataDir, { defaultName: FIRST_LEARNER, lock: true })
  const branding = await loadAppBranding(options.coursesDir, options.brandingFile)
  if (branding.problem) log.warn(branding.problem)
  const overlay = branding.overlay
  /** Each course's share of the overlay, so exports from the app hide what the app hides. */
  const overlays = new Map<string, BrandingOverlay>()
  const catalog = new CourseCatalog(
    options.coursesDir,
    overlay
      ? (bundle) => {
          const own = courseOverlay(bundle, overlay)
          overlays.set(bundle.id, own)
          return brandCourse(bundle, own)
        }
      : undefined,
  )
  if (overlay && overlay.hideModules.length > 0) {
    // One overlay serves every course, so an id is only wrong when no course has it: most likely a typo.
    await catalog.list()
    const used = new Set([...overlays.values()].flatMap((own) => own.hideModules))
    for (const id of overlay.hideModules.filter((hidden) => !used.has(hidden))) {
      log.warn(`The branding overlay hides the module "${id}" (hideModules), but none of the courses in ${options.coursesDir} that load has a module with that id, so it hides nothing. Check the spelling against the course's module ids.`)
    }
  }
  const previews = new PackagePreviews()
  const router = createRouter(
    {
      'app.info': () => ({ name: APP_NAME, version: options.version, host: options.host }),
      'course.list': () => catalog.list(),
      'course.get': ({ courseId }) => catalog.get(courseId),
      'settings.get': () => settings.get(),
      'settings.update': (patch) => settings.update(patch),
      'progress.get': async ({ courseId }) => learners.progress(await catalog.get(courseId)),
      'progress.record': async ({ courseId, events }) => {
        learners.record(await catalog.get(courseId), events)
        return { recorded: events.length }
      },
      'progress.overview': async () =>
        (await catalog.all()).map((course) => {
          const progress = learners.progress(course)
          const status = courseStatus(course, progress)
          return {
            courseId: course.id,
            progress: status.progress,
            complete: status.complete,
            passed: status.passed,
            score: status.score,
            secondsSpent: status.secondsSpent,
            ...(progress.startedAt === undefined ? {} : { startedAt: progress.startedAt }),
            ...(progress.completedAt === undefined ? {} : { completedAt: progress.completedAt }),
          }
        }),
      'profile.list': () => learners.profiles(),
      'profile.create': ({ name }) => learners.createProfile(name),
      'profile.rename': ({ id, name }) => learners.renameProfile(id, name),
      'profile.delete': ({ id }) => {
        learners.deleteProfile(id)
        return { deleted: true as const }
      },
      'profile.switch': ({ id, pin }) => learners.switchProfile(id, pin),
      'profile.setPin': ({ id, pin }) => learners.setPin(id, pin),
      'certificate.create': async ({ courseId }) => {
        const course = await catalog.get(courseId)
        const progress = learners.progress(course)
        const status = courseStatus(course, progress)
        if (!earnsCertificate(status) || !progress.completedAt) {
          throw new ApiError({ code: 'UNAVAILABLE', message: 'The certificate is ready once the course is complete and any assessment in it passed.' })
        }
        const { language } = settings.get()
        const record = {
          learner: learners.activeProfile().name,
          courseId,
          courseTitle: (course.content[language] ?? course.content[course.language])?.title ?? courseId,
          courseVersion: course.version,
          completedAt: progress.completedAt,
          score: status.score,
          secondsSpent: status.secondsSpent,
        }
        return download(`certificate-${courseId}.pdf`, 'application/pdf', await certificatePdf(record, language, branding.branding ? { organisation: branding.branding.organisation, ...(branding.branding.colours ? { colour: branding.branding.colours.accent } : {}) } : {}))
      },
      'notebook.export': async ({ courseId, format }) => {
        const course = await catalog.get(courseId)
        const progress = learners.progress(course)
        const { language } = settings.get()
        const learner = learners.activeProfile().name
        return format === 'markdown'
          ? download(`notebook-${courseId}.md`, 'text/markdown', notebookMarkdown(course, progress, learner, language))
          : download(`notebook-${courseId}.pdf`, 'application/pdf', await notebookPdf(course, progress, learner, language, new Date()))
      },
      'record.export': () => {
        const record = learners.exportRecord(options.version)
        return download(`civic-learn-record-${slug(record.learner.name)}-${today()}.json`, 'application/json', `${JSON.stringify(record, null, 2)}\n`)
      },
      'record.import': ({ text }) => {
        const reading = readLearnerRecord(text)
        if (!reading.ok) throw new ApiError({ code: 'BAD_INPUT', message: reading.reason })
        return learners.importRecord(reading.record)
      },
      'results.export': async () => {
        const courses = await catalog.all()
        const rows = learners.allProgress().map(({ profile, progress }) => ({ name: profile.name, progress }))
        return download(`civic-learn-results-${today()}.csv`, 'text/csv', resultsCsv(courses, rows))
      },
      'data.deleteAll': async () => {
        await learners.destroyAll(FIRST_LEARNER)
        await settings.reset()
        return { deleted: true as const }
      },
      'handout.printToPdf': () => {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'Saving a handout as PDF is done by the browser: use its print dialog.' })
      },
      'export.scorm': async ({ courseId, format, modules }) => {
        if (!options.scorm) throw new ApiError({ code: 'UNAVAILABLE', message: 'This build of the app cannot export SCORM packages.' })
        // The catalogue's check first: the course must load and exist under its own id.
        const shown = await catalog.get(courseId)
        const own = overlays.get(courseId)
        // The overlay's policy page is the exporter's to add again, not a module of the course folder.
        const policyId = own?.policyPage ? shown.content[shown.language]?.modules.at(-1)?.id : undefined
        const kept = modules?.filter((id) => id !== policyId)
        if (kept?.length === 0) throw new ApiError({ code: 'BAD_INPUT', message: 'Choose at least one module of the course as well as the local policy page.' })
        const fileName = `${courseId}-${format}.zip`
        const work = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-export-'))
        try {
          const out = path.join(work, fileName)
          const summary = await exportScormPackage({
            courseDir: path.join(options.coursesDir, courseId),
            format,
            out,
            ...(kept ? { modules: kept } : {}),
            ...(own ? { overlay: { overlay: own, ...(branding.logoFile ? { logoFile: branding.logoFile } : {}) } } : {}),
            playerDir: options.scorm.playerDir,
            schemasDir: options.scorm.schemasDir,
            appVersion: options.version,
          }).catch((error: unknown) => {
            // The exporter's messages are written for authors (unknown modules, unsafe file names).
            if (error instanceof ExportError) throw new ApiError({ code: 'BAD_INPUT', message: error.message })
            throw error
          })
          const zip = await readFile(out)
          // A package the preview cannot read is still the learner's to save; the dialog says it cannot be tested.
          const previewId = await previews.add(zip, fileName).catch((error: unknown) => {
            log.warn(`The exported ${fileName} cannot be previewed: ${error instanceof Error ? error.message : String(error)}`)
            return null
          })
          return {
            previewId,
            summary: {
              fileName,
              format,
              bytes: summary.bytes,
              files: summary.files,
              mediaFiles: summary.mediaFiles,
              modules: summary.modules,
              suspendData: summary.suspendData,
            },
            file: download(fileName, 'application/zip', zip),
          }
        } finally {
          await rm(work, { recursive: true, force: true })
        }
      },
      'store.status': () => ({ readOnly: learners.readOnly, notices: [...learners.notices] }),
      'branding.get': () => ({ branding: branding.branding, problem: branding.problem }),
    },
    log,
  )
  return {
    router,
    previews,
    close: async () => {
      await Promise.allSettled([learners.close(), previews.close()])
    },
  }
}
