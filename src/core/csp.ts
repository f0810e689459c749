import { EMBED_HOSTS } from './embeds'

/** The page to test an exported package in (the renderer's second entry), and where packages are served for it. */
export const PREVIEW_PAGE = '/preview.html'
export const PREVIEW_PATH = '/preview/'

const EMBED_FRAMES = EMBED_HOSTS.map((host) => host.origin).join(' ')

function policy(frameSrc: string, frameAncestors: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    `frame-src ${frameSrc}`,
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

/**
 * The Content Security Policy both hosts send as a response header. Scripts, styles and media
 * come only from the app's own origin; nothing may frame the app, and no plugin or base URL
 * rewriting is allowed. Frames are allowed only from the privacy-enhanced video hosts the course
 * format accepts, and the player loads one only after the learner opts in.
 */
export const CONTENT_SECURITY_POLICY = policy(EMBED_FRAMES, "'none'")

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** Headers sent with every response, beside the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  ...COMMON_HEADERS,
  'X-Frame-Options': 'DENY',
}

/**
 * "Test this package": the preview page frames the package from the app's own origin (as an
 * LMS frames a SCO), and the package's files may be framed by the app's own pages only. The
 * rest of the policy is the app's.
 */
export const PREVIEW_PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': policy("'self'", "'none'"),
}
export const PREVIEW_PACKAGE_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': policy(EMBED_FRAMES, "'self'"),
  'X-Frame-Options': 'SAMEORIGIN',
}

/**
 * The participant page phones open in a workshop: nothing framed, nothing embedded; it talks only
 * to the room server it came from (its WebSocket too: 'self' covers ws: on the same host and port).
 */
export const ROOM_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': policy("'none'", "'none'"),
}
