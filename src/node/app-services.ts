import { APP_NAME } from '../core/app-meta'
import { courseStatus } from '../core/progress/completion'
import { createRouter, type Router, type RouterLog } from './api-router'
import { CourseCatalog } from './course-catalog'
import { LearnerStore } from './learner-store'
import { openSettingsStore } from './settings-store'

export interface ServiceOptions {
  host: 'desktop' | 'web'
  version: string
  coursesDir: string
  dataDir: string
  log?: RouterLog & { warn(message: string): void }
}

export interface AppServices {
  router: Router
  /** Writes everything pending and releases the data folder; call before the process ends. */
  close(): Promise<void>
}

/** The name of the first learner on a new device; they can rename it. */
const FIRST_LEARNER = 'Learner'

/** Boots the services behind the API and returns the router every transport calls. */
export async function createAppServices(options: ServiceOptions): Promise<AppServices> {
  const log = options.log ?? console
  const settings = await openSettingsStore(options.dataDir, log)
  const learners = await LearnerStore.open(options.dataDir, { defaultName: FIRST_LEARNER, lock: true })
  const catalog = new CourseCatalog(options.coursesDir)
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
      'store.status': () => ({ readOnly: learners.readOnly, notices: [...learners.notices] }),
    },
    log,
  )
  return { router, close: () => learners.close() }
}
