import { stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { APP_NAME } from '../core/app-meta'

/**
 * The user's own folder of a kind, as each platform names it, for Civic Learn: `data` for what
 * must be kept (Electron's userData sits here too), `cache` for what can be made again.
 */
export function userFolder(kind: 'data' | 'cache', env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir()
  const base =
    platform === 'win32'
      ? kind === 'data'
        ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
        : (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : platform === 'darwin'
        ? path.join(home, 'Library', kind === 'data' ? 'Application Support' : 'Caches')
        : kind === 'data'
          ? (env.XDG_CONFIG_HOME ?? path.join(home, '.config'))
          : (env.XDG_CACHE_HOME ?? path.join(home, '.cache'))
  return path.join(base, APP_NAME)
}

/**
 * Where the web host keeps learner data when no --data-dir is given: a folder beside the desktop
 * app's own data (Electron's userData), so the two never write the same files.
 */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return path.join(userFolder('data', env, platform), 'web-host')
}

/** Whether something exists at `file` (a file or a folder). */
export function pathExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}
