import type { EventEmitter } from 'node:events'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  isVisibleOnSomeDisplay,
  MIN_WINDOW_SIZE,
  openMainWindow,
  openWindowState,
  rendererUrl,
  WINDOW_STATE_FILE,
} from './window'

interface FakeWindow extends EventEmitter {
  options: BrowserWindowConstructorOptions
  maximized: boolean
  visible: boolean
  normalBounds: Rectangle
  loadURL: ReturnType<typeof vi.fn>
  webContents: EventEmitter
}

const fake = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  workAreas: [] as Rectangle[],
  dark: false,
  loadError: null as Error | null,
  dialogChoice: 0,
  dialogs: [] as unknown[],
}))

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class BrowserWindow extends EventEmitter {
    maximized = false
    visible = false
    normalBounds = { x: 0, y: 0, width: 1200, height: 840 }
    webContents = new EventEmitter()
    loadURL = vi.fn(async (_url: string) => {
      if (fake.loadError) throw fake.loadError
    })
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super()
      fake.windows.push(this as unknown as FakeWindow)
    }
    maximize() {
      this.maximized = true
    }
    isMaximized() {
      return this.maximized
    }
    show() {
      this.visible = true
    }
    getNormalBounds() {
      return this.normalBounds
    }
  }
  return {
    BrowserWindow,
    dialog: {
      showMessageBoxSync: (_window: unknown, options: unknown) => {
        fake.dialogs.push(options)
        return fake.dialogChoice
      },
    },
    screen: { getAllDisplays: () => fake.workAreas.map((workArea) => ({ workArea })) },
    nativeTheme: {
      get shouldUseDarkColors() {
        return fake.dark
      },
    },
  }
})

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 }
const LEFT_OF_PRIMARY = { x: -1280, y: 0, width: 1280, height: 984 }

describe('isVisibleOnSomeDisplay', () => {
  it.each([
    ['inside the primary display', { x: 100, y: 100, width: 1200, height: 800 }],
    ['on a display left of the primary one', { x: -1200, y: 50, width: 1000, height: 700 }],
    ['larger than the display, top edge on screen', { x: 0, y: 0, width: 2500, height: 1600 }],
    ['partly off the right edge with the title bar reachable', { x: 1700, y: 200, width: 1000, height: 700 }],
    ['straddling two displays', { x: -300, y: 100, width: 800, height: 600 }],
  ])('keeps bounds %s', (_why, bounds) => {
    expect(isVisibleOnSomeDisplay(bounds, [PRIMARY, LEFT_OF_PRIMARY])).toBe(true)
  })

  it.each([
    ['on a display that has been unplugged', { x: 2000, y: 100, width: 1200, height: 800 }],
    ['far off to the left', { x: -5000, y: 100, width: 1200, height: 800 }],
    ['with the title bar above the screen', { x: 100, y: -500, width: 1200, height: 800 }],
    ['with only a sliver on screen', { x: 1910, y: 100, width: 1200, height: 800 }],
    ['below the screen', { x: 100, y: 1030, width: 1200, height: 800 }],
  ])('rejects bounds %s', (_why, bounds) => {
    expect(isVisibleOnSomeDisplay(bounds, [PRIMARY])).toBe(false)
  })

  it('rejects any bounds when there is no display', () => {
    expect(isVisibleOnSomeDisplay({ x: 0, y: 0, width: 800, height: 600 }, [])).toBe(false)
  })
})

describe('rendererUrl', () => {
  it('loads the app from its own scheme, or from the dev server in development', () => {
    expect(rendererUrl(undefined)).toBe('civic://app/index.html')
    expect(rendererUrl('http://localhost:5173/')).toBe('http://localhost:5173/')
  })
})

describe('window state and the main window', () => {
  let dir: string
  let file: string
  const log = { warn: vi.fn() }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'civic-window-'))
    file = path.join(dir, WINDOW_STATE_FILE)
    fake.windows.length = 0
    fake.workAreas = [PRIMARY]
    fake.dark = false
    fake.loadError = null
    log.warn.mockClear()
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function open(url = 'civic://app/index.html', language?: () => 'en' | 'cy') {
    const windowState = await openWindowState(file, log)
    await openMainWindow({ preload: '/app/out/preload/index.js', url, windowState, ...(language ? { language } : {}) })
    const [window] = fake.windows
    if (!window) throw new Error('no window was created')
    return { window, windowState }
  }

  it('creates a hidden, locked-down window with a title, minimum size and background', async () => {
    const { window } = await open()
    expect(window.options).toMatchObject({
      title: 'Civic Learn',
      show: false,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      backgroundColor: '#ffffff',
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        preload: '/app/out/preload/index.js',
      },
    })
    expect(window.options.x).toBeUndefined()
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('civic://app/index.html')
  })

  it('matches the dark theme background', async () => {
    fake.dark = true
    const { window } = await open()
    expect(window.options.backgroundColor).toBe('#14171b')
  })

  it('shows the window only once it is ready to show', async () => {
    const { window } = await open()
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
    expect(window.maximized).toBe(false)
  })

  it('remembers size, position and maximised state across runs', async () => {
    const first = await open()
    first.window.normalBounds = { x: 150, y: 120, width: 1000, height: 700 }
    first.window.maximized = true
    first.window.emit('close')
    expect(first.windowState.saving).toBe(true)
    await first.windowState.whenSaved()
    expect(first.windowState.saving).toBe(false)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      schemaVersion: 1,
      bounds: { x: 150, y: 120, width: 1000, height: 700 },
      maximized: true,
    })

    fake.windows.length = 0
    const second = await open()
    expect(second.window.options).toMatchObject({ x: 150, y: 120, width: 1000, height: 700 })
    second.window.emit('ready-to-show')
    expect(second.window.maximized).toBe(true)
    expect(second.window.visible).toBe(true)
  })

  it('ignores saved bounds that are no longer on any display', async () => {
    await writeFile(file, JSON.stringify({ bounds: { x: 3000, y: 100, width: 1000, height: 700 }, maximized: false }))
    const { window } = await open()
    expect(window.options.x).toBeUndefined()
    expect(window.options.y).toBeUndefined()
    expect(window.options.width).toBe(1200)
  })

  it('starts from defaults when the saved state is not what it expects, keeping the file aside', async () => {
    await writeFile(file, JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 'tall' }, maximized: 'yes' }))
    const { window, windowState } = await open()
    expect(windowState.state).toEqual({ maximized: false })
    expect(window.options.width).toBe(1200)
    expect(log.warn).toHaveBeenCalledOnce()
  })

  it('loads the dev server when told to', async () => {
    const { window } = await open('http://localhost:5173/')
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173/')
  })

  it('asks the learner before a page with unsaved progress closes, and closes only when they choose to', async () => {
    const { window } = await open()
    const refuse = (choice: number) => {
      fake.dialogChoice = choice
      const event = { preventDefault: vi.fn() }
      window.webContents.emit('will-prevent-unload', event)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(refuse(0)).toBe(false)
    expect(refuse(1)).toBe(true)
    expect(fake.dialogs).toHaveLength(2)
    expect(fake.dialogs[0]).toMatchObject({ message: 'Your latest progress is not saved yet', buttons: ['Stay', 'Close anyway'], cancelId: 0 })
  })

  it('asks in the learner’s language at the moment the dialog shows', async () => {
    let language: 'en' | 'cy' = 'en'
    const { window } = await open(undefined, () => language)
    language = 'cy'
    fake.dialogChoice = 0
    window.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() })
    expect(fake.dialogs.at(-1)).toMatchObject({ message: 'Nid yw eich cynnydd diweddaraf wedi\'i gadw eto', buttons: ['Aros', 'Cau beth bynnag'] })
  })

  it('fails when the renderer cannot be loaded, so start-up can report it', async () => {
    fake.loadError = new Error('ERR_FILE_NOT_FOUND')
    await expect(open()).rejects.toThrow('ERR_FILE_NOT_FOUND')
  })
})
