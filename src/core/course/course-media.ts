import { resolveCoursePath } from './course-paths'

/**
 * Where a file of a course is served, relative to the page: course folders (named by course id)
 * sit beside the app's index.html in the web host, under the desktop app's own scheme, and inside
 * a SCORM package, which an LMS serves from a folder of its own (so never from the site root).
 */
export function courseMediaUrl(courseId: string, path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/')
  return `courses/${encodeURIComponent(courseId)}/${encoded}`
}

const EXTERNAL = /^(https?:|mailto:|tel:)/i

/**
 * What a link or image written in a course points at: an outside address kept as it is, a file of
 * the course turned into its media URL, or null for anything else (in-page anchors, which the hash
 * router would take as a route, and paths out of the course folder).
 */
export function resolveCourseReference(reference: string, courseId: string): { url: string; external: boolean } | null {
  if (EXTERNAL.test(reference)) return { url: reference, external: true }
  if (reference.startsWith('#') || reference.startsWith('?')) return null
  let decoded = reference
  try {
    decoded = decodeURI(reference)
  } catch {
    return null
  }
  const resolved = resolveCoursePath(decoded)
  return resolved.ok ? { url: courseMediaUrl(courseId, resolved.path), external: false } : null
}
