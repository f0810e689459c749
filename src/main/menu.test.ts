import type { MenuItemConstructorOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { installMenu, menuTemplate } from './menu'

const electron = vi.hoisted(() => ({
  app: { getVersion: vi.fn(() => '1.2.3'), setAboutPanelOptions: vi.fn(), showAboutPanel: vi.fn() },
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}))
vi.mock('electron', () => electron)

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? allItems(item.submenu as MenuItemConstructorOptions[]) : []),
  ])
}

function roles(template: MenuItemConstructorOptions[]): string[] {
  return allItems(template).flatMap((item) => (item.role ? [item.role] : []))
}

const showAbout = vi.fn()

beforeEach(() => {
  vi.clearAllMocks()
})

describe('menuTemplate', () => {
  it('gives learners zoom and full screen but no reload or developer tools', () => {
    const items = roles(menuTemplate({ isMac: false, isDev: false, showAbout }))
    expect(items).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help']))
    expect(items).not.toContain('reload')
    expect(items).not.toContain('forceReload')
    expect(items).not.toContain('toggleDevTools')
    expect(items).not.toContain('viewMenu')
  })

  it('adds reload and developer tools in development', () => {
    expect(roles(menuTemplate({ isMac: false, isDev: true, showAbout }))).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    )
  })

  it('starts with the application menu on macOS only', () => {
    expect(menuTemplate({ isMac: true, isDev: false, showAbout })[0]?.role).toBe('appMenu')
    expect(roles(menuTemplate({ isMac: false, isDev: false, showAbout }))).not.toContain('appMenu')
  })

  it('offers About Civic Learn in Help, and no link out of the app', () => {
    const template = menuTemplate({ isMac: false, isDev: false, showAbout })
    const about = allItems(template).find((item) => item.label === 'About Civic Learn')
    expect(about).toBeDefined()
    about?.click?.({} as never, undefined, {} as never)
    expect(showAbout).toHaveBeenCalledOnce()
    expect(JSON.stringify(template)).not.toMatch(/https?:|www\./)
  })
})

describe('installMenu', () => {
  it('sets the application menu and fills in the About panel', () => {
    installMenu(false)
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith({ applicationName: 'Civic Learn', applicationVersion: '1.2.3' })
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const [template] = electron.Menu.buildFromTemplate.mock.calls[0] as [MenuItemConstructorOptions[]]
    expect(roles(template)).not.toContain('toggleDevTools')
    allItems(template)
      .find((item) => item.label === 'About Civic Learn')
      ?.click?.({} as never, undefined, {} as never)
    expect(electron.app.showAboutPanel).toHaveBeenCalledOnce()
  })
})
