import { APP_NAME } from '../core/app-meta'
import { createRouter, type Router, type RouterLog } from './api-router'
import { listCourses } from './course-catalog'
import { openSettingsStore } from './settings-store'

export interface ServiceOptions {
  host: 'desktop' | 'web'
  version: string
  coursesDir: string
  dataDir: string
  log?: RouterLog & { warn(message: string): void }
}

/** Boots the services behind the API and returns the router every transport calls. */
export async function createAppRouter(options: ServiceOptions): Promise<Router> {
  const log = options.log ?? console
  const settings = await openSettingsStore(options.dataDir, log)
  return createRouter(
    {
      'app.info': () => ({ name: APP_NAME, version: options.version, host: options.host }),
      'course.list': () => listCourses(options.coursesDir),
      'settings.get': () => settings.get(),
      'settings.update': (patch) => settings.update(patch),
    },
    log,
  )
}
