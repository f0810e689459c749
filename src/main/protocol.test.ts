import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, PREVIEW_PACKAGE_HEADERS, PREVIEW_PAGE_HEADERS, SECURITY_HEADERS } from '../core/csp'
import { zipOf } from '../../test/support/write-zip'
import { ExportedPackages } from '../node/export/exported-packages'
import type { StaticRoots } from '../node/static-files'
import { createProtocolHandler, handleAppProtocol, registerAppScheme } from './protocol'

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}))
vi.mock('electron', () => electron)

/** A file that cannot be opened, as with no permission (chmod cannot make one when the tests run as root). */
const LOCKED = 'locked.mp4'
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const open = (file: Parameters<typeof real.open>[0], ...rest: [flags?: string | number, mode?: number]) =>
    path.basename(String(file)) === LOCKED ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES' })) : real.open(file, ...rest)
  return { ...real, default: { ...real, open }, open }
})

const MEDIA = Uint8Array.from({ length: 256 }, (_, index) => index)
let top: string
let roots: StaticRoots & { packages: ExportedPackages }
let previewId: string
let handler: (request: Request) => Promise<Response>

async function tryLink(target: string, link: string): Promise<boolean> {
  try {
    await symlink(target, link)
    return true
  } catch {
    // Windows without developer mode may not allow symbolic links.
    return false
  }
}

let linksWork = false

beforeAll(async () => {
  top = await mkdtemp(path.join(os.tmpdir(), 'civic-protocol-'))
  // The course "demo" names its video, and the link that leads out of the folder, so that confinement is what refuses it.
  const referenced = new Set(['media/intro.mp4', `media/${LOCKED}`, 'media/outside/secret.txt'])
  roots = {
    rendererDir: path.join(top, 'renderer'),
    coursesDir: path.join(top, 'courses'),
    referencedByCourse: (folder, file) => folder === 'demo' && referenced.has(file),
    packages: new ExportedPackages(),
  }
  const zip = await zipOf({ 'imsmanifest.xml': '<manifest/>', 'media/intro.mp4': Buffer.from(MEDIA) })
  previewId = (await roots.packages.add('demo.zip', (file) => writeFile(file, zip))).id
  await mkdir(path.join(roots.rendererDir, 'assets'), { recursive: true })
  await mkdir(path.join(roots.coursesDir, 'demo', 'media'), { recursive: true })
  await writeFile(path.join(roots.rendererDir, 'index.html'), '<!doctype html><title>Civic Learn</title>')
  await writeFile(path.join(roots.rendererDir, 'preview.html'), '<!doctype html><title>Test this package</title>')
  await writeFile(path.join(roots.rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(path.join(roots.coursesDir, 'demo', 'media', 'intro.mp4'), MEDIA)
  await writeFile(path.join(roots.coursesDir, 'demo', 'course.yaml'), 'id: demo\n')
  await writeFile(path.join(top, 'secret.txt'), 'secret')
  await writeFile(path.join(roots.rendererDir, '.env'), 'secret')
  await writeFile(path.join(roots.coursesDir, 'demo', 'media', 'unused.mp4'), 'secret')
  await mkdir(path.join(roots.coursesDir, 'demo', '.git'))
  await writeFile(path.join(roots.coursesDir, 'demo', '.git', 'config'), 'secret')
  linksWork =
    (await tryLink(path.join(top, 'secret.txt'), path.join(roots.rendererDir, 'linked-secret.txt'))) &&
    (await tryLink(top, path.join(roots.coursesDir, 'demo', 'media', 'outside')))
  handler = createProtocolHandler(roots)
})

afterAll(async () => {
  await roots.packages.close()
  await rm(top, { recursive: true, force: true })
})

beforeEach(() => {
  vi.clearAllMocks()
})

function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return handler(new Request(url, { headers }))
}

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers.get(name), name).toBe(value)
  }
}

describe('createProtocolHandler', () => {
  it('serves the renderer page with the CSP and the other security headers', async () => {
    const response = await get('civic://app/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expectSecurityHeaders(response)
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toBe('<!doctype html><title>Civic Learn</title>')
  })

  it('serves index.html for the bare origin', async () => {
    for (const url of ['civic://app/', 'civic://app']) {
      const response = await get(url)
      expect(response.status, url).toBe(200)
      expect(await response.text()).toContain('<title>Civic Learn</title>')
    }
  })

  it('serves scripts with a JavaScript type, so nosniff lets them run', async () => {
    const response = await get('civic://app/assets/app.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^(text|application)\/javascript/)
  })

  it('serves course media in full', async () => {
    const response = await get('civic://app/courses/demo/media/intro.mp4')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('video/mp4')
    expect(response.headers.get('Accept-Ranges')).toBe('bytes')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(MEDIA)
  })

  it('answers a byte range with 206 and exactly those bytes, so video can seek', async () => {
    const response = await get('civic://app/courses/demo/media/intro.mp4', { Range: 'bytes=0-9' })
    expect(response.status).toBe(206)
    expect(response.headers.get('Content-Range')).toBe('bytes 0-9/256')
    expect(response.headers.get('Content-Length')).toBe('10')
    expectSecurityHeaders(response)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(MEDIA.slice(0, 10))
  })

  it('answers a range from the middle to the end', async () => {
    const response = await get('civic://app/courses/demo/media/intro.mp4', { Range: 'bytes=250-' })
    expect(response.status).toBe(206)
    expect(response.headers.get('Content-Range')).toBe('bytes 250-255/256')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(MEDIA.slice(250))
  })

  it('answers an unsatisfiable range with 416 and no body', async () => {
    const response = await get('civic://app/courses/demo/media/intro.mp4', { Range: 'bytes=900-999' })
    expect(response.status).toBe(416)
    expect(response.headers.get('Content-Range')).toBe('bytes */256')
    expect(await response.text()).toBe('')
  })

  it('serves the preview page with a policy that lets it frame the app’s own origin, and nothing frame it', async () => {
    const response = await get('civic://app/preview.html?package=x')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Security-Policy')).toBe(PREVIEW_PAGE_HEADERS['Content-Security-Policy'])
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-src 'self'")
    expect(response.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('serves a package kept for "Test this package", frameable by the app only, with byte ranges', async () => {
    const manifest = await get(`civic://app/preview/${previewId}/imsmanifest.xml`)
    expect(manifest.status).toBe(200)
    expect(await manifest.text()).toBe('<manifest/>')
    expect(manifest.headers.get('Content-Security-Policy')).toBe(PREVIEW_PACKAGE_HEADERS['Content-Security-Policy'])
    expect(manifest.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    const part = await get(`civic://app/preview/${previewId}/media/intro.mp4`, { Range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(MEDIA.slice(10, 20))
    expect((await get('civic://app/preview/00000000-0000-4000-8000-000000000000/imsmanifest.xml')).status).toBe(404)
    expect((await get(`civic://app/preview/${previewId}/%2e%2e/index.html`)).status).toBe(404)
  })

  it('does not serve exported packages for download: the desktop saves them with its own dialog', async () => {
    expect((await get(`civic://app/exports/${previewId}`)).status).toBe(404)
  })

  it('answers HEAD with the headers only', async () => {
    const response = await handler(new Request('civic://app/courses/demo/media/intro.mp4', { method: 'HEAD' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Length')).toBe('256')
    expect(response.body).toBeNull()
  })

  it('refuses other methods', async () => {
    const response = await handler(new Request('civic://app/index.html', { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('GET, HEAD')
  })

  it.each([
    ['a missing file', 'civic://app/missing.html'],
    ['dot-dot after URL parsing', 'civic://app/../secret.txt'],
    ['encoded dot-dot', 'civic://app/%2e%2e/secret.txt'],
    ['encoded slash', 'civic://app/..%2fsecret.txt'],
    ['encoded backslash', 'civic://app/..%5csecret.txt'],
    ['dot-dot inside a course', 'civic://app/courses/demo/..%2f..%2fsecret.txt'],
    ['a course folder that climbs', 'civic://app/courses/..%2f/secret.txt'],
    ['an encoded absolute path', 'civic://app/%2fetc%2fpasswd'],
    ['a drive letter', 'civic://app/C:%5cWindows%5cwin.ini'],
    ['a NUL byte', 'civic://app/index.html%00.png'],
    ['broken percent-encoding', 'civic://app/%E0%A4%A'],
    ['a folder', 'civic://app/assets'],
    ['a course folder without a file', 'civic://app/courses/demo'],
    ['a hidden file beside the app', 'civic://app/.env'],
    ['a hidden folder in a course', 'civic://app/courses/demo/.git/config'],
    ['the course’s source', 'civic://app/courses/demo/course.yaml'],
    ['a file the course does not name', 'civic://app/courses/demo/media/unused.mp4'],
  ])('answers 404 for %s, with the security headers', async (_why, url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expectSecurityHeaders(response)
    expect(await response.text()).not.toContain('secret')
  })

  it('does not follow symbolic links out of their root', async (context) => {
    if (!linksWork) context.skip()
    expect((await get('civic://app/linked-secret.txt')).status).toBe(404)
    expect((await get('civic://app/courses/demo/media/outside/secret.txt')).status).toBe(404)
  })

  it.each([
    'civic://evil/index.html',
    'civic://app.evil.com/index.html',
    'civic://evilapp/index.html',
    'civic://app:8080/index.html',
    'https://app/index.html',
  ])('answers 404 for the foreign origin %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expectSecurityHeaders(response)
  })

  it('answers 404 when userinfo hides another host behind the app name', async () => {
    // Request refuses URLs with credentials, so this is what a hand-made request object would carry.
    const request = { url: 'civic://app@evil/index.html', method: 'GET', headers: new Headers() } as Request
    expect((await handler(request)).status).toBe(404)
  })
})

describe('createProtocolHandler: files it cannot read', () => {
  it('answers 500 for a file the course names but that cannot be opened, and goes on serving', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await writeFile(path.join(roots.coursesDir, 'demo', 'media', LOCKED), MEDIA)
    const response = await get(`civic://app/courses/demo/media/${LOCKED}`)
    expect(response.status).toBe(500)
    expectSecurityHeaders(response)
    expect(await response.text()).not.toContain('EACCES')
    expect(log).toHaveBeenCalledOnce()
    expect((await get('civic://app/courses/demo/media/intro.mp4')).status).toBe(200)
    log.mockRestore()
  })
})

describe('protocol registration', () => {
  it('registers civic as a standard, secure, streaming scheme without CORS', () => {
    registerAppScheme()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'civic',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false },
      },
    ])
  })

  it('handles the civic scheme with the confined file handler', async () => {
    handleAppProtocol(roots)
    expect(electron.protocol.handle).toHaveBeenCalledOnce()
    const [scheme, registered] = electron.protocol.handle.mock.calls[0] as [string, typeof handler]
    expect(scheme).toBe('civic')
    expect((await registered(new Request('civic://app/index.html'))).status).toBe(200)
    expect((await registered(new Request('civic://app/..%2fsecret.txt'))).status).toBe(404)
  })
})
