import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import { APP_NAME } from '../core/app-meta'

export interface MenuOptions {
  isMac: boolean
  /** Reload and developer tools are for people working on the app, not for learners. */
  isDev: boolean
  showAbout: () => void
}

/** The application menu, built from roles so each platform gets its own labels and shortcuts. */
export function menuTemplate({ isMac, isDev, showAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const devTools: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...devTools,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `About ${APP_NAME}`, click: showAbout }] },
  ]
}

export function installMenu(isDev: boolean): void {
  // Linux shows an empty About panel unless it is told what to say.
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() })
  const template = menuTemplate({ isMac: process.platform === 'darwin', isDev, showAbout: () => app.showAboutPanel() })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
