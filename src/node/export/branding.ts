import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { load as loadYaml } from 'js-yaml'
import { BrandingOverlaySchema, contrastProblems, type BrandingOverlay } from '../../core/scorm/branding'
import { ExportError } from './errors'

/** A parsed, checked overlay, and where its logo file is on disk. */
export interface LoadedBranding {
  overlay: BrandingOverlay
  /** Absolute path of the logo, when the overlay names one. */
  logoFile?: string
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
  if (!overlay.logo) return { overlay }
  const logoFile = path.resolve(path.dirname(file), overlay.logo)
  const relative = path.relative(path.dirname(path.resolve(file)), logoFile)
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new ExportError(`The logo ${overlay.logo} must be beside the branding overlay or in a folder below it.`)
  try {
    const info = await stat(logoFile)
    if (!info.isFile()) throw new Error('not a file')
    if (info.size > MAX_LOGO_BYTES) throw new ExportError(`The logo ${overlay.logo} is ${(info.size / 1024 / 1024).toFixed(1)} MB; use an image of at most 2 MB.`)
  } catch (error) {
    if (error instanceof ExportError) throw error
    throw new ExportError(`The logo ${overlay.logo} named in ${where} was not found beside it.`)
  }
  return { overlay, logoFile }
}
