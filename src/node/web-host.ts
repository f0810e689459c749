import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import type { ApiErrorCode, ApiResult } from '../core/api'
import { EXPORTS_PATH, TOKEN_HEADER } from '../core/app-meta'
import { SECURITY_HEADERS } from '../core/csp'
import type { Router } from './api-router'
import { readBody } from './request-body'
import { fileResponse, safeSegments, staticResponse, type FileResponse, type StaticRoots } from './static-files'

/** The API takes small JSON documents (a learner record is at most 1 MB); anything larger is refused before it is parsed. */
export const MAX_API_BODY_BYTES = 2 * 1024 * 1024

const STATUS_FOR_ERROR: Record<ApiErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  INTERNAL: 500,
  UNAVAILABLE: 503,
}

export interface WebHostOptions extends StaticRoots {
  router: Router
  token: string
  /** Loopback unless a workshop opts in to its local network. */
  host?: string
  port?: number
}

export interface WebHost {
  server: Server
  url: string
  port: number
  close(): Promise<void>
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  })
  res.end(text)
}

function sendError(res: ServerResponse, status: number, code: ApiErrorCode, message: string, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, extra)
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra })
  res.end(text)
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false
  const actual = Buffer.from(given)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, options: WebHostOptions, token: Buffer) {
  if (req.method !== 'POST') return sendText(res, 405, 'The API takes POST requests only.', { Allow: 'POST' })
  if (!tokenMatches(token, req.headers[TOKEN_HEADER])) {
    return sendError(res, 401, 'UNAUTHORIZED', 'This request did not carry the token printed when the web host started.')
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, 415, 'BAD_INPUT', 'API requests must be JSON (Content-Type: application/json).')
  }
  const body = await readBody(req, MAX_API_BODY_BYTES)
  if (body === null) {
    // The rest of the body is read away, and the answer closes the connection.
    return sendError(res, 413, 'BAD_INPUT', `API requests may be at most ${MAX_API_BODY_BYTES} bytes.`, { Connection: 'close' })
  }
  let input: unknown
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
  } catch {
    return sendError(res, 400, 'BAD_INPUT', 'The request body is not valid JSON.')
  }
  const result = await options.router(method, input)
  sendJson(res, result.ok ? 200 : STATUS_FOR_ERROR[result.error.code], result)
}

/**
 * An exported package's zip, for the browser to save: `/exports/<packageId>`. Like the packages
 * under test at /preview/<id>/, it needs no token (a download link cannot send one): the id is
 * unguessable and only the page that exported the package was given it.
 */
async function exportResponse(pathname: string, options: WebHostOptions, range: string | undefined, headOnly: boolean): Promise<FileResponse | null> {
  const [, id = '', ...rest] = safeSegments(pathname) ?? []
  const kept = rest.length === 0 ? options.packages?.zip(id) : null
  if (!kept) return null
  const answer = await fileResponse(kept.file, range, headOnly)
  const name = kept.fileName.replace(/[^\w.-]/g, '_')
  const headers = { ...SECURITY_HEADERS, ...answer.headers, 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' }
  return { ...answer, headers }
}

async function handleFiles(req: IncomingMessage, res: ServerResponse, pathname: string, options: WebHostOptions) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' })
  const range = typeof req.headers.range === 'string' ? req.headers.range : undefined
  const headOnly = req.method === 'HEAD'
  const answer = pathname.startsWith(EXPORTS_PATH)
    ? await exportResponse(pathname, options, range, headOnly)
    : await staticResponse({ rawPath: pathname, range, headOnly, ...(typeof req.headers['if-none-match'] === 'string' ? { ifNoneMatch: req.headers['if-none-match'] } : {}) }, options)
  if (!answer) return sendText(res, 404, 'Not found.')
  res.writeHead(answer.status, { 'Cache-Control': 'no-cache', ...answer.headers })
  if (!answer.body) return void res.end()
  // pipeline, not pipe: when the browser hangs up (a learner skipping ahead in a video does, all
  // the time) the file stream is destroyed and its file closed, and a read error ends this
  // response instead of the process. A hang-up is no failure worth reporting; anything else goes
  // to the request's own error handling.
  await pipeline(answer.body, res).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error
  })
}

/**
 * The web host: the renderer, course media, exported packages and the API on one origin.
 * Requests naming any other Host are refused (a DNS-rebinding page cannot reach the API), no CORS
 * headers are ever sent, and the API needs the per-run token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1'
  const token = Buffer.from(options.token)
  let allowedHosts = new Set<string>()

  const server = createServer((req, res) => {
    const requestHost = (req.headers.host ?? '').toLowerCase()
    if (!allowedHosts.has(requestHost)) {
      return sendText(res, 421, 'This server only answers requests addressed to its own address.')
    }
    const rawUrl = req.url ?? '/'
    const pathname = rawUrl.split('?')[0] ?? '/'
    const api = /^\/api\/([^/]+)$/.exec(pathname)
    const work = api ? handleApi(req, res, api[1] ?? '', options, token) : handleFiles(req, res, pathname, options)
    work.catch((error: unknown) => {
      console.error('Web host request failed:', error)
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Civic Learn could not complete that request.')
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const named = host === '127.0.0.1' || host === '::1' ? [host, 'localhost'] : [host]
  allowedHosts = new Set(named.map((name) => `${name.includes(':') ? `[${name}]` : name}:${port}`.toLowerCase()))
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    server,
    port,
    url: `http://${urlHost}:${port}/?token=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
