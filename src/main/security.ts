import type { WebPreferences } from 'electron'
import { APP_HOST, APP_SCHEME } from '../core/app-meta'
import { CONTENT_SECURITY_POLICY, PREVIEW_PAGE, PREVIEW_PATH } from '../core/csp'

/**
 * The only web preferences any Civic Learn window gets. The renderer shows course content written
 * by others, so it runs with no Node, in Chromium's sandbox, isolated from the preload. A window
 * without a preload (the package preview) has no way to the API at all.
 */
export function secureWebPreferences(preload?: string) {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    ...(preload === undefined ? {} : { preload }),
  } as const satisfies WebPreferences
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * The electron-vite dev server's URL, only when running unpackaged and only if it is a plain
 * http(s) origin; a packaged app never trusts anything the environment names.
 */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  if (isPackaged) return undefined
  const url = parse(env.ELECTRON_RENDERER_URL)
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined
  return url.href
}

/**
 * Whether a URL belongs to the app itself: `civic://app/...`, or in development the exact origin of
 * the dev server. Each URL part is compared on its own because Node gives custom schemes an
 * opaque origin, and so that `civic://app@evil/` or `civic://app.evil.com/` never pass.
 */
export function isAppUrl(url: unknown, devServer?: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  ) {
    return true
  }
  const dev = devServer === undefined ? null : parse(devServer)
  return (
    dev !== null &&
    (dev.protocol === 'http:' || dev.protocol === 'https:') &&
    parsed.origin === dev.origin &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * The "Test this package" page and the packages it serves: the app's own URLs, but showing a
 * package as an LMS would, so they never get the API.
 */
export function isPreviewUrl(url: unknown, devServer?: string): boolean {
  if (!isAppUrl(url, devServer)) return false
  const { pathname } = new URL(String(url))
  return pathname === PREVIEW_PAGE || pathname.startsWith(PREVIEW_PATH)
}

/**
 * Links the system may open outside the app: web pages over https and e-mail addresses, as the
 * canonical URL that was checked (so the operating system never parses a different string), or
 * null. Anything else (file:, smb:, custom protocol handlers, plain http) could run or leak
 * something locally. Credentials are refused because `https://council.gov.uk@evil.example` misleads.
 */
export function safeExternalUrl(url: unknown): string | null {
  const parsed = parse(url)
  if (!parsed) return null
  const safe =
    parsed.protocol === 'mailto:'
      ? parsed.pathname !== ''
      : parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
  return safe ? parsed.href : null
}

/**
 * The CSP for pages from the dev server. Vite injects styles as inline `<style>` elements and
 * talks to its page over a WebSocket, so development alone allows those two; the packaged app
 * gets CONTENT_SECURITY_POLICY unchanged from the custom protocol.
 */
export function devContentSecurityPolicy(devServer: string): string {
  const url = new URL(devServer)
  const socket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`
  return CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${socket}`,
  )
}
