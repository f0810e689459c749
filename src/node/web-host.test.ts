import { request as httpRequest } from 'node:http'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ok } from '../core/api'
import { CONTENT_SECURITY_POLICY, PREVIEW_PACKAGE_HEADERS, PREVIEW_PAGE_HEADERS } from '../core/csp'
import { zipOf } from '../../test/support/write-zip'
import { ExportedPackages } from './export/exported-packages'
import { MAX_API_BODY_BYTES, startWebHost, type WebHost } from './web-host'

const TOKEN = 'test-token-1234567890'
let dir: string
let host: WebHost
let previewId: string
let packages: ExportedPackages
let packageZip: Buffer
const router = vi.fn(async (method: unknown) => ok({ method }))

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** Sends the request path exactly as given: fetch() would normalise `..` away before sending. */
function raw(options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      },
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  raw({
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-civic-token': TOKEN, ...headers },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'civic-webhost-'))
  const rendererDir = path.join(dir, 'renderer')
  const coursesDir = path.join(dir, 'courses')
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true })
  await mkdir(path.join(coursesDir, 'demo', 'media'), { recursive: true })
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Civic Learn</title>')
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(path.join(rendererDir, 'assets', 'index-4f2a9C_e.js'), 'console.log(2)')
  await writeFile(path.join(coursesDir, 'demo', 'media', 'clip.mp4'), Buffer.from('0123456789abcdefghij'))
  await writeFile(path.join(dir, 'secret.txt'), 'top secret')
  await symlink(path.join(dir, 'secret.txt'), path.join(coursesDir, 'demo', 'media', 'escape.txt'))
  await writeFile(path.join(rendererDir, 'preview.html'), '<!doctype html><title>Test this package</title>')
  await writeFile(path.join(rendererDir, '.env'), 'top secret')
  await writeFile(path.join(coursesDir, 'demo', 'course.yaml'), 'id: demo # top secret')
  await writeFile(path.join(coursesDir, 'demo', 'media', 'unused.mp4'), 'top secret')
  await mkdir(path.join(coursesDir, 'other', 'media'), { recursive: true })
  await writeFile(path.join(coursesDir, 'other', 'media', 'clip.mp4'), 'top secret')
  await mkdir(path.join(coursesDir, 'demo', '.git'))
  await writeFile(path.join(coursesDir, 'demo', '.git', 'config'), 'top secret')
  packages = new ExportedPackages()
  packageZip = await zipOf({ 'imsmanifest.xml': '<manifest/>', 'index.html': '<p>course</p>', 'media/clip.mp4': '0123456789' })
  previewId = (await packages.add('demo-scorm12.zip', (file) => writeFile(file, packageZip))).id
  // The course "demo" names its clip, and the link that leads out of the folder, so that confinement is what refuses it.
  const referenced = new Set(['media/clip.mp4', 'media/escape.txt'])
  host = await startWebHost({ router, token: TOKEN, port: 0, rendererDir, coursesDir, packages, referencedByCourse: (folder, file) => folder === 'demo' && referenced.has(file) })
})

afterAll(async () => {
  await host.close()
  await packages.close()
  await rm(dir, { recursive: true, force: true })
})

describe('web host: API', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`)
  })

  it('answers a call carrying the token through the router', async () => {
    const response = await api('course.list', {})
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body.toString())).toEqual({ ok: true, value: { method: 'course.list' } })
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('refuses a call without the token (401) or with a wrong one, and never reaches the router', async () => {
    router.mockClear()
    const missing = await raw({ path: '/api/course.list', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body.toString()).error.code).toBe('UNAUTHORIZED')
    const wrong = await api('course.list', {}, { 'x-civic-token': 'guess' })
    expect(wrong.status).toBe(401)
    expect(router).not.toHaveBeenCalled()
  })

  it('answers 404 for a method the router does not know', async () => {
    const { fail } = await import('../core/api')
    router.mockResolvedValueOnce(fail('UNKNOWN_METHOD', 'There is no API method called "nope".'))
    const response = await api('nope', {})
    expect(response.status).toBe(404)
    expect(JSON.parse(response.body.toString()).error.code).toBe('UNKNOWN_METHOD')
  })

  it('refuses malformed JSON, wrong content types, oversized bodies and GET', async () => {
    const badJson = await raw({
      path: '/api/course.list',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-civic-token': TOKEN },
      body: '{nope',
    })
    expect(badJson.status).toBe(400)
    const form = await raw({
      path: '/api/course.list',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-civic-token': TOKEN },
      body: 'a=1',
    })
    expect(form.status).toBe(415)
    // Answered, not cut off: the learner's page hears why.
    const huge = await api('course.list', { text: 'x'.repeat(MAX_API_BODY_BYTES + 10) })
    expect(huge.status).toBe(413)
    expect(JSON.parse(huge.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: `API requests may be at most ${MAX_API_BODY_BYTES} bytes.` } })
    expect(huge.headers.connection).toBe('close')
    const get = await raw({ path: '/api/course.list' })
    expect(get.status).toBe(405)
  })

  it('sends no CORS headers, even when asked from another origin', async () => {
    const response = await api('course.list', {}, { origin: 'http://evil.example' })
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await raw({
      path: '/api/course.list',
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    expect(preflight.status).toBeGreaterThanOrEqual(400)
  })
})

describe('web host: Host header (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:0', 'localhost.evil.example:0', '127.0.0.1', '127.0.0.1:1'])('refuses Host "%s"', async (hostHeader) => {
    const response = await raw({ path: '/', headers: { host: hostHeader.replace(':0', `:${host.port}`) } })
    expect(response.status).toBe(421)
  })

  it('accepts localhost and 127.0.0.1 on its own port', async () => {
    expect((await raw({ path: '/', headers: { host: `localhost:${host.port}` } })).status).toBe(200)
    expect((await raw({ path: '/', headers: { host: `127.0.0.1:${host.port}` } })).status).toBe(200)
  })
})

describe('web host: static files', () => {
  it('serves the renderer with the CSP and security headers', async () => {
    const response = await raw({ path: '/' })
    expect(response.status).toBe(200)
    expect(response.body.toString()).toContain('<title>Civic Learn</title>')
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect((await raw({ path: '/assets/app.js' })).status).toBe(200)
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/courses/demo/..%2f..%2f..%2fsecret.txt',
    '/courses/demo/%2E%2E/%2E%2E/%2E%2E/secret.txt',
    '/courses/../secret.txt',
    '//etc/passwd',
    '/courses/demo/media/%2fetc%2fpasswd',
    '/courses/demo/media/..%5c..%5csecret.txt',
    '/courses/demo/media/clip.mp4%00.txt',
    '/courses/demo/media/escape.txt',
    '/courses/demo/media/%E0%A4%A',
  ])('refuses the escape attempt %s', async (attempt) => {
    const response = await raw({ path: attempt })
    expect(response.status).toBe(404)
    expect(response.body.toString()).not.toContain('top secret')
  })

  it.each([
    ['a hidden file beside the app', '/.env'],
    ['a hidden folder in a course', '/courses/demo/.git/config'],
    ['the course’s source', '/courses/demo/course.yaml'],
    ['a file the course does not name', '/courses/demo/media/unused.mp4'],
    ['a file of a folder with no course that loads', '/courses/other/media/clip.mp4'],
  ])('answers 404 for %s', async (_what, file) => {
    const response = await raw({ path: file })
    expect(response.status).toBe(404)
    expect(response.body.toString()).not.toContain('top secret')
  })

  it('serves course media whole, and answers a Range request with 206 and the right bytes', async () => {
    const whole = await raw({ path: '/courses/demo/media/clip.mp4' })
    expect(whole.status).toBe(200)
    expect(whole.headers['accept-ranges']).toBe('bytes')
    expect(whole.headers['content-type']).toBe('video/mp4')
    const part = await raw({ path: '/courses/demo/media/clip.mp4', headers: { range: 'bytes=5-9' } })
    expect(part.status).toBe(206)
    expect(part.headers['content-range']).toBe('bytes 5-9/20')
    expect(part.headers['content-length']).toBe('5')
    expect(part.body.toString()).toBe('56789')
    const tail = await raw({ path: '/courses/demo/media/clip.mp4', headers: { range: 'bytes=-3' } })
    expect(tail.body.toString()).toBe('hij')
  })

  it('answers 416 for a range beyond the file', async () => {
    const response = await raw({ path: '/courses/demo/media/clip.mp4', headers: { range: 'bytes=100-200' } })
    expect(response.status).toBe(416)
    expect(response.headers['content-range']).toBe('bytes */20')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await raw({ path: '/courses/demo/media/clip.mp4', method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe('20')
    expect(head.body.length).toBe(0)
    expect((await raw({ path: '/index.html', method: 'DELETE' })).status).toBe(405)
  })
})

describe('web host: packages under test', () => {
  it('serves the preview page with a policy that lets it frame the app’s own origin and nothing frame it', async () => {
    const response = await raw({ path: '/preview.html' })
    expect(response.status).toBe(200)
    expect(response.headers['content-security-policy']).toBe(PREVIEW_PAGE_HEADERS['Content-Security-Policy'])
    expect(response.headers['content-security-policy']).toContain("frame-src 'self'")
    expect(response.headers['x-frame-options']).toBe('DENY')
  })

  it('serves a kept package’s files, frameable by the app’s own pages only, with ranges for its media', async () => {
    const page = await raw({ path: `/preview/${previewId}/index.html` })
    expect(page.status).toBe(200)
    expect(page.body.toString()).toBe('<p>course</p>')
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toBe(PREVIEW_PACKAGE_HEADERS['Content-Security-Policy'])
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN')
    const part = await raw({ path: `/preview/${previewId}/media/clip.mp4`, headers: { range: 'bytes=2-4' } })
    expect(part.status).toBe(206)
    expect(part.body.toString()).toBe('234')
    expect(part.headers['content-range']).toBe('bytes 2-4/10')
  })

  it.each([
    '/preview/<id>/../index.html',
    '/preview/<id>/%2e%2e/%2e%2e/secret.txt',
    '/preview/<id>/..%2f..%2fsecret.txt',
    '/preview/<id>/media/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    '/preview/<id>/',
    '/preview/<id>',
    '/preview/00000000-0000-4000-8000-000000000000/index.html',
    '/preview/',
  ])('answers 404 for %s, never a file from elsewhere', async (attempt) => {
    const response = await raw({ path: attempt.replace('<id>', previewId) })
    expect(response.status).toBe(404)
    expect(response.body.toString()).not.toContain('top secret')
  })
})


describe('web host: exported packages to download', () => {
  it('hands a kept package’s zip over as a download, byte for byte, without the API token', async () => {
    const response = await raw({ path: `/exports/${previewId}` })
    expect(response.status).toBe(200)
    expect(response.body.equals(packageZip)).toBe(true)
    expect(response.headers['content-type']).toBe('application/zip')
    expect(response.headers['content-disposition']).toBe('attachment; filename="demo-scorm12.zip"')
    expect(response.headers['content-length']).toBe(String(packageZip.length))
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
    const head = await raw({ path: `/exports/${previewId}`, method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  it('refuses other methods and other hosts, as everywhere else', async () => {
    expect((await raw({ path: `/exports/${previewId}`, method: 'POST' })).status).toBe(405)
    expect((await raw({ path: `/exports/${previewId}`, headers: { host: `evil.example:${host.port}` } })).status).toBe(421)
  })

  it.each([
    '/exports/00000000-0000-4000-8000-000000000000',
    '/exports/',
    '/exports',
    '/exports/<id>/index.html',
    '/exports/<id>/../../secret.txt',
    '/exports/%2e%2e/secret.txt',
    '/exports/..%2f..%2fsecret.txt',
    '/exports/<id>%2f..',
    '/exports/__proto__',
  ])('answers 404 for %s, never a file from elsewhere', async (attempt) => {
    const response = await raw({ path: attempt.replace('<id>', previewId) })
    expect(response.status).toBe(404)
    expect(response.body.toString()).not.toContain('top secret')
  })
})

describe('web host: caching', () => {
  it('lets the browser keep hashed assets for good, and checks everything else with a validator', async () => {
    const hashed = await raw({ path: '/assets/index-4f2a9C_e.js' })
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const file of ['/', '/assets/app.js', '/courses/demo/media/clip.mp4']) {
      const answer = await raw({ path: file })
      expect(answer.status).toBe(200)
      expect(answer.headers['cache-control']).toBe('no-cache')
      expect(answer.headers.etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/)
    }
  })

  it('answers 304 without the file while the copy the browser holds is current, and the file once it changed', async () => {
    const first = await raw({ path: '/index.html' })
    const etag = String(first.headers.etag)
    const again = await raw({ path: '/index.html', headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Civic Learn, updated</title>')
    const changed = await raw({ path: '/index.html', headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.body.toString()).toContain('updated')
    expect(changed.headers.etag).not.toBe(etag)
  })
})

