import { EventEmitter } from 'node:events'
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiResult } from '../core/api/errors'
import { METHOD_NAMES, ipcChannel } from '../core/api/methods'
import { EVENTUALLY } from '../../test/support/eventually'

/**
 * The whole shell (src/main/index.ts) started against a fake Electron: what it registers, the
 * window it opens and how it reacts to lifecycle events. The services are replaced by a router
 * that echoes its calls; the files the shell itself reads and writes are real, in temporary folders.
 */

interface FakeWindow extends EventEmitter {
  options: BrowserWindowConstructorOptions
  minimized: boolean
  loadURL: ReturnType<typeof vi.fn>
  restore: ReturnType<typeof vi.fn>
  show: ReturnType<typeof vi.fn>
  focus: ReturnType<typeof vi.fn>
}

const fake = await vi.hoisted(async () => {
  // Hoisted above the imports, so it brings its own.
  const events = await import('node:events')

  function createElectron() {
    const windows: FakeWindow[] = []
    class BrowserWindow extends events.EventEmitter {
      static getAllWindows = () => [...windows]
      static fromWebContents = (_contents: unknown) => windows[0] ?? null
      minimized = false
      loadURL = vi.fn(async (_url: string) => undefined)
      webContents = new events.EventEmitter()
      restore = vi.fn(() => {
        this.minimized = false
      })
      show = vi.fn()
      focus = vi.fn()
      constructor(readonly options: BrowserWindowConstructorOptions) {
        super()
        windows.push(this as unknown as FakeWindow)
      }
      isMinimized() {
        return this.minimized
      }
      isMaximized() {
        return false
      }
      maximize() {}
      getNormalBounds() {
        return { x: 40, y: 50, width: 1100, height: 760 }
      }
      close() {
        this.emit('close')
        windows.splice(windows.indexOf(this as unknown as FakeWindow), 1)
        this.emit('closed')
      }
    }
    const paths = { userData: '', appPath: '' }
    const app = Object.assign(new events.EventEmitter(), {
      isPackaged: true,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      enableSandbox: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      getPath: vi.fn((_name: string) => paths.userData),
      getAppPath: vi.fn(() => paths.appPath),
      getVersion: vi.fn(() => '9.8.7'),
      getLocale: vi.fn(() => 'en-GB'),
      setAboutPanelOptions: vi.fn(),
      showAboutPanel: vi.fn(),
    })
    return {
      paths,
      windows,
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true })) },
      ipcMain: { handle: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onHeadersReceived: vi.fn() },
        },
      },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
      nativeTheme: { shouldUseDarkColors: false },
      shell: { openExternal: vi.fn(async () => undefined) },
    }
  }

  return { current: createElectron(), createElectron }
})

const KEPT_PACKAGE = '0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
/** The zip the fake services keep for KEPT_PACKAGE, in the test's temporary folder. */
let keptZip = ''

const services = vi.hoisted(() => {
  const close = vi.fn(async () => undefined)
  const save = vi.fn(async () => undefined)
  return {
    close,
    save,
    createAppServices: vi.fn(async (_options: unknown) => ({
      router: async (method: unknown, input: unknown) => ({ ok: true as const, value: { method, input } }),
      packages: { zip: (id: string) => (id === KEPT_PACKAGE ? { file: keptZip, fileName: 'kept-scorm12.zip' } : null), folder: () => null },
      // Each test course names one picture.
      referencedByCourse: async (_folder: string, file: string) => file === 'media/cover.png',
      language: () => 'en' as const,
      save,
      close,
    })),
  }
})
vi.mock('../node/app-services', () => services)

vi.mock('electron', () => {
  // Getters, so a freshly imported shell sees the fresh fake each test creates.
  const names = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'protocol', 'session', 'Menu', 'screen', 'nativeTheme', 'shell'] as const
  return Object.defineProperties(
    {},
    Object.fromEntries(names.map((name) => [name, { enumerable: true, get: () => fake.current[name] }])),
  )
})

let top: string
let resourcesDir: string
const realPlatform = process.platform
const realRendererUrl = process.env.ELECTRON_RENDERER_URL

async function writeCourse(coursesDir: string, id: string, title: string): Promise<void> {
  await mkdir(path.join(coursesDir, id, 'media'), { recursive: true })
  await writeFile(path.join(coursesDir, id, 'media', 'cover.png'), 'picture')
  await writeFile(
    path.join(coursesDir, id, 'course.yaml'),
    `id: ${id}\ntitle: ${title}\nsummary: A course for testing.\nlanguage: en\n`,
  )
}

beforeEach(async () => {
  top = await mkdtemp(path.join(os.tmpdir(), 'civic-shell-'))
  resourcesDir = path.join(top, 'resources')
  fake.current = fake.createElectron()
  fake.current.paths.userData = path.join(top, 'user-data')
  fake.current.paths.appPath = path.join(top, 'app')
  await mkdir(fake.current.paths.userData, { recursive: true })
  await writeCourse(path.join(resourcesDir, 'courses'), 'packaged-course', 'Shipped with the app')
  await writeCourse(path.join(fake.current.paths.appPath, 'courses'), 'source-course', 'From the source tree')
  Object.defineProperty(process, 'resourcesPath', { value: resourcesDir, configurable: true })
  delete process.env.ELECTRON_RENDERER_URL
  services.createAppServices.mockClear()
  vi.resetModules()
})

afterEach(async () => {
  Object.defineProperty(process, 'platform', { value: realPlatform })
  if (realRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL
  else process.env.ELECTRON_RENDERER_URL = realRendererUrl
  vi.restoreAllMocks()
  await rm(top, { recursive: true, force: true })
})

/** Imports the shell, as Electron runs it, and waits for its first window to finish loading. */
async function startShell(): Promise<FakeWindow> {
  await import('./index')
  await vi.waitFor(() => expect(fake.current.windows[0]?.loadURL).toHaveBeenCalled(), EVENTUALLY)
  const [window] = fake.current.windows
  if (!window) throw new Error('the shell opened no window')
  // Loading is the shell's last start-up step; once it settles, nothing may have failed.
  await new Promise((resolve) => setImmediate(resolve))
  expect(fake.current.dialog.showErrorBox).not.toHaveBeenCalled()
  return window
}

function ipcHandler(channel: string) {
  const call = fake.current.ipcMain.handle.mock.calls.find(([name]) => name === channel) as
    | [string, (event: IpcMainInvokeEvent, input: unknown) => Promise<ApiResult<unknown>>]
    | undefined
  if (!call) throw new Error(`nothing handles ${channel}`)
  return call[1]
}

function eventFrom(url: string): IpcMainInvokeEvent {
  const mainFrame = { url }
  return { senderFrame: mainFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent
}

describe('single instance', () => {
  it('quits at once, saying why, when another instance holds the lock', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    fake.current.app.requestSingleInstanceLock.mockReturnValue(false)
    await import('./index')
    expect(fake.current.app.quit).toHaveBeenCalledOnce()
    expect(log).toHaveBeenCalledWith('Civic Learn is already running; switching to the open window.')
    expect(fake.current.app.whenReady).not.toHaveBeenCalled()
    expect(fake.current.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()
    expect(fake.current.ipcMain.handle).not.toHaveBeenCalled()
    expect(fake.current.windows).toHaveLength(0)
  })

  it('brings the open window back when a second instance starts', async () => {
    const window = await startShell()
    window.minimized = true
    fake.current.app.emit('second-instance', {}, ['civic-learn'], top)
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.show).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalledOnce()
  })
})

describe('start-up', () => {
  it('registers the privileged scheme and the sandbox before the app is ready', async () => {
    await startShell()
    const { protocol, app } = fake.current
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    expect(protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]).toEqual([
      expect.objectContaining({ scheme: 'civic', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
    const readyOrder = app.whenReady.mock.invocationCallOrder[0] ?? 0
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(readyOrder)
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(readyOrder)
  })

  it('opens one locked-down window on the app scheme', async () => {
    const window = await startShell()
    expect(fake.current.windows).toHaveLength(1)
    for (const created of fake.current.windows) {
      expect(created.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
      })
    }
    expect(window.options.title).toBe('Civic Learn')
    expect(window.options.show).toBe(false)
    expect(window.options.webPreferences?.preload).toBe(path.join(__dirname, '..', 'preload', 'index.js'))
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('civic://app/index.html')
  })

  it('boots the services with the user data folder, the packaged courses, what SCORM export needs, the course loader thread and the workshop participant page', async () => {
    await startShell()
    expect(services.createAppServices).toHaveBeenCalledExactlyOnceWith({
      host: 'desktop',
      version: '9.8.7',
      coursesDir: path.join(resourcesDir, 'courses'),
      dataDir: fake.current.paths.userData,
      scorm: { playerDir: expect.stringMatching(/[\\/]player$/), schemasDir: path.join(resourcesDir, 'scorm-schemas') },
      courseWorker: expect.stringMatching(/[\\/]course-worker\.js$/),
      courseCacheDir: path.join(fake.current.paths.userData, 'course-cache'),
      participantDir: expect.stringMatching(/[\\/]participant$/),
    })
    expect(fake.current.app.getPath).toHaveBeenCalledWith('userData')
  })

  it('passes a --branding overlay from the command line to the services', async () => {
    const argv = process.argv
    process.argv = [...argv, '--branding', 'overlays/anytown.yaml']
    try {
      await startShell()
    } finally {
      process.argv = argv
    }
    expect(services.createAppServices).toHaveBeenCalledWith(expect.objectContaining({ brandingFile: path.resolve('overlays/anytown.yaml') }))
  })

  it('registers one IPC channel per contract method, each calling the router with its own method', async () => {
    await startShell()
    const channels = fake.current.ipcMain.handle.mock.calls.map(([channel]) => channel as string)
    expect(channels.sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort())
    // Printing and saving a package need the calling window, so the shell answers them itself (see print.test.ts, save-package.test.ts).
    for (const method of METHOD_NAMES.filter((name) => name !== 'handout.printToPdf' && name !== 'export.save')) {
      const answer = await ipcHandler(ipcChannel(method))(eventFrom('civic://app/index.html'), { n: 1 })
      expect(answer).toEqual({ ok: true, value: { method, input: { n: 1 } } })
    }
  })

  it('saves an exported package where the learner chooses, in a dialog on the app window, without the router', async () => {
    const window = await startShell()
    keptZip = path.join(top, 'kept.zip')
    await writeFile(keptZip, 'PK zip bytes')
    const target = path.join(top, 'chosen.zip')
    fake.current.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target } as never)
    const answer = await ipcHandler(ipcChannel('export.save'))(eventFrom('civic://app/index.html'), { packageId: KEPT_PACKAGE })
    expect(answer).toEqual({ ok: true, value: { savedAs: 'chosen.zip' } })
    expect(fake.current.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, expect.objectContaining({ defaultPath: path.join(fake.current.paths.userData, 'kept-scorm12.zip') }))
    expect(await readFile(target, 'utf8')).toBe('PK zip bytes')
    const refused = await ipcHandler(ipcChannel('export.save'))(eventFrom('https://evil.example/'), { packageId: KEPT_PACKAGE })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(fake.current.dialog.showSaveDialog).toHaveBeenCalledOnce()
  })

  it('refuses IPC from any page that is not the app', async () => {
    await startShell()
    for (const url of ['https://evil.example/', 'civic://app.evil.com/', 'file:///index.html']) {
      const answer = await ipcHandler(ipcChannel('settings.update'))(eventFrom(url), { language: 'cy' })
      expect(answer, url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('serves course media from the packaged resources through the civic protocol', async () => {
    await startShell()
    const [scheme, handler] = fake.current.protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>]
    expect(scheme).toBe('civic')
    const response = await handler(new Request('civic://app/courses/packaged-course/media/cover.png'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
    expect((await handler(new Request('civic://app/courses/source-course/media/cover.png'))).status).toBe(404)
    // Only the files a course names: never its source.
    expect((await handler(new Request('civic://app/courses/packaged-course/course.yaml'))).status).toBe(404)
  })

  it('denies every permission and sets the application menu without developer tools', async () => {
    await startShell()
    const { defaultSession } = fake.current.session
    const [requestHandler] = defaultSession.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ]
    const callback = vi.fn()
    requestHandler({}, 'media', callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    const [checkHandler] = defaultSession.setPermissionCheckHandler.mock.calls[0] as [() => boolean]
    expect(checkHandler()).toBe(false)
    expect(defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled()
    expect(fake.current.Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const [template] = fake.current.Menu.buildFromTemplate.mock.calls[0] as [MenuItemConstructorOptions[]]
    expect(JSON.stringify(template)).not.toContain('toggleDevTools')
  })

  it('guards every web contents the app creates', async () => {
    await startShell()
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    fake.current.app.emit('web-contents-created', {}, contents)
    const away = { url: 'https://evil.example/', preventDefault: vi.fn() }
    contents.emit('will-navigate', away)
    expect(away.preventDefault).toHaveBeenCalled()
    const inside = { url: 'civic://app/index.html#/settings', preventDefault: vi.fn() }
    contents.emit('will-navigate', inside)
    expect(inside.preventDefault).not.toHaveBeenCalled()
    const [openHandler] = contents.setWindowOpenHandler.mock.calls[0] as [(details: { url: string }) => unknown]
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(fake.current.shell.openExternal).not.toHaveBeenCalled()
  })

  it('in development, reads courses from the source tree and loads the dev server', async () => {
    fake.current.app.isPackaged = false
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    const window = await startShell()
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173/')
    expect(services.createAppServices).toHaveBeenCalledWith(
      expect.objectContaining({ coursesDir: path.join(fake.current.paths.appPath, 'courses') }),
    )
    const courses = await ipcHandler(ipcChannel('course.list'))(eventFrom('http://localhost:5173/'), {})
    expect(courses).toMatchObject({ ok: true })
    expect(fake.current.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce()
    const [template] = fake.current.Menu.buildFromTemplate.mock.calls[0] as [MenuItemConstructorOptions[]]
    expect(JSON.stringify(template)).toContain('toggleDevTools')
  })

  it('ignores a dev server URL in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    const window = await startShell()
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('civic://app/index.html')
    const answer = await ipcHandler(ipcChannel('app.info'))(eventFrom('http://localhost:5173/'), {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  /** Starts the shell with a data folder that cannot be used; the title and message of the error box it shows. */
  async function failedStart(): Promise<[title: string, message: string]> {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    fake.current.app.getPath.mockImplementation(() => {
      throw new Error('The user data folder is not writable.')
    })
    await import('./index')
    await vi.waitFor(() => expect(fake.current.dialog.showErrorBox).toHaveBeenCalledOnce(), EVENTUALLY)
    return fake.current.dialog.showErrorBox.mock.calls[0] as [string, string]
  }

  it('reports a start-up failure in plain words, without a stack, and quits', async () => {
    const [title, message] = await failedStart()
    expect(title).toBe('Civic Learn could not start')
    expect(message).toContain('The user data folder is not writable.')
    expect(message).not.toMatch(/\n\s+at /)
    expect(message).not.toContain('.ts:')
    expect(fake.current.app.quit).toHaveBeenCalledOnce()
    expect(fake.current.windows).toHaveLength(0)
  })
  it('reports it in Welsh on a system set to Welsh, since the learner’s own settings may be what failed', async () => {
    fake.current.app.getLocale.mockReturnValue('cy-GB')
    const [title, message] = await failedStart()
    expect(title).toBe('Nid oedd modd cychwyn Civic Learn')
    expect(message).toMatch(/^The user data folder is not writable\.\n\nRhowch gynnig arall arni\./)
  })
})

describe('lifecycle', () => {
  it('quits when the last window closes, except on macOS', async () => {
    await startShell()
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    fake.current.app.emit('window-all-closed')
    expect(fake.current.app.quit).not.toHaveBeenCalled()
    Object.defineProperty(process, 'platform', { value: 'linux' })
    fake.current.app.emit('window-all-closed')
    expect(fake.current.app.quit).toHaveBeenCalledOnce()
  })

  it('opens a new window on activate only when none is open', async () => {
    const window = await startShell()
    fake.current.app.emit('activate')
    expect(fake.current.windows).toHaveLength(1)
    ;(window as unknown as { close(): void }).close()
    await vi.waitFor(() => access(path.join(fake.current.paths.userData, 'window-state.json')), EVENTUALLY)
    fake.current.app.emit('activate')
    await vi.waitFor(() => expect(fake.current.windows).toHaveLength(1), EVENTUALLY)
    expect(fake.current.windows[0]).not.toBe(window)
    expect(fake.current.windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
  })

  it('waits for the window position and learner data to be written before quitting', async () => {
    services.close.mockClear()
    const window = await startShell()
    ;(window as unknown as { close(): void }).close()
    const quitting = { preventDefault: vi.fn() }
    fake.current.app.emit('will-quit', quitting)
    expect(quitting.preventDefault).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(fake.current.app.quit).toHaveBeenCalledOnce(), EVENTUALLY)
    const saved = JSON.parse(await readFile(path.join(fake.current.paths.userData, 'window-state.json'), 'utf8'))
    expect(saved).toEqual({ schemaVersion: 1, bounds: { x: 40, y: 50, width: 1100, height: 760 }, maximized: false })
    expect(services.save).toHaveBeenCalledOnce()
    expect(services.close).toHaveBeenCalledOnce()

    const again = { preventDefault: vi.fn() }
    fake.current.app.emit('will-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })
})
