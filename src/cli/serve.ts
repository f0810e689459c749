import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { createAppRouter } from '../node/app-services'
import { defaultWebDataDir } from '../node/paths'
import { startWebHost, type WebHost } from '../node/web-host'

export interface ServeOptions {
  port: number
  dataDir?: string
  coursesDir: string
  rendererDir: string
  version: string
}

export async function serve(options: ServeOptions): Promise<WebHost> {
  const dataDir = path.resolve(options.dataDir ?? defaultWebDataDir())
  await mkdir(dataDir, { recursive: true })
  const router = await createAppRouter({
    host: 'web',
    version: options.version,
    coursesDir: options.coursesDir,
    dataDir,
  })
  return startWebHost({
    router,
    token: randomBytes(24).toString('base64url'),
    port: options.port,
    rendererDir: options.rendererDir,
    coursesDir: options.coursesDir,
  })
}
