import { stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { APP_NAME } from '../core/app-meta'

/**
 * Where the web host keeps learner data when no --data-dir is given: a folder beside the desktop
 * app's own data (Electron's userData), so the two never write the same files.
 */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir()
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'))
  return path.join(base, APP_NAME, 'web-host')
}

/** Whether something exists at `file` (a file or a folder). */
export function pathExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}
