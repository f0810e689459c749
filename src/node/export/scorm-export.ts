import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { formatProblem, loadCourse } from '../../core/course'
import type { CourseBundle, LocalizedCourse } from '../../core/course/bundle'
import { shownBranding, type PackageBranding } from '../../core/branding'
import { buildManifest, SAFE_PACKAGE_PATH, SCHEMA_FILES, type ScormVersion } from '../../core/scorm/manifest'
import { PACKAGE_DATA_FILE, type PackageData, type TranslationData, translationFile } from '../../core/scorm/package-data'
import { prerenderMarkdown } from '../../core/scorm/prerender-markdown'
import { markdownSources } from '../../core/scorm/prerendered-markdown'
import { CMI } from '../../core/scorm/cmi'
import { journalCapacity } from '../../core/scorm/data-model'
import { encodeSuspendData, worstCaseProgress } from '../../core/scorm/suspend-codec'
import { DEFAULT_INTERACTIONS, DEFAULT_REPORTING, manifestCarriesPassMark, type InteractionJournal, type ReportingMode } from '../../core/scorm/reporting'
import { readCourseFolder } from '../course-loader'
import { loadBrandingOverlay, type LoadedBranding } from '../branding'
import { selectModules, withoutSpeakerNotes } from '../course-modules'
import { ExportError } from './errors'
import { withFirstScreen } from './first-screen'
import { shouldCompress, writeZip, type ZipEntry } from './zip'

/** Where a package goes and what it is made with, whichever way the course was loaded. */
export interface PackageOptions {
  format: ScormVersion
  /** How the result is reported (DEFAULT_REPORTING when left out). */
  reporting?: ReportingMode
  /** Which quizzes go to the LMS's interactions journal (DEFAULT_INTERACTIONS when left out). */
  interactions?: InteractionJournal
  out: string
  /** The built player (out/player). */
  playerDir: string
  /** The official schema files (resources/scorm-schemas). */
  schemasDir: string
  appVersion: string
}

export interface ScormExportOptions extends PackageOptions {
  courseDir: string
  /** Only these modules, in the course's order; all when left out. */
  modules?: readonly string[]
  /** A branding overlay file (YAML or JSON). */
  overlay?: string
}

/** A course that is loaded already, as it goes into a package, and the folder its media come from. */
export interface ExportableCourse {
  /** Branded, and with only the modules chosen (selectModules, chooseModules). */
  bundle: CourseBundle
  dir: string
  /** Every file in the course folder, as the loader listed it; the package takes those the course names. */
  files: readonly string[]
  /** The overlay the course was branded with: its shown fields and logo go into the package. */
  branding?: LoadedBranding
}

export interface ScormExportSummary {
  out: string
  format: ScormVersion
  reporting: ReportingMode
  interactions: InteractionJournal
  /** The course has quizzes, so its result is a pass or a fail as well as a completion. */
  hasQuizzes: boolean
  /** How many answers the LMS's interactions journal holds, and what one attempt at each journaled quiz asks. */
  journal: ReturnType<typeof journalCapacity>
  courseId: string
  title: string
  modules: string[]
  files: number
  mediaFiles: number
  bytes: number
  /**
   * The longest suspend data the exported course can produce, against the version's limit;
   * `fits` is false when even without the texts the player can leave out it is longer.
   */
  suspendData: { worstCase: number; limit: number; fits: boolean }
  /** The package's index.html holds its first screen, so learners see the course before the player has started. */
  firstScreen: boolean
}

const SCHEMA_FOLDERS: Record<ScormVersion, string> = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th' }

async function listFiles(root: string, relative = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`
    if (entry.isDirectory()) files.push(...(await listFiles(root, child)))
    else if (entry.isFile()) files.push(child)
  }
  return files
}

async function loadBundle(courseDir: string): Promise<{ bundle: CourseBundle; files: string[] }> {
  try {
    if (!(await stat(courseDir)).isDirectory()) throw new ExportError(`${courseDir} is not a folder: give the folder that holds course.yaml.`)
  } catch (error) {
    if (error instanceof ExportError) throw error
    throw new ExportError(`The course folder ${courseDir} does not exist.`)
  }
  const source = await readCourseFolder(courseDir)
  const result = loadCourse(source)
  if (!result.bundle) {
    const errors = result.problems.filter((problem) => problem.severity === 'error')
    const shown = errors.slice(0, 5).map((problem) => formatProblem(problem, `${courseDir}/`))
    const more = errors.length > 5 ? `\n…and ${errors.length - 5} more.` : ''
    throw new ExportError(`The course cannot be exported until its errors are fixed (run "civic-learn validate ${courseDir}"):\n${shown.join('\n')}${more}`)
  }
  return { bundle: result.bundle, files: [...source.files.keys()] }
}

/** The characters a path in course text is made of; a run of them is one candidate path. */
const PATH_RUN = /[A-Za-z0-9._\-/]+/g
const NAME_CHAR = /[A-Za-z0-9_-]/

/** Whether `text` names `file` at `at` as a whole path, not as part of a longer one. */
function namesWholePath(text: string, file: string, at: number): boolean {
  const before = text.charAt(at - 1)
  const after = text.charAt(at + file.length)
  if (before !== '' && /[A-Za-z0-9._\-/]/.test(before)) return false
  // A full stop ends a sentence unless a name goes on after it ("photo.png.bak").
  if (after === '.') return !NAME_CHAR.test(text.charAt(at + file.length + 1))
  return after === '' || !/[A-Za-z0-9_\-/]/.test(after)
}

/**
 * The course folder's files that the course's blocks or Markdown name, in any language, as a
 * whole path: "media/photo.png" and "media/photo.png." at the end of a sentence, but not
 * "media/photo.png.bak" or "old/media/photo.png". One pass over the text: every run of path
 * characters, and each part of it before a full stop that ends a sentence, is looked up in the
 * set of files; the rare file whose name has other characters (a space) is searched for on its own.
 */
export function referencedFiles(bundle: CourseBundle, files: readonly string[]): string[] {
  // Every string of every language, once each: the same strings the export renders.
  const text = [...markdownSources(bundle.content), bundle.cover ?? ''].join('\n')
  const plain = new Set(files.filter((file) => file.replace(PATH_RUN, '') === ''))
  const named = new Set<string>()
  for (const [run] of text.matchAll(PATH_RUN)) {
    if (plain.has(run)) named.add(run)
    // A name followed by a full stop that ends a sentence ("see media/photo.png."), unless the
    // name goes on after the stop ("media/photo.png.bak").
    for (let stop = run.indexOf('.'); stop > 0; stop = run.indexOf('.', stop + 1)) {
      const name = run.slice(0, stop)
      if (!NAME_CHAR.test(run.charAt(stop + 1)) && plain.has(name)) named.add(name)
    }
  }
  return files.filter((file) => {
    if (plain.has(file)) return named.has(file)
    for (let at = text.indexOf(file); at >= 0; at = text.indexOf(file, at + 1)) if (namesWholePath(text, file, at)) return true
    return false
  })
}

/**
 * The longest suspend data this course can produce, in characters, as the player writes it for
 * the version (leaving out optional texts, such as reflections, to fit when it must), and
 * whether it fits the version's limit.
 */
export function suspendBudget(bundle: CourseBundle, format: ScormVersion): ScormExportSummary['suspendData'] {
  const limit = CMI[format].suspendLimit
  const encoded = encodeSuspendData(bundle, worstCaseProgress(bundle), limit)
  return { worstCase: encoded.data.length, limit, fits: encoded.fits }
}

/**
 * Exports a course folder as a single-SCO SCORM package (the command line's export): the course
 * and the overlay are read and checked, the overlay brands the course, then writeScormPackage.
 */
export async function exportScormPackage(options: ScormExportOptions): Promise<ScormExportSummary> {
  const branding = options.overlay === undefined ? undefined : await loadBrandingOverlay(options.overlay)
  const { bundle, files } = await loadBundle(options.courseDir)
  const course: ExportableCourse = { bundle: selectModules(bundle, options.modules, branding?.overlay), dir: options.courseDir, files }
  return writeScormPackage(branding ? { ...course, branding } : course, options)
}

/**
 * Writes a loaded course as a single-SCO SCORM package: the player, course.json, the media the
 * course uses, the schema files of the version and imsmanifest.xml listing every file, zipped
 * deterministically (the same course always gives the same bytes).
 */
export async function writeScormPackage(course: ExportableCourse, options: PackageOptions): Promise<ScormExportSummary> {
  const { branding } = course
  // A package is for learners: the trainer's speaker notes stay out of it.
  const bundle = withoutSpeakerNotes(course.bundle)
  const content = bundle.content[bundle.language]
  const title = content?.title ?? bundle.id
  const suspendData = suspendBudget(bundle, options.format)
  if (!suspendData.fits) {
    // The player would have to drop a learner's answers on resume: refuse rather than ship that.
    const other = options.format === 'scorm12' ? ', or export as SCORM 2004 (it allows 64,000)' : ''
    throw new ExportError(
      `This course is too long for ${options.format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'}: a learner who answers every question would save ${suspendData.worstCase.toLocaleString('en-GB')} characters of progress, and it allows ${suspendData.limit.toLocaleString('en-GB')}, so some LMSs would not resume them. Export fewer modules in each package${other}.`,
      'format',
    )
  }

  // Loaded with the first export, not with every command and window that reads the course catalogue.
  const { sanitiseCourseHtml } = await import('./course-html')
  const playerFiles = await listFiles(options.playerDir).catch((): string[] => [])
  if (!playerFiles.includes('index.html')) throw new ExportError(`The SCORM player has not been built (no index.html in ${options.playerDir}). Run "npm run build" first.`)
  const entries: ZipEntry[] = playerFiles.map((file) => ({ path: file, file: path.join(options.playerDir, file), compress: shouldCompress(file) }))

  const media = referencedFiles(bundle, course.files)
  const unsafe = media.filter((file) => !SAFE_PACKAGE_PATH.test(file))
  if (unsafe.length > 0) {
    throw new ExportError(`These course files have names some LMSs mangle: ${unsafe.join(', ')}. Rename them using only letters, digits, ".", "_" and "-", and update the course.`)
  }
  for (const file of media) {
    entries.push({ path: `courses/${bundle.id}/${file}`, file: path.join(course.dir, file), compress: shouldCompress(file) })
  }

  let packageBranding: PackageBranding | undefined
  if (branding) {
    const shown = shownBranding(branding.overlay)
    packageBranding = shown
    if (branding.logoFile) {
      const logo = `branding/logo${path.extname(branding.logoFile).toLowerCase()}`
      packageBranding = { ...shown, logo }
      entries.push({ path: logo, file: branding.logoFile, compress: shouldCompress(logo) })
    }
  }
  // The course's own language in course.json, each translation in a file of its own: a learner
  // loads the language they read, and each string's HTML is written once, beside nothing else.
  const translations = bundle.languages.filter((language) => language !== bundle.language && bundle.content[language])
  const reporting = options.reporting ?? DEFAULT_REPORTING
  const interactions = options.interactions ?? DEFAULT_INTERACTIONS
  const data: PackageData = {
    format: 2,
    scorm: options.format,
    reporting,
    interactions,
    appVersion: options.appVersion,
    course: { ...bundle, content: content ? { [bundle.language]: content } : {} },
    markdown: prerenderMarkdown(content ?? { title, summary: '', credits: [], modules: [] }, bundle.id, sanitiseCourseHtml),
    translations: Object.fromEntries(translations.map((language) => [language, translationFile(language)])),
    ...(packageBranding ? { branding: packageBranding } : {}),
  }
  entries.push({ path: PACKAGE_DATA_FILE, data: Buffer.from(JSON.stringify(data)), compress: true })
  const translated: Record<string, TranslationData> = {}
  for (const language of translations) {
    const translatedContent = bundle.content[language] as LocalizedCourse
    const translation: TranslationData = { format: 2, language, content: translatedContent, markdown: prerenderMarkdown(translatedContent, bundle.id, sanitiseCourseHtml) }
    translated[language] = translation
    entries.push({ path: translationFile(language), data: Buffer.from(JSON.stringify(translation)), compress: true })
  }
  const firstScreen = await firstScreenEntry(data, options.playerDir, translated)
  if (firstScreen) entries.splice(entries.findIndex((entry) => entry.path === 'index.html'), 1, firstScreen)

  const schemaDir = path.join(options.schemasDir, SCHEMA_FOLDERS[options.format])
  for (const file of SCHEMA_FILES[options.format]) {
    const bytes = await readFile(path.join(schemaDir, file)).catch(() => {
      throw new ExportError(`The SCORM schema file ${file} is missing from ${schemaDir}.`)
    })
    entries.push({ path: file, data: bytes, compress: true })
  }
  const clash = entries.map((entry) => entry.path).filter((file, index, all) => all.indexOf(file) !== index)
  if (clash.length > 0) throw new ExportError(`Two files would have the same name in the package: ${[...new Set(clash)].join(', ')}.`)

  const hasQuizzes = content?.modules.some((module) => module.pages.some((page) => page.blocks.some((block) => block.type === 'quiz'))) ?? false
  const manifest = buildManifest({
    version: options.format,
    courseId: bundle.id,
    courseVersion: bundle.version,
    title,
    launch: 'index.html',
    files: entries.map((entry) => entry.path),
    // Left out when a pass is reported as "completed": an LMS would judge the score itself (reporting.ts).
    ...(hasQuizzes && manifestCarriesPassMark(reporting) ? { passMark: bundle.passMark } : {}),
  })
  entries.push({ path: 'imsmanifest.xml', data: Buffer.from(manifest), compress: true })

  await writeZip(options.out, entries)
  return {
    out: options.out,
    format: options.format,
    reporting,
    interactions,
    hasQuizzes,
    journal: journalCapacity(options.format, bundle, interactions),
    courseId: bundle.id,
    title,
    modules: content?.modules.map((module) => module.id) ?? [],
    files: entries.length,
    mediaFiles: media.length,
    bytes: (await stat(options.out)).size,
    suspendData,
    firstScreen: firstScreen !== null,
  }
}

/**
 * The player's index.html with the course's first screen rendered into it (first-screen.ts), in
 * its own language and its translations.
 * A package works without it, only slower to show: a renderer that fails leaves the plain page.
 */
async function firstScreenEntry(data: PackageData, playerDir: string, translations: Record<string, TranslationData>): Promise<ZipEntry | null> {
  try {
    const html = await withFirstScreen(await readFile(path.join(playerDir, 'index.html'), 'utf8'), data, playerDir, translations)
    return html === null ? null : { path: 'index.html', data: Buffer.from(html), compress: true }
  } catch {
    return null
  }
}
