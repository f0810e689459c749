import type { UiLanguage } from '../core/app-defaults'
import { APP_NAME } from '../core/app-meta'
import { createRouter, type Router, type RouterLog } from './api-router'
import { ExportedPackages } from './export/exported-packages'
import { courseHandlers, openCourses } from './services/courses'
import { exportHandlers, type ScormBuild } from './services/export'
import { learnerHandlers, openLearners } from './services/learners'
import { presentHandlers } from './services/present'
import { progressHandlers } from './services/progress'
import { recordHandlers } from './services/records'
import { feedbackHandlers } from './services/feedback'
import { trainerHandlers } from './services/trainer'
import { roomAddresses, workshopService } from './services/workshop'
import { settleAll } from './store/store-errors'
import { folderLoader } from './course-loader-worker'

export interface ServiceOptions {
  host: 'desktop' | 'web'
  version: string
  coursesDir: string
  dataDir: string
  log?: RouterLog & { warn(message: string): void }
  /** A branding overlay file that overrides branding.yaml or branding.json in the courses folder. */
  brandingFile?: string
  /** What a SCORM export needs: the built player (out/player) and the official schema files. */
  scorm?: ScormBuild
  /** The built course loader thread (course-worker.js beside the CLI or main bundle); without it courses load in this thread. */
  courseWorker?: string
  /** The built participant page (out/participant) that phones in a workshop open. */
  participantDir?: string
  /** Loopback addresses a workshop may offer phones besides the machine's network addresses (rehearsals, tests). */
  roomAddresses?: string[]
  /** Where the loader thread keeps the courses it has loaded, for the next start (course-cache.ts). */
  courseCacheDir?: string
}

export interface AppServices {
  router: Router
  /** Packages exported in this run: the desktop saves them, and both hosts serve them to "Test this package". */
  packages: ExportedPackages
  /** Whether the course loaded from `coursesDir/<folder>` names this file: the only course files both hosts serve. */
  referencedByCourse(folder: string, file: string): Promise<boolean>
  /** The learner's UI language, for the desktop app's own dialogs. */
  language(): UiLanguage
  /** Writes everything pending, keeping the data open; rejects with a line per file that could not be saved. */
  save(): Promise<void>
  /**
   * Writes everything pending and releases the data folder; call before the process ends. Rejects
   * with a line per file that could not be saved, each saying where its unsaved data was kept.
   */
  close(): Promise<void>
}

/**
 * Boots the services behind the API, one module per domain in ./services, and returns the router
 * every transport calls. The router's type makes sure every method of the contract has a handler.
 */
export async function createAppServices(options: ServiceOptions): Promise<AppServices> {
  const log = options.log ?? console
  const stores = await openLearners(options.dataDir)
  const loader = folderLoader(options.courseWorker, options.courseCacheDir, options.version)
  const courses = await openCourses(options.coursesDir, options.brandingFile, log, loader.load).catch(async (error: unknown) => {
    await Promise.allSettled([stores.learners.close(), stores.settings.close(), loader.close()])
    throw error
  })
  const packages = new ExportedPackages()
  const { catalog, branding } = courses
  const extraAddresses = (options.roomAddresses ?? []).map((address) => ({ name: 'loopback', address }))
  const workshop = workshopService({
    catalog,
    trainer: stores.trainer,
    branding,
    profiles: () => stores.learners.profiles().profiles.map(({ id, name }) => ({ id, name })),
    activeLearner: () => stores.learners.activeProfile(),
    addresses: () => [...roomAddresses(), ...extraAddresses],
    ...(options.participantDir ? { participantDir: options.participantDir } : {}),
  })
  const router = createRouter(
    {
      'app.info': () => ({ name: APP_NAME, version: options.version, host: options.host }),
      ...courseHandlers(courses),
      ...learnerHandlers(stores),
      ...trainerHandlers(stores.trainer),
      ...progressHandlers(catalog, stores.learners),
      ...presentHandlers({ catalog, learners: stores.learners, trainer: stores.trainer }),
      ...workshop.handlers,
      ...recordHandlers({ ...stores, catalog, branding, version: options.version }),
      ...feedbackHandlers({ ...stores, catalog, version: options.version }),
      ...exportHandlers({ catalog, branding, packages, version: options.version, log, ...(options.scorm ? { scorm: options.scorm } : {}) }),
    },
    log,
  )
  return {
    router,
    packages,
    referencedByCourse: (folder, file) => catalog.referencesFile(folder, file),
    language: () => stores.settings.get().language,
    save: () => settleAll([stores.learners.flush(), stores.settings.flush()]),
    close: () => settleAll([workshop.close(), stores.learners.close(), stores.settings.close(), packages.close(), loader.close()]),
  }
}
