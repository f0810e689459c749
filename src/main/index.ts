import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { APP_NAME } from '../core/app-meta'
import { desktopTranslator, languageOfLocale } from '../core/i18n/desktop'
import { createAppServices } from '../node/app-services'
import { brandingArgument } from './args'
import { installSessionGuards, installWebContentsGuards } from './guards'
import { createSenderCheck, registerIpc } from './ipc'
import { installMenu } from './menu'
import { printToPdf } from './print'
import { saveBeforeQuit } from './quit'
import { handleAppProtocol, registerAppScheme } from './protocol'
import { createPackageSaver } from './save-package'
import { devServerUrl } from './security'
import { openMainWindow, openWindowState, rendererUrl, WINDOW_STATE_FILE } from './window'

/** The bridge to the API, for the main window and a presenter's audience window. */
const PRELOAD = path.join(__dirname, '../preload/index.js')

function failToStart(error: unknown): void {
  console.error(`${APP_NAME} could not start:`, error)
  const reason = error instanceof Error ? error.message : String(error)
  // The learner's settings may be what could not be read: the system's language instead.
  const t = desktopTranslator(languageOfLocale(app.getLocale()))
  dialog.showErrorBox(t('desktop.startFailed.title', { app: APP_NAME }), t('desktop.startFailed.detail', { app: APP_NAME, reason }))
  app.quit()
}

function focusOpenWindow(): void {
  const [window] = BrowserWindow.getAllWindows()
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

async function start(devServer: string | undefined): Promise<void> {
  const dataDir = app.getPath('userData')
  // Packaged builds ship the courses as extra resources, outside the asar archive.
  const coursesDir = app.isPackaged ? path.join(process.resourcesPath, 'courses') : path.join(app.getAppPath(), 'courses')
  const rendererDir = path.join(__dirname, '../renderer')
  // The SCORM player is built beside out/main; the schema files ship as extra resources.
  const scorm = {
    playerDir: path.join(__dirname, '../player'),
    schemasDir: app.isPackaged ? path.join(process.resourcesPath, 'scorm-schemas') : path.join(app.getAppPath(), 'resources/scorm-schemas'),
  }
  const branding = brandingArgument(process.argv, process.cwd())
  if (branding.problem) console.warn(branding.problem)
  // The course loader's own thread is built beside this file (out/main/course-worker.js).
  const courseWorker = path.join(__dirname, 'course-worker.js')
  const courseCacheDir = path.join(dataDir, 'course-cache')
  const services = await createAppServices({ host: 'desktop', version: app.getVersion(), coursesDir, dataDir, scorm, courseWorker, courseCacheDir, participantDir: path.join(__dirname, '../participant'), ...(branding.file ? { brandingFile: branding.file } : {}) })
  registerIpc(ipcMain, services.router, createSenderCheck(devServer), { 'handout.printToPdf': printToPdf, 'export.save': createPackageSaver(services.packages, services.language) })
  handleAppProtocol({ rendererDir, coursesDir, referencedByCourse: services.referencedByCourse, packages: services.packages })
  installSessionGuards(session.defaultSession, devServer)
  installMenu(!app.isPackaged)

  const windowState = await openWindowState(path.join(dataDir, WINDOW_STATE_FILE))
  const open = () =>
    openMainWindow({ preload: PRELOAD, url: rendererUrl(devServer), windowState, language: services.language })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open().catch(failToStart)
  })
  // The window saves its position as it closes, and learner data may be waiting for its
  // debounced write: quitting waits for both, once, so neither is cut short, and a learner
  // whose data cannot be saved is asked what to do.
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    event.preventDefault()
    closed = true
    const t = desktopTranslator(services.language())
    void saveBeforeQuit(services, () => windowState.whenSaved(), {
      askRetry: (detail) =>
        dialog.showMessageBoxSync({
          type: 'warning',
          title: APP_NAME,
          message: t('desktop.saveFailed.message', { app: APP_NAME }),
          detail: t('desktop.saveFailed.detail', { reason: detail }),
          buttons: [t('desktop.saveFailed.retry'), t('desktop.saveFailed.quit')],
          defaultId: 0,
          cancelId: 0,
        }) === 0,
      tell: (detail) => dialog.showErrorBox(t('desktop.saveFailed.lost'), detail),
    }).finally(() => app.quit())
  })
  await open()
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    console.log(`${APP_NAME} is already running; switching to the open window.`)
    app.quit()
    return
  }
  const devServer = devServerUrl(app.isPackaged, process.env)
  // Both must happen before the app is ready: the scheme's privileges, and sandboxing every renderer.
  registerAppScheme()
  app.enableSandbox()
  installWebContentsGuards(app, devServer, PRELOAD)
  app.on('second-instance', focusOpenWindow)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(() => start(devServer))
    .catch(failToStart)
}

main()
