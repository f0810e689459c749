import { BrowserWindow, dialog, nativeTheme, screen, type BrowserWindowConstructorOptions, type Rectangle } from 'electron'
import { z } from 'zod'
import { DEFAULT_LANGUAGE, type UiLanguage } from '../core/app-defaults'
import { APP_NAME, APP_ORIGIN } from '../core/app-meta'
import { desktopTranslator } from '../core/i18n/desktop'
import path from 'node:path'
import { DurableDocument } from '../node/store/durable-document'
import { secureWebPreferences } from './security'

export const WINDOW_STATE_FILE = 'window-state.json'

const RectangleSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  .strict()

export const WindowStateSchema = z
  .object({
    bounds: RectangleSchema.optional(),
    maximized: z.boolean(),
  })
  .strict()
export type WindowState = z.infer<typeof WindowStateSchema>

/** As stored; files from before the durable store carry no version and read as this one. */
const StoredWindowStateSchema = WindowStateSchema.extend({ schemaVersion: z.literal(1).default(1) }).strict()
type StoredWindowState = z.infer<typeof StoredWindowStateSchema>

/** Where Electron's main process may say what went wrong with the file. */
export interface WindowStateLog {
  warn(message: string): void
}

export const MIN_WINDOW_SIZE = { width: 720, height: 560 }
const DEFAULT_WINDOW_SIZE = { width: 1200, height: 840 }
/** The renderer's page background in each theme, so the window does not flash before first paint. */
const BACKGROUND = { light: '#ffffff', dark: '#14171b' }
/** How much of the window's top edge must be on a screen for the learner to grab it and move it. */
const GRIP = { width: 120, height: 32 }

/**
 * Whether saved bounds still put the window's title bar on some display's work area. A monitor
 * unplugged since the last run would otherwise reopen the window where no one can reach it.
 */
export function isVisibleOnSomeDisplay(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  const top = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, GRIP.height) }
  const minWidth = Math.min(GRIP.width, top.width)
  return workAreas.some((area) => {
    const width = Math.min(top.x + top.width, area.x + area.width) - Math.max(top.x, area.x)
    const height = Math.min(top.y + top.height, area.y + area.height) - Math.max(top.y, area.y)
    return width >= minWidth && height >= top.height
  })
}

export interface WindowStateStore {
  readonly state: WindowState
  /** Queues the state to be written; writes happen one at a time, in order. */
  save(state: WindowState): void
  /** Whether a write is still under way, so quitting can wait for it. */
  readonly saving: boolean
  /** Settles once every write queued so far has finished. */
  whenSaved(): Promise<void>
}

export async function openWindowState(file: string, log: WindowStateLog = console): Promise<WindowStateStore> {
  const doc = await DurableDocument.open<StoredWindowState>(path.dirname(file), {
    name: path.basename(file, '.json'),
    migrations: [],
    schema: StoredWindowStateSchema,
    create: () => ({ schemaVersion: 1, maximized: false }),
    unmarkedVersion: 1,
  })
  for (const notice of doc.notices) if (notice.kind === 'recovered') log.warn(`${file} could not be read; it was kept as ${notice.setAside || 'nothing'} and the window opens where it starts by default.`)
  const warn = (error: unknown) => log.warn(`The window position could not be saved: ${String(error)}`)
  return {
    get state() {
      const { schemaVersion: _version, ...state } = doc.data
      return state
    },
    get saving() {
      return doc.pending
    },
    save(state) {
      doc.update(() => ({ schemaVersion: 1, ...state }))
      void doc.flush().catch(warn)
    },
    whenSaved: () => doc.flush().catch(warn),
  }
}

/** Where the window loads the renderer from: the app's own scheme, or the dev server. */
export function rendererUrl(devServer: string | undefined): string {
  return devServer ?? `${APP_ORIGIN}/index.html`
}

export interface MainWindowOptions {
  preload: string
  url: string
  windowState: WindowStateStore
  /** The learner's UI language when a dialog is shown (the default's when left out). */
  language?: () => UiLanguage
}

/**
 * The "Test this package" window: the same locked-down preferences as every window, and no
 * preload, so the package and the LMS page it runs in cannot reach the API.
 */
export function previewWindowOptions() {
  return {
    width: 1400,
    height: 900,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: `Test this package – ${APP_NAME}`,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: secureWebPreferences(),
  } satisfies BrowserWindowConstructorOptions
}

/** The projector's window a trainer opens while presenting: the app's own page, with the preload. */
export function audienceWindowOptions(preload: string) {
  return {
    width: 1280,
    height: 720,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: `Audience – ${APP_NAME}`,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: secureWebPreferences(preload),
  } satisfies BrowserWindowConstructorOptions
}

/**
 * Opens the main window where the learner left it, hidden until its first paint, and resolves
 * once the renderer has loaded.
 */
export async function openMainWindow({ preload, url, windowState, language = () => DEFAULT_LANGUAGE }: MainWindowOptions): Promise<BrowserWindow> {
  const saved = windowState.state
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const bounds = saved.bounds && isVisibleOnSomeDisplay(saved.bounds, workAreas) ? saved.bounds : DEFAULT_WINDOW_SIZE
  const window = new BrowserWindow({
    ...bounds,
    title: APP_NAME,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: secureWebPreferences(preload),
  })
  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize()
    window.show()
  })
  window.on('close', () => {
    windowState.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })
  })
  // The page refuses to close while progress the app has not saved is waiting (useUnsavedGuard);
  // a browser would ask the learner, and so does the desktop app, instead of silently staying open.
  window.webContents.on('will-prevent-unload', (event) => {
    const t = desktopTranslator(language())
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: APP_NAME,
      message: t('desktop.unsaved.message'),
      detail: t('desktop.unsaved.detail', { app: APP_NAME }),
      buttons: [t('desktop.unsaved.stay'), t('desktop.unsaved.close')],
      defaultId: 0,
      cancelId: 0,
    })
    if (choice === 1) event.preventDefault()
  })
  await window.loadURL(url)
  return window
}
