import { shell, type App, type Session, type WebContents } from 'electron'
import { isPrivacyEnhancedEmbed } from '../core/embeds'
import { PREVIEW_PAGE } from '../core/csp'
import { devContentSecurityPolicy, isAppUrl, isPreviewUrl, safeExternalUrl } from './security'
import { audienceWindowOptions, previewWindowOptions } from './window'

interface NavigationEvent {
  url: string
  preventDefault(): void
}

/**
 * Keeps every web contents on the app's own pages: no navigation or redirect elsewhere in any
 * frame (but an opted-in video embed), no new windows but the package preview and a presenter's
 * audience window, no <webview>.
 * Safe links asked to open in a new window go to the system browser or mail client instead;
 * course files are downloaded.
 */
export function guardWebContents(contents: WebContents, devServer?: string, preload?: string): void {
  const stayInApp = (event: NavigationEvent) => {
    if (!isAppUrl(event.url, devServer)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  // A sub-frame may show an online video the learner opted in to, from a privacy-enhanced host.
  contents.on('will-frame-navigate', (event: NavigationEvent & { isMainFrame?: boolean }) => {
    if (event.isMainFrame === false && isPrivacyEnhancedEmbed(event.url)) return
    stayInApp(event)
  })
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // "Test this package" opens the app's preview page in a window of its own, with no preload;
    // only the app's own pages may, not a preview window (nor the package inside it).
    if (isAppUrl(url, devServer) && new URL(url).pathname === PREVIEW_PAGE && !isPreviewUrl(contents.getURL(), devServer)) {
      return { action: 'allow', overrideBrowserWindowOptions: previewWindowOptions() }
    }
    // A trainer presenting opens the projector's window: the app's own page, with the API as the
    // main window has it (it reads the course), from an app page only, never from a preview.
    if (preload && isAppUrl(url, devServer) && isAudiencePage(url) && !isPreviewUrl(contents.getURL(), devServer)) {
      return { action: 'allow', overrideBrowserWindowOptions: audienceWindowOptions(preload) }
    }
    // A course's own file (a handout) is saved where the learner chooses, never run or opened.
    if (isAppUrl(url, devServer) && new URL(url).pathname.startsWith('/courses/')) {
      contents.downloadURL(url)
      return { action: 'deny' }
    }
    const external = safeExternalUrl(url)
    if (external !== null) {
      shell.openExternal(external).catch((error: unknown) => console.warn(`Could not open ${external} outside Civic Learn:`, error))
    }
    return { action: 'deny' }
  })
}

/** The projector's window the presenter opens: the app's page at `#/audience/<course>`. */
function isAudiencePage(url: string): boolean {
  const parsed = new URL(url)
  return parsed.pathname === '/index.html' && /^#\/audience\/[a-z0-9-]+$/.test(parsed.hash)
}

/** Guards every web contents as it is created, so none is ever left unguarded. */
export function installWebContentsGuards(app: Pick<App, 'on'>, devServer?: string, preload?: string): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServer, preload))
}

/**
 * No page gets a camera, microphone, location, notifications or any other permission: the
 * courses need none. The one exception is full screen for the app's own pages, so a learner can
 * watch a course video full screen. In development the dev server's pages get the CSP as a header too, since
 * only the packaged app's own protocol sends it.
 */
export function installSessionGuards(session: Session, devServer?: string): void {
  const allowed = (permission: string, url: string | undefined) => permission === 'fullscreen' && isAppUrl(url, devServer)
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details?.requestingUrl)))
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin))
  if (devServer === undefined) return
  const origin = new URL(devServer).origin
  const policy = devContentSecurityPolicy(devServer)
  session.webRequest.onHeadersReceived((details, callback) => {
    if (new URL(details.url).origin !== origin) return callback({})
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    )
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } })
  })
}
