import { EMBED_HOSTS } from './embeds'

/**
 * The Content Security Policy both hosts send as a response header. Scripts, styles and media
 * come only from the app's own origin; nothing may frame the app, and no plugin or base URL
 * rewriting is allowed. Frames are allowed only from the privacy-enhanced video hosts the course
 * format accepts, and the player loads one only after the learner opts in.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  `frame-src ${EMBED_HOSTS.map((host) => host.origin).join(' ')}`,
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers sent with every response, beside the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}
