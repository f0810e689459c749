import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../core/csp'
import {
  devContentSecurityPolicy,
  devServerUrl,
  isAppUrl,
  isPreviewUrl,
  safeExternalUrl,
  secureWebPreferences,
} from './security'

describe('secureWebPreferences', () => {
  it('turns on every isolation feature and names the preload', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/out/preload/index.js',
    })
  })
})

describe('secureWebPreferences without a preload', () => {
  it('keeps every isolation feature and names no preload (the package preview window)', () => {
    const preferences = secureWebPreferences()
    expect(preferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect('preload' in preferences).toBe(false)
  })
})

describe('isPreviewUrl', () => {
  it('knows the preview page and the packages it serves, on the app origin only', () => {
    expect(isPreviewUrl('civic://app/preview.html?package=x')).toBe(true)
    expect(isPreviewUrl('civic://app/preview/abc/index.html')).toBe(true)
    expect(isPreviewUrl('civic://app/index.html#/preview')).toBe(false)
    expect(isPreviewUrl('civic://app/previewer.html')).toBe(false)
    expect(isPreviewUrl('https://evil.example/preview.html')).toBe(false)
    expect(isPreviewUrl('not a url')).toBe(false)
  })
})

describe('isAppUrl', () => {
  it.each([
    'civic://app/index.html',
    'civic://app/',
    'civic://app/index.html#/courses/example-first-steps',
    'civic://app/courses/demo/media/intro.mp4?t=3',
  ])('accepts the app page %s', (url) => {
    expect(isAppUrl(url)).toBe(true)
  })

  it.each([
    ['another host', 'civic://evil/index.html'],
    ['a host that starts with app', 'civic://app.evil.com/index.html'],
    ['a host that ends with app', 'civic://evilapp/index.html'],
    ['userinfo naming the app', 'civic://app@evil/index.html'],
    ['userinfo with a password', 'civic://app:app@evil/'],
    ['credentials on the app host', 'civic://user:pw@app/index.html'],
    ['a port', 'civic://app:8080/index.html'],
    ['no authority', 'civic:app/index.html'],
    ['an empty host', 'civic:///app/index.html'],
    ['a backslash in the host', 'civic://app\\evil/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['a file URL shaped like the app', 'file://app/index.html'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['https', 'https://app/index.html'],
    ['another scheme with the app host', 'civics://app/index.html'],
    ['a relative URL', '/index.html'],
    ['garbage', 'not a url'],
    ['the empty string', ''],
  ])('refuses %s', (_why, url) => {
    expect(isAppUrl(url)).toBe(false)
  })

  it.each([undefined, null, 42, {}, ['civic://app/']])('refuses a non-string %j', (url) => {
    expect(isAppUrl(url)).toBe(false)
  })

  it('accepts the dev server only when it is given, and only its exact origin', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5174/index.html', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/index.html', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/index.html', dev)).toBe(false)
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false)
    expect(isAppUrl('http://localhost:5173@evil.com/', dev)).toBe(false)
    expect(isAppUrl('http://user@localhost:5173/', dev)).toBe(false)
  })

  it('never treats a non-http dev server as an origin to trust', () => {
    expect(isAppUrl('file:///srv/index.html', 'file:///srv/')).toBe(false)
    expect(isAppUrl('javascript:alert(1)', 'javascript:alert(1)')).toBe(false)
    expect(isAppUrl('https://evil.example/', 'garbage')).toBe(false)
  })
})

describe('safeExternalUrl', () => {
  it.each(['https://www.gov.uk/guidance', 'https://example.org', 'mailto:training@council.example', 'HTTPS://EXAMPLE.ORG/'])(
    'allows %s',
    (url) => {
      expect(safeExternalUrl(url)).not.toBeNull()
    },
  )

  it.each([
    'http://example.org/',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'blob:https://example.org/uuid',
    'civic://app/index.html',
    'smb://attacker.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'ftp://example.org/',
    'tel:+441234',
    'https://council.gov.uk@evil.example/',
    'https://user:pw@example.org/',
    'mailto:',
    '//example.org',
    'example.org',
    '',
  ])('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull()
  })

  it('gives the canonical form of the URL it checked, for the system to open', () => {
    expect(safeExternalUrl('HTTPS://Example.ORG')).toBe('https://example.org/')
    expect(safeExternalUrl('https:example.org/a b')).toBe('https://example.org/a%20b')
    expect(safeExternalUrl('mailto:training@council.example?subject=Hello')).toBe('mailto:training@council.example?subject=Hello')
    expect(safeExternalUrl('http://example.org/')).toBeNull()
  })

  it('refuses non-strings', () => {
    expect(safeExternalUrl(undefined)).toBeNull()
    expect(safeExternalUrl({ href: 'https://example.org' })).toBeNull()
  })
})

describe('devServerUrl', () => {
  it('is the electron-vite dev server when running unpackaged', () => {
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173/')
  })

  it('is ignored in a packaged app, whatever the environment says', () => {
    expect(devServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeUndefined()
  })

  it.each(['', 'file:///srv/index.html', 'javascript:alert(1)', 'http://user:pw@localhost:5173', 'nonsense'])(
    'is ignored when it names %j',
    (value) => {
      expect(devServerUrl(false, { ELECTRON_RENDERER_URL: value })).toBeUndefined()
    },
  )

  it('is absent when not set', () => {
    expect(devServerUrl(false, {})).toBeUndefined()
  })
})

describe('devContentSecurityPolicy', () => {
  it("relaxes only styles and the dev server's socket", () => {
    const policy = devContentSecurityPolicy('http://localhost:5173/')
    expect(policy).toContain("style-src 'self' 'unsafe-inline'")
    expect(policy).toContain("connect-src 'self' ws://localhost:5173")
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toContain('unsafe-eval')
    const unchanged = (text: string) =>
      text
        .split('; ')
        .filter((part) => !part.startsWith('style-src') && !part.startsWith('connect-src'))
    expect(unchanged(policy)).toEqual(unchanged(CONTENT_SECURITY_POLICY))
  })

  it('uses a secure socket for an https dev server', () => {
    expect(devContentSecurityPolicy('https://localhost:5173/')).toContain("connect-src 'self' wss://localhost:5173")
  })
})
