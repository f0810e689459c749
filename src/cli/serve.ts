import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { createAppServices } from '../node/app-services'
import { defaultCourseCacheDir } from '../node/course-cache'
import { defaultWebDataDir } from '../node/paths'
import { startWebHost, type WebHost } from '../node/web-host'

export interface ServeOptions {
  port: number
  dataDir?: string
  coursesDir: string
  /** A branding overlay overriding branding.yaml or branding.json in the courses folder. */
  brandingFile?: string
  rendererDir: string
  version: string
  /** Where the SCORM player and schema files are, for exports from the app. */
  scorm?: { playerDir: string; schemasDir: string }
  /** The built participant page phones open in a workshop. */
  participantDir?: string
  /** Loopback addresses a workshop may offer phones besides the machine's own (rehearsals, tests). */
  roomAddresses?: string[]
  /** The built course loader thread; without it courses load in the host's own thread. */
  courseWorker?: string
}

export interface Serving {
  host: WebHost
  /** Stops the server, then writes pending learner data and releases the data folder. */
  stop(): Promise<void>
}

export async function serve(options: ServeOptions): Promise<Serving> {
  const dataDir = path.resolve(options.dataDir ?? defaultWebDataDir())
  await mkdir(dataDir, { recursive: true })
  const services = await createAppServices({
    host: 'web',
    version: options.version,
    coursesDir: options.coursesDir,
    ...(options.brandingFile ? { brandingFile: options.brandingFile } : {}),
    dataDir,
    ...(options.scorm ? { scorm: options.scorm } : {}),
    ...(options.participantDir ? { participantDir: options.participantDir } : {}),
    ...(options.roomAddresses ? { roomAddresses: options.roomAddresses } : {}),
    ...(options.courseWorker ? { courseWorker: options.courseWorker, courseCacheDir: defaultCourseCacheDir() } : {}),
  })
  const host = await startWebHost({
    router: services.router,
    token: randomBytes(24).toString('base64url'),
    port: options.port,
    rendererDir: options.rendererDir,
    coursesDir: options.coursesDir,
    referencedByCourse: services.referencedByCourse,
    packages: services.packages,
  }).catch(async (error: unknown) => {
    await services.close()
    throw error
  })
  return {
    host,
    async stop() {
      await host.close()
      await services.close()
    },
  }
}
