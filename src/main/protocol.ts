import { Readable } from 'node:stream'
import { protocol } from 'electron'
import { APP_SCHEME } from '../core/app-meta'
import { SECURITY_HEADERS } from '../core/csp'
import { staticResponse, type StaticRoots } from '../node/static-files'
import { isAppUrl } from './security'

/**
 * Makes `civic:` behave like https for the renderer: a real origin for 'self' in the CSP, a secure
 * context, fetch and streamed media. CORS stays off so no other origin may read from it.
 * Electron accepts this only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false },
    },
  ])
}

type ResponseBody = ConstructorParameters<typeof Response>[0]

function plainResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  })
}

/**
 * Answers `civic://app/...` requests from the renderer, the files loaded courses name and packages
 * kept for preview, with the same path confinement, Range handling and security headers as the
 * web host. A body's file stream is closed when the page stops reading it: cancelling the web
 * stream destroys the file stream.
 */
export function createProtocolHandler(roots: StaticRoots): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url)) return plainResponse(404, 'Not found.')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed.', { Allow: 'GET, HEAD' })
    }
    const rawPath = new URL(request.url).pathname || '/'
    const ifNoneMatch = request.headers.get('if-none-match')
    let answer
    try {
      answer = await staticResponse({ rawPath, range: request.headers.get('range') ?? undefined, headOnly: request.method === 'HEAD', ...(ifNoneMatch === null ? {} : { ifNoneMatch }) }, roots)
    } catch (error) {
      // A file that is there but cannot be read (no permission, too many files open): say so, as the web host does.
      console.error('Civic Learn could not read a file it serves:', error)
      return plainResponse(500, 'Civic Learn could not read that file.')
    }
    if (!answer) return plainResponse(404, 'Not found.')
    // Node's web stream and the DOM's (which the test build type-checks against) are one class at
    // run time but two declarations.
    const body = answer.body ? (Readable.toWeb(answer.body) as unknown as ResponseBody) : null
    return new Response(body, { status: answer.status, headers: answer.headers })
  }
}

export function handleAppProtocol(roots: StaticRoots): void {
  protocol.handle(APP_SCHEME, createProtocolHandler(roots))
}
