import { EventEmitter } from 'node:events'
import type { App, HandlerDetails, OnHeadersReceivedListenerDetails, Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { guardWebContents, installSessionGuards, installWebContentsGuards } from './guards'
import { EVENTUALLY } from '../../test/support/eventually'

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => undefined) }, nativeTheme: { shouldUseDarkColors: false } }))
vi.mock('electron', () => electron)

type OpenHandler = (details: HandlerDetails) => { action: string }

class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | undefined
  url = 'civic://app/index.html'
  getURL(): string {
    return this.url
  }
  downloadURL = vi.fn()
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler
  }
}

function navigation(url: string) {
  return { url, preventDefault: vi.fn() }
}

function guarded(devServer?: string): FakeWebContents {
  const contents = new FakeWebContents()
  guardWebContents(contents as unknown as WebContents, devServer)
  return contents
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to a foreign page is prevented', (name) => {
    const contents = guarded()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'civic://app.evil.com/', 'javascript:alert(1)']) {
      const event = navigation(url)
      contents.emit(name, event)
      expect(event.preventDefault, url).toHaveBeenCalled()
    }
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within the app is allowed', (name) => {
    const contents = guarded()
    const event = navigation('civic://app/index.html#/courses/example-first-steps')
    contents.emit(name, event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('lets a sub-frame show a privacy-enhanced video embed, and nothing else from outside', () => {
    const contents = guarded()
    const embed = { ...navigation('https://www.youtube-nocookie.com/embed/abc123'), isMainFrame: false }
    contents.emit('will-frame-navigate', embed)
    expect(embed.preventDefault).not.toHaveBeenCalled()
    for (const [url, isMainFrame] of [
      ['https://www.youtube-nocookie.com/embed/abc123', true],
      ['https://www.youtube.com/embed/abc123', false],
      ['https://player.vimeo.com/video/1', false],
      ['https://evil.example/embed', false],
    ] as const) {
      const event = { ...navigation(url), isMainFrame }
      contents.emit('will-frame-navigate', event)
      expect(event.preventDefault, `${url} main=${isMainFrame}`).toHaveBeenCalled()
    }
  })

  it('allows the dev server only when it is the one given', () => {
    const devEvent = navigation('http://localhost:5173/')
    guarded('http://localhost:5173/').emit('will-navigate', devEvent)
    expect(devEvent.preventDefault).not.toHaveBeenCalled()
    const prodEvent = navigation('http://localhost:5173/')
    guarded().emit('will-navigate', prodEvent)
    expect(prodEvent.preventDefault).toHaveBeenCalled()
  })

  it('prevents attaching a webview', () => {
    const event = { preventDefault: vi.fn() }
    guarded().emit('will-attach-webview', event, {}, { src: 'civic://app/index.html' })
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('window.open', () => {
  function open(url: string) {
    const contents = guarded()
    if (!contents.openHandler) throw new Error('no window open handler was set')
    return contents.openHandler({ url } as HandlerDetails)
  }

  it.each(['https://www.gov.uk/', 'mailto:training@council.example'])('denies %s and opens it outside the app', (url) => {
    expect(open(url)).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(url)
  })

  it('saves a course file (a handout) as a download instead of opening it', () => {
    const contents = guarded()
    expect(contents.openHandler?.({ url: 'civic://app/courses/demo/media/handout.pdf' } as HandlerDetails)).toEqual({ action: 'deny' })
    expect(contents.downloadURL).toHaveBeenCalledExactlyOnceWith('civic://app/courses/demo/media/handout.pdf')
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
    contents.openHandler?.({ url: 'civic://app/index.html' } as HandlerDetails)
    expect(contents.downloadURL).toHaveBeenCalledOnce()
  })

  it('opens the package preview page in a window of its own, locked down and without the preload', () => {
    const answer = open('civic://app/preview.html?package=0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b&lang=cy') as {
      action: string
      overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> }
    }
    expect(answer.action).toBe('allow')
    const preferences = answer.overrideBrowserWindowOptions?.webPreferences ?? {}
    expect(preferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false })
    expect('preload' in preferences).toBe(false)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('opens a presenter’s audience window on the app’s own page, with the preload, from an app page only', () => {
    const contents = new FakeWebContents()
    guardWebContents(contents as unknown as WebContents, undefined, '/app/preload/index.js')
    const answer = contents.openHandler?.({ url: 'civic://app/index.html#/audience/social-media' } as HandlerDetails) as {
      action: string
      overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> }
    }
    expect(answer.action).toBe('allow')
    expect(answer.overrideBrowserWindowOptions?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/preload/index.js' })
    for (const url of ['civic://app/index.html#/audience/x/../../data', 'civic://app/index.html#/learners', 'https://evil.example/index.html#/audience/x']) {
      expect(contents.openHandler?.({ url } as HandlerDetails)).toEqual({ action: 'deny' })
    }
    contents.url = 'civic://app/preview.html?package=0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
    expect(contents.openHandler?.({ url: 'civic://app/index.html#/audience/social-media' } as HandlerDetails)).toEqual({ action: 'deny' })
    // Without a preload to give it, no audience window.
    expect(open('civic://app/index.html#/audience/social-media')).toEqual({ action: 'deny' })
  })

  it('opens no preview window from a preview window, so a package cannot open window after window', () => {
    const contents = guarded()
    contents.url = 'civic://app/preview.html?package=0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
    expect(contents.openHandler?.({ url: 'civic://app/preview.html?package=0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b' } as HandlerDetails)).toEqual({ action: 'deny' })
  })

  it.each(['civic://app/index.html', 'civic://app/preview/0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b/index.html', 'https://evil.example/preview.html', 'civic://app.evil.example/preview.html'])(
    'opens no window for %s',
    (url) => {
      expect(open(url).action).toBe('deny')
    },
  )

  it('hands the system the canonical URL it checked', () => {
    open('HTTPS://WWW.GOV.UK')
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.gov.uk/')
  })

  it.each([
    'http://example.org/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker.example/share',
    'javascript:alert(1)',
    'civic://app/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'https://council.gov.uk@evil.example/',
  ])('denies %s and does not open it anywhere', (url) => {
    expect(open(url)).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('keeps the app running when the system cannot open a link', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    electron.shell.openExternal.mockRejectedValueOnce(new Error('no browser'))
    expect(open('https://www.gov.uk/')).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(warn).toHaveBeenCalled(), EVENTUALLY)
    warn.mockRestore()
  })
})

describe('installWebContentsGuards', () => {
  it('guards every web contents as it is created', () => {
    const app = new EventEmitter()
    installWebContentsGuards(app as unknown as App)
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    const event = navigation('https://evil.example/')
    contents.emit('will-navigate', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(contents.openHandler?.({ url: 'https://evil.example/' } as HandlerDetails)).toEqual({ action: 'deny' })
  })
})

describe('installSessionGuards', () => {
  type HeadersListener = (
    details: Pick<OnHeadersReceivedListenerDetails, 'url' | 'responseHeaders'>,
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void

  function fakeSession() {
    return {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn<(listener: HeadersListener) => void>() },
    }
  }

  it('denies every permission request and check but full screen for the app itself', () => {
    const session = fakeSession()
    installSessionGuards(session as unknown as Session)
    const [requestHandler] = session.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
    ]
    const [checkHandler] = session.setPermissionCheckHandler.mock.calls[0] as [(...args: unknown[]) => boolean]
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      requestHandler({}, permission, callback, { requestingUrl: 'civic://app/index.html' })
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false)
      expect(checkHandler({}, permission, 'civic://app', {}), permission).toBe(false)
    }
    const granted = vi.fn()
    requestHandler({}, 'fullscreen', granted, { requestingUrl: 'civic://app/index.html' })
    expect(granted).toHaveBeenCalledExactlyOnceWith(true)
    expect(checkHandler({}, 'fullscreen', 'civic://app', {})).toBe(true)
    const foreign = vi.fn()
    requestHandler({}, 'fullscreen', foreign, { requestingUrl: 'https://evil.example/' })
    expect(foreign).toHaveBeenCalledExactlyOnceWith(false)
    expect(checkHandler({}, 'fullscreen', 'https://evil.example', {})).toBe(false)
  })

  it('leaves response headers alone in a packaged app, whose protocol sends the CSP itself', () => {
    const session = fakeSession()
    installSessionGuards(session as unknown as Session)
    expect(session.webRequest.onHeadersReceived).not.toHaveBeenCalled()
  })

  it("adds the CSP to the dev server's responses, replacing any it sent", () => {
    const session = fakeSession()
    installSessionGuards(session as unknown as Session, 'http://localhost:5173/')
    const [listener] = session.webRequest.onHeadersReceived.mock.calls[0] as [HeadersListener]
    const callback = vi.fn()
    listener(
      {
        url: 'http://localhost:5173/src/main.ts',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/javascript'] },
      },
      callback,
    )
    const { responseHeaders } = callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }
    expect(responseHeaders['Content-Type']).toEqual(['text/javascript'])
    expect(Object.keys(responseHeaders).filter((name) => name.toLowerCase() === 'content-security-policy')).toEqual([
      'Content-Security-Policy',
    ])
    const [policy] = responseHeaders['Content-Security-Policy'] ?? []
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toMatch(/^default-src 'none';/)
  })

  it('leaves responses from other origins unchanged', () => {
    const session = fakeSession()
    installSessionGuards(session as unknown as Session, 'http://localhost:5173/')
    const [listener] = session.webRequest.onHeadersReceived.mock.calls[0] as [HeadersListener]
    const callback = vi.fn()
    listener({ url: 'http://localhost:5174/x.js', responseHeaders: {} }, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith({})
  })
})
