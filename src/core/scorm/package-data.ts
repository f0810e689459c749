import type { CourseBundle } from '../course/bundle'
import type { PackageBranding } from '../branding'
import type { ScormVersion } from './manifest'
import type { PrerenderedMarkdown } from './prerendered-markdown'

/** The file beside the player's index.html that carries the course into the package. */
export const PACKAGE_DATA_FILE = 'course.json'

/** What the exporter writes into course.json and the player reads back. */
export interface PackageData {
  format: 1
  scorm: ScormVersion
  /** The Civic Learn version that made the package. */
  appVersion: string
  course: CourseBundle
  branding?: PackageBranding
  markdown: PrerenderedMarkdown
}

/** A light structural check: the player cannot bundle the full schema, and the file is ours. */
export function isPackageData(value: unknown): value is PackageData {
  if (typeof value !== 'object' || value === null) return false
  const data = value as Record<string, unknown>
  const course = data.course as Record<string, unknown> | undefined
  return (
    data.format === 1 &&
    (data.scorm === 'scorm12' || data.scorm === 'scorm2004') &&
    typeof data.appVersion === 'string' &&
    typeof data.markdown === 'object' &&
    data.markdown !== null &&
    Array.isArray((data.markdown as Record<string, unknown>).block) &&
    Array.isArray((data.markdown as Record<string, unknown>).inline) &&
    typeof course === 'object' &&
    course !== null &&
    typeof course.id === 'string' &&
    typeof course.language === 'string' &&
    typeof course.content === 'object' &&
    course.content !== null &&
    typeof (course.content as Record<string, unknown>)[course.language] === 'object'
  )
}
