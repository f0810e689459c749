import { type FileHandle, open, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import mime from 'mime-types'
import rangeParser from 'range-parser'
import { PREVIEW_PACKAGE_HEADERS, PREVIEW_PAGE, PREVIEW_PAGE_HEADERS, PREVIEW_PATH, SECURITY_HEADERS } from '../core/csp'
import type { ExportedPackages } from './export/exported-packages'

export interface StaticRoots {
  rendererDir: string
  coursesDir: string
  /**
   * Whether the course loaded from the folder `coursesDir/<folder>` names `file` (a path inside
   * that folder, with forward slashes) in its content: its media, captions, handouts and images.
   * Only those files of a course folder are served, so a course's sources (course.yaml, its
   * Markdown), anything else left in the folder and every file of a course that did not load
   * stay private.
   */
  referencedByCourse(folder: string, file: string): boolean | Promise<boolean>
  /** Exported packages, served unpacked from /preview/<id>/ to test them. */
  packages?: ExportedPackages
}

export interface FileResponse {
  status: 200 | 206 | 304 | 416
  headers: Record<string, string>
  /** Null for HEAD requests, unchanged files (304) and unsatisfiable ranges. */
  body: Readable | null
}

const SAFE_SEGMENT = /^[^/\\\0:]+$/

/**
 * Splits a raw URL path (still percent-encoded) into decoded segments, or null when any segment
 * could climb out of its folder: `..` in any spelling, empty segments, backslashes, NUL bytes,
 * drive letters. Callers answer null with "not found" and never touch the file system.
 */
export function safeSegments(rawPath: string): string[] | null {
  if (!rawPath.startsWith('/')) return null
  const raw = rawPath.slice(1).split('/')
  const segments: string[] = []
  for (const part of raw) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch {
      return null
    }
    if (decoded === '' || decoded === '.' || decoded === '..' || !SAFE_SEGMENT.test(decoded)) return null
    segments.push(decoded)
  }
  return segments
}

/** A path's segments when none of them names a hidden file or folder (`.git`, `.env`), which are never served. */
function visibleSegments(rawPath: string): string[] | null {
  const segments = safeSegments(rawPath)
  return segments && !segments.some((segment) => segment.startsWith('.')) ? segments : null
}

/** Where a static path's file would be; for a course's file, also which course and which of its files, to ask whether the course names it. */
export interface StaticRoute {
  root: string
  segments: string[]
  course?: { folder: string; file: string }
}

/** Maps a URL path onto a root folder and a path inside it: course media, or the renderer. */
export function routeStaticPath(rawPath: string, roots: StaticRoots): StaticRoute | null {
  const pathOnly = rawPath === '/' ? '/index.html' : rawPath
  const segments = visibleSegments(pathOnly)
  if (!segments || segments.length === 0) return null
  if (segments[0] === 'preview') return null
  if (segments[0] === 'courses') {
    const [, folder, ...rest] = segments
    if (!folder || rest.length === 0) return null
    return { root: path.join(roots.coursesDir, folder), segments: rest, course: { folder, file: rest.join('/') } }
  }
  return { root: roots.rendererDir, segments }
}

/**
 * Resolves a path inside root and returns the real file it names, or null when it does not exist,
 * is not a regular file, or (through a symbolic link) lies outside root.
 */
export async function confinedFile(root: string, segments: readonly string[]): Promise<string | null> {
  try {
    const realRoot = await realpath(root)
    const real = await realpath(path.join(realRoot, ...segments))
    const relative = path.relative(realRoot, real)
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null
    const info = await stat(real)
    return info.isFile() ? real : null
  } catch {
    return null
  }
}

export function contentType(file: string): string {
  if (file.endsWith('.vtt')) return 'text/vtt; charset=utf-8'
  const type = mime.lookup(file) || 'application/octet-stream'
  return type.startsWith('text/') || type === 'application/javascript' || type === 'application/json'
    ? `${type}; charset=utf-8`
    : type
}

/** A built file whose name carries a hash of its content (`assets/index-4f2a9c1e.js`): it never changes under that name. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/

/**
 * Answers a request for a confined file, honouring a single byte range (video seeking needs it).
 * Several ranges in one request are answered with the whole file, which HTTP allows. Every file
 * carries a validator (ETag from its size and time), and a request whose If-None-Match still
 * matches is answered 304 without the file.
 */
export async function fileResponse(file: string, rangeHeader: string | undefined, headOnly: boolean, ifNoneMatch?: string): Promise<FileResponse> {
  // The file is opened before anything is answered, and its size read from the open file: one
  // that cannot be opened (no permission, deleted meanwhile, too many files open) fails here,
  // while the host can still answer with an error, rather than in the middle of the response.
  const handle = await open(file, 'r')
  let streaming = false
  try {
    const answer = await describeFile(handle, file, rangeHeader, headOnly, ifNoneMatch)
    streaming = answer.body !== null
    return answer
  } finally {
    // A body stream closes the file when it ends or is destroyed; without one, nothing else will.
    if (!streaming) await handle.close()
  }
}

async function describeFile(handle: FileHandle, file: string, rangeHeader: string | undefined, headOnly: boolean, ifNoneMatch: string | undefined): Promise<FileResponse> {
  const { size, mtime, mtimeMs } = await handle.stat()
  const etag = `W/"${size.toString(16)}-${Math.round(mtimeMs).toString(16)}"`
  const headers: Record<string, string> = {
    'Content-Type': contentType(file),
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': mtime.toUTCString(),
  }
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return { status: 304, headers, body: null }
  }
  let start = 0
  let end = size - 1
  let status: 200 | 206 = 200
  if (rangeHeader) {
    const ranges = rangeParser(size, rangeHeader, { combine: true })
    if (ranges === -1) {
      return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, body: null }
    }
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
      const [range] = ranges
      if (range) {
        start = range.start
        end = range.end
        status = 206
        headers['Content-Range'] = `bytes ${start}-${end}/${size}`
      }
    }
  }
  headers['Content-Length'] = String(size === 0 ? 0 : end - start + 1)
  const body = headOnly || size === 0 ? null : handle.createReadStream({ start, end })
  return { status, headers, body }
}

export interface StaticRequest {
  /** The URL's path, still percent-encoded. */
  rawPath: string
  range: string | undefined
  headOnly: boolean
  /** The If-None-Match header: the validators of the copy the browser holds. */
  ifNoneMatch?: string
}

/**
 * What both hosts answer for a GET or HEAD outside the API: the renderer, course media, or a
 * package kept for preview, with the security headers for that part of the site. Null means
 * not found. The renderer's hashed assets may be kept for good; everything else (pages, course
 * media an author may change) is checked with its validator each time.
 */
export async function staticResponse(request: StaticRequest, roots: StaticRoots): Promise<FileResponse | null> {
  const { route, headers } = staticRoute(request.rawPath, roots)
  if (!route) return null
  // Asked before the file system is touched: a course file the course does not name is not found, whether it exists or not.
  if (route.course && !(await roots.referencedByCourse(route.course.folder, route.course.file))) return null
  const file = await confinedFile(route.root, route.segments)
  if (!file) return null
  let answer: FileResponse
  try {
    answer = await fileResponse(file, request.range, request.headOnly, request.ifNoneMatch)
  } catch (error) {
    // Deleted since it was found: not found, as it would have been a moment later.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const hashed = route.root === roots.rendererDir && HASHED_ASSET.test(route.segments.join('/'))
  const caching = hashed ? 'public, max-age=31536000, immutable' : 'no-cache'
  return { ...answer, headers: { ...headers, ...answer.headers, 'Cache-Control': caching } }
}

/** Where a path's file would be, and the security headers for that part of the site. */
function staticRoute(rawPath: string, roots: StaticRoots): { route: StaticRoute | null; headers: Readonly<Record<string, string>> } {
  if (rawPath.startsWith(PREVIEW_PATH)) {
    const [, id = '', ...rest] = visibleSegments(rawPath) ?? []
    const folder = roots.packages?.folder(id)
    return { route: folder && rest.length > 0 ? { root: folder, segments: rest } : null, headers: PREVIEW_PACKAGE_HEADERS }
  }
  return { route: routeStaticPath(rawPath, roots), headers: rawPath === PREVIEW_PAGE ? PREVIEW_PAGE_HEADERS : SECURITY_HEADERS }
}
