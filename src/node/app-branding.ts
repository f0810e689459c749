import { access, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { AppBranding } from '../core/api'
import type { CourseBundle } from '../core/course/bundle'
import type { BrandingOverlay } from '../core/scorm/branding'
import { loadBrandingOverlay } from './export/branding'
import { ExportError } from './export/errors'
import { selectModules } from './export/scorm-export'

/** The names council IT may give an overlay deployed beside the courses, in the order looked for. */
export const BRANDING_FILE_NAMES = ['branding.yaml', 'branding.json'] as const

const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml', webp: 'image/webp' }

/** The overlay the app applies: the parsed file for the services, and what the renderer is given. */
export interface LoadedAppBranding extends AppBranding {
  overlay: BrandingOverlay | null
  /** Where the logo is on disk, for exports from the app. */
  logoFile?: string
}

const UNBRANDED: LoadedAppBranding = { overlay: null, branding: null, problem: null }

async function firstPresent(coursesDir: string): Promise<string | undefined> {
  for (const name of BRANDING_FILE_NAMES) {
    const file = path.join(coursesDir, name)
    if (await access(file).then(() => true, () => false)) return file
  }
  return undefined
}

/**
 * Reads the overlay once at start: `file` when given (the `--branding` option), otherwise
 * branding.yaml or branding.json in the courses folder. A broken overlay never stops the app: it
 * starts unbranded and `problem` says why. The logo travels as a data: URL (the loader caps it at
 * 2 MB) so neither host has to serve files from outside the courses it knows.
 */
export async function loadAppBranding(coursesDir: string, file?: string): Promise<LoadedAppBranding> {
  const found = file ?? (await firstPresent(coursesDir))
  if (found === undefined) return UNBRANDED
  try {
    const { overlay, logoFile } = await loadBrandingOverlay(found)
    const { hideModules: _hidden, policyPage: _policy, logo: _logo, ...shown } = overlay
    const logo = logoFile === undefined ? undefined : `data:${LOGO_TYPES[path.extname(logoFile).slice(1).toLowerCase()]};base64,${(await readFile(logoFile)).toString('base64')}`
    return logo === undefined ? { overlay, branding: shown, problem: null } : { overlay, branding: { ...shown, logo }, problem: null, logoFile: logoFile as string }
  } catch (error) {
    // The loader's messages name the file and every problem; anything else is a read failure.
    const reason = error instanceof ExportError ? error.message : `The branding overlay ${found} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`
    return { ...UNBRANDED, problem: `${reason}\nThe app is shown without branding until this is fixed.` }
  }
}

/** One overlay serves every course in the folder, so each course hides only the listed modules it has. */
export function courseOverlay(bundle: CourseBundle, overlay: BrandingOverlay): BrandingOverlay {
  const own = new Set(bundle.content[bundle.language]?.modules.map((module) => module.id))
  return { ...overlay, hideModules: overlay.hideModules.filter((id) => own.has(id)) }
}

/**
 * A course as the overlay presents it, as an export with the same overlay would: hidden modules
 * left out, the policy page added last.
 */
export function brandCourse(bundle: CourseBundle, overlay: BrandingOverlay): CourseBundle {
  try {
    return selectModules(bundle, undefined, overlay)
  } catch (error) {
    if (error instanceof ExportError) throw new ExportError('The branding overlay hides every module of this course: show at least one (hideModules).')
    throw error
  }
}
