import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { load as loadYaml } from 'js-yaml'
import type { AppBranding } from '../core/api'
import { BrandingOverlaySchema, contrastProblems, shownBranding, type BrandingOverlay } from '../core/branding'
import type { CourseBundle } from '../core/course/bundle'
import { ExportError } from './export/errors'
import { selectModules } from './course-modules'
import { pathExists } from './paths'
import { signerFromPem, type Signer } from './signing'

/** A parsed, checked overlay, and where its logo file is on disk. */
export interface LoadedBranding {
  overlay: BrandingOverlay
  /** Absolute path of the logo, when the overlay names one. */
  logoFile?: string
  /** Signs certificates and records, when the overlay names a signing key. */
  signer?: Signer
}

const MAX_OVERLAY_BYTES = 64 * 1024
const MAX_LOGO_BYTES = 2 * 1024 * 1024

/**
 * Reads a branding overlay (YAML or JSON; JSON is YAML too) and checks it: the shape, the colours'
 * WCAG AA contrast, and that the logo is a file beside it. Every problem is named in one message.
 * Exported so the app can apply the same overlay as the exporter.
 */
export async function loadBrandingOverlay(file: string): Promise<LoadedBranding> {
  const where = path.basename(file)
  let text: string
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new ExportError(`The branding overlay ${where} is not a file.`)
    if (info.size > MAX_OVERLAY_BYTES) throw new ExportError(`The branding overlay ${where} is ${Math.ceil(info.size / 1024)} KB; an overlay is a small file of at most 64 KB.`)
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof ExportError) throw error
    throw new ExportError(`The branding overlay ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  let raw: unknown
  try {
    raw = loadYaml(text, { filename: where })
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark
    const at = mark ? `${where}:${mark.line + 1}:${mark.column + 1}` : where
    throw new ExportError(`${at}: the branding overlay is not valid YAML or JSON (${(error as { reason?: string }).reason ?? 'syntax error'}).`)
  }
  const parsed = BrandingOverlaySchema.safeParse(raw ?? {})
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(the file)'}: ${issue.message}`)
    throw new ExportError(`The branding overlay ${where} has problems:\n${lines.join('\n')}`)
  }
  const overlay = parsed.data
  const problems = overlay.colours ? contrastProblems(overlay.colours) : []
  if (problems.length > 0) throw new ExportError(`The branding overlay ${where} has colours that are too hard to read:\n${problems.map((line) => `  ${line}`).join('\n')}`)
  const signer = overlay.signingKey === undefined ? undefined : await loadSigner(file, overlay.signingKey)
  const withSigner = signer ? { signer } : {}
  if (!overlay.logo) return { overlay, ...withSigner }
  const logoFile = besideOverlay(file, overlay.logo, 'logo')
  try {
    const info = await stat(logoFile)
    if (!info.isFile()) throw new Error('not a file')
    if (info.size > MAX_LOGO_BYTES) throw new ExportError(`The logo ${overlay.logo} is ${(info.size / 1024 / 1024).toFixed(1)} MB; use an image of at most 2 MB.`)
  } catch (error) {
    if (error instanceof ExportError) throw error
    throw new ExportError(`The logo ${overlay.logo} named in ${where} was not found beside it.`)
  }
  return { overlay, logoFile, ...withSigner }
}

/** A file the overlay names, which must be beside it or in a folder below it. */
function besideOverlay(overlayFile: string, name: string, what: string): string {
  const target = path.resolve(path.dirname(overlayFile), name)
  const relative = path.relative(path.dirname(path.resolve(overlayFile)), target)
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new ExportError(`The ${what} ${name} must be beside the branding overlay or in a folder below it.`)
  return target
}

async function loadSigner(overlayFile: string, name: string): Promise<Signer> {
  const keyFile = besideOverlay(overlayFile, name, 'signing key')
  let pem: string
  try {
    pem = await readFile(keyFile, 'utf8')
  } catch (error) {
    throw new ExportError(`The signing key ${name} named in ${path.basename(overlayFile)} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  try {
    return signerFromPem(pem)
  } catch (error) {
    throw new ExportError(`The signing key ${name} named in ${path.basename(overlayFile)} cannot be used: ${(error as Error).message}.`)
  }
}

/** The names council IT may give an overlay deployed beside the courses, in the order looked for. */
export const BRANDING_FILE_NAMES = ['branding.yaml', 'branding.json'] as const

const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml', webp: 'image/webp' }

/** The overlay the app applies: the parsed file for the services, and what the renderer is given. */
export interface LoadedAppBranding extends AppBranding {
  overlay: BrandingOverlay | null
  /** Where the logo is on disk, for exports from the app. */
  logoFile?: string
  /** Signs certificates and records, when the overlay names a signing key. */
  signer?: Signer
}

const UNBRANDED: LoadedAppBranding = { overlay: null, branding: null, problem: null }

async function firstPresent(coursesDir: string): Promise<string | undefined> {
  for (const name of BRANDING_FILE_NAMES) {
    const file = path.join(coursesDir, name)
    if (await pathExists(file)) return file
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
    const { overlay, logoFile, signer } = await loadBrandingOverlay(found)
    const { logo: _logo, ...shown } = shownBranding(overlay)
    const logo = logoFile === undefined ? undefined : `data:${LOGO_TYPES[path.extname(logoFile).slice(1).toLowerCase()]};base64,${(await readFile(logoFile)).toString('base64')}`
    const loaded: LoadedAppBranding = logo === undefined ? { overlay, branding: shown, problem: null } : { overlay, branding: { ...shown, logo }, problem: null, logoFile: logoFile as string }
    return signer ? { ...loaded, signer } : loaded
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
