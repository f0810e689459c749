import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractZip, readZip } from '../../../test/support/read-zip'
import type { PackageData, TranslationData } from '../../core/scorm/package-data'
import { markdownSources } from '../../core/scorm/prerendered-markdown'
import { SCHEMA_FILES, type ScormVersion } from '../../core/scorm/manifest'
import { loadBrandingOverlay } from '../branding'
import { quizzesCourse } from '../../../test/support/scorm-courses'
import { validateManifest } from '../../../test/support/validate-manifest'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import { ExportError } from './errors'
import { exportScormPackage, referencedFiles, suspendBudget, type ScormExportOptions, writeScormPackage } from './scorm-export'

const ROOT = path.resolve(__dirname, '../../..')
const EVERY_BLOCK = path.join(ROOT, 'e2e/fixtures/courses/every-block')
const SCHEMAS = path.join(ROOT, 'resources/scorm-schemas')
let work: string
let playerDir: string

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-export-'))
  // A stand-in for the built player, so these tests do not depend on a build.
  playerDir = path.join(work, 'player')
  await mkdir(path.join(playerDir, 'assets'), { recursive: true })
  await writeFile(path.join(playerDir, 'index.html'), '<!doctype html><title>Player</title><script type="module" src="./assets/index.js"></script>')
  await writeFile(path.join(playerDir, 'assets/index.js'), 'console.log("player")\n'.repeat(200))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function options(name: string, extra: Partial<ScormExportOptions> = {}): ScormExportOptions {
  return { courseDir: EVERY_BLOCK, format: 'scorm12', out: path.join(work, name), playerDir, schemasDir: SCHEMAS, appVersion: '9.9.9', ...extra }
}

/** The zip's entries in their stored order, with their compression. */
async function entries(zip: string): Promise<{ name: string; method: 'stored' | 'deflated' }[]> {
  return readZip(await readFile(zip)).map((entry) => ({ name: entry.name, method: entry.method === 0 ? 'stored' : 'deflated' }))
}

async function unzip(zip: string): Promise<string> {
  const dir = await mkdtemp(path.join(work, 'unzipped-'))
  await extractZip(await readFile(zip), dir)
  return dir
}

describe.each(['scorm12', 'scorm2004'] as const)('%s package', (format: ScormVersion) => {
  it('is byte-identical when exported twice', async () => {
    await exportScormPackage(options(`${format}-a.zip`, { format }))
    await exportScormPackage(options(`${format}-b.zip`, { format }))
    const [a, b] = await Promise.all([readFile(path.join(work, `${format}-a.zip`)), readFile(path.join(work, `${format}-b.zip`))])
    expect(a.equals(b)).toBe(true)
  })

  it('holds the manifest at the root, the schema files, the player, course.json and the referenced media: sorted, media stored, text deflated', async () => {
    const summary = await exportScormPackage(options(`${format}.zip`, { format }))
    const listed = await entries(summary.out)
    const names = listed.map((entry) => entry.name)
    expect(names).toEqual([...names].sort())
    expect(names).toContain('imsmanifest.xml')
    for (const file of SCHEMA_FILES[format]) expect(names).toContain(file)
    expect(names).not.toContain('_validate_all.xsd')
    expect(names).toEqual(expect.arrayContaining(['index.html', 'assets/index.js', 'course.json', 'courses/every-block/media/photo.png', 'courses/every-block/media/talk.en.vtt']))
    // Sources never ship; only media the course names.
    expect(names.filter((name) => name.endsWith('.md') || name.endsWith('.yaml'))).toEqual([])
    expect(listed.find((entry) => entry.name === 'courses/every-block/media/talk.mp4')?.method).toBe('stored')
    expect(listed.find((entry) => entry.name === 'course.json')?.method).toBe('deflated')
    expect(summary).toMatchObject({ courseId: 'every-block', modules: ['blocks'], mediaFiles: 6, suspendData: { limit: format === 'scorm12' ? 4096 : 64000, fits: true } })
    expect(summary.suspendData.worstCase).toBeGreaterThan(0)

    const dir = await unzip(summary.out)
    const manifest = await readFile(path.join(dir, 'imsmanifest.xml'), 'utf8')
    const hrefs = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((match) => match[1])
    expect(hrefs.sort()).toEqual(names.filter((name) => name !== 'imsmanifest.xml').sort())
    const data = JSON.parse(await readFile(path.join(dir, 'course.json'), 'utf8')) as PackageData
    expect(data).toMatchObject({ format: 2, scorm: format, appVersion: '9.9.9', course: { id: 'every-block', passMark: 50 } })
  })

  it('carries the course in its own language in course.json, and each translation in a file of its own, each string rendered once', async () => {
    const summary = await exportScormPackage(options(`${format}-languages.zip`, { format }))
    const dir = await unzip(summary.out)
    const data = JSON.parse(await readFile(path.join(dir, 'course.json'), 'utf8')) as PackageData
    expect(Object.keys(data.course.content)).toEqual(['en'])
    expect(data.course.languages).toEqual(['en', 'cy'])
    expect(data.translations).toEqual({ cy: 'course.cy.json' })
    expect(data.markdown.html).toHaveLength(markdownSources(data.course.content.en).length)
    const welsh = JSON.parse(await readFile(path.join(dir, 'course.cy.json'), 'utf8')) as TranslationData
    expect(welsh).toMatchObject({ format: 2, language: 'cy' })
    expect(welsh.markdown.html).toHaveLength(markdownSources(welsh.content).length)
    expect(JSON.stringify(welsh)).not.toContain(JSON.stringify(data.course.content.en?.title))
  })

  it('leaves the trainer’s speaker notes out of the package, in every language', async () => {
    const summary = await exportScormPackage(options(`${format}-notes.zip`, { format }))
    const dir = await unzip(summary.out)
    for (const file of ['course.json', 'course.cy.json']) {
      const text = await readFile(path.join(dir, file), 'utf8')
      expect(text).toContain('Tips are short.')
      expect(text).not.toContain('Ask the room which tip')
      expect(text).not.toContain('"type":"notes"')
    }
  })

  it('carries the reporting and journal chosen, and the pass mark only where a pass is reported as passed', async () => {
    const byDefault = await exportScormPackage(options(`${format}-default.zip`, { format }))
    expect(byDefault).toMatchObject({ reporting: 'passed-incomplete', interactions: 'assessments', hasQuizzes: true })
    const defaultDir = await unzip(byDefault.out)
    expect(JSON.parse(await readFile(path.join(defaultDir, 'course.json'), 'utf8'))).toMatchObject({ reporting: 'passed-incomplete', interactions: 'assessments' })
    expect(await readFile(path.join(defaultDir, 'imsmanifest.xml'), 'utf8')).toMatch(format === 'scorm12' ? /<adlcp:masteryscore>50</ : /<imsss:minNormalizedMeasure>0.50</)

    const chosen = await exportScormPackage(options(`${format}-completed.zip`, { format, reporting: 'completed-failed', interactions: 'all' }))
    expect(chosen.journal.quizzes).toEqual([{ id: 'every-type-quiz', questions: 7 }])
    expect(chosen.journal.answers).toBeGreaterThan(7)
    const dir = await unzip(chosen.out)
    expect(JSON.parse(await readFile(path.join(dir, 'course.json'), 'utf8'))).toMatchObject({ reporting: 'completed-failed', interactions: 'all' })
    const manifest = await readFile(path.join(dir, 'imsmanifest.xml'), 'utf8')
    expect(manifest).not.toMatch(/masteryscore|minNormalizedMeasure/)
    expect(await validateManifest(format, manifest, dir)).toEqual({ valid: true, errors: [] })
  })

  it('has a manifest valid against the official schemas it carries', async () => {
    const dir = await unzip((await exportScormPackage(options(`${format}-xsd.zip`, { format }))).out)
    const manifest = await readFile(path.join(dir, 'imsmanifest.xml'), 'utf8')
    expect(await validateManifest(format, manifest, dir)).toEqual({ valid: true, errors: [] })
  })
})

describe('choosing what to export', () => {
  it('refuses a module the course does not have, naming the ones it has', async () => {
    await expect(exportScormPackage(options('x.zip', { modules: ['nope'] }))).rejects.toThrow('The course has no module "nope". Its modules are: blocks.')
  })

  it('refuses a course with errors, pointing at validate', async () => {
    const broken = path.join(ROOT, 'e2e/fixtures/courses/broken/duplicate-id')
    await expect(exportScormPackage(options('x.zip', { courseDir: broken }))).rejects.toThrow(/cannot be exported until its errors are fixed \(run "civic-learn validate/)
  })

  it('refuses to run without a built player', async () => {
    await expect(exportScormPackage(options('x.zip', { playerDir: path.join(work, 'nowhere') }))).rejects.toThrow('npm run build')
  })
})

async function overlayFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(work, 'overlay-'))
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}

const GOOD_OVERLAY = `organisation: Anytown Borough Council
logo: logo.png
colours: { text: "#1b1f24", background: "#ffffff", accent: "#00558c", accentText: "#ffffff" }
welcome: |
  Welcome, councillors.

  This course is part of your induction.
contact: Member services, 01234 567890
policyPage:
  title: Our social media policy
  markdown: Councillors follow the **Anytown** social media protocol.
`

describe('branding overlay', () => {
  it('is applied at export: policy page as a last module, logo in the package, branding in course.json', async () => {
    const file = await overlayFile('brand.yaml', GOOD_OVERLAY)
    await cp(path.join(EVERY_BLOCK, 'media/photo.png'), path.join(path.dirname(file), 'logo.png'))
    const summary = await exportScormPackage(options('branded.zip', { overlay: file }))
    expect(summary.modules).toEqual(['blocks', 'local-policy'])
    const dir = await unzip(summary.out)
    const data = JSON.parse(await readFile(path.join(dir, 'course.json'), 'utf8')) as PackageData
    expect(data.branding).toMatchObject({ organisation: 'Anytown Borough Council', logo: 'branding/logo.png', contact: 'Member services, 01234 567890' })
    expect(data.branding).not.toHaveProperty('policyPage')
    expect(existsSync(path.join(dir, 'branding/logo.png'))).toBe(true)
    for (const content of Object.values(data.course.content)) {
      expect(content.modules.at(-1)?.pages[0]?.blocks[0]).toEqual({ type: 'text', markdown: 'Councillors follow the **Anytown** social media protocol.' })
    }
  })

  it('refuses colours that fail WCAG AA, naming the failing pair', async () => {
    const file = await overlayFile('brand.json', JSON.stringify({ organisation: 'Anytown', colours: { text: '#777777', background: '#ffffff', accent: '#00558c', accentText: '#ffffff' } }))
    await expect(loadBrandingOverlay(file)).rejects.toThrow('colours.text (#777777) on colours.background (#ffffff) has a contrast of 4.48:1; WCAG AA needs at least 4.5:1.')
  })

  it.each([
    ['not YAML', 'organisation: [unclosed', /brand\.yaml:\d+:\d+: the branding overlay is not valid YAML or JSON/],
    ['an unknown key', 'organisation: A\nfont: Comic Sans', /has problems:\n {2}\(the file\): Unrecognized key: "font"/],
    ['a bad colour', 'organisation: A\ncolours: { text: red, background: "#ffffff", accent: "#00558c", accentText: "#ffffff" }', /colours\.text: must be a colour written as #rrggbb/],
    ['a logo outside its folder', 'organisation: A\nlogo: ../secret.png', /The logo ..\/secret.png must be beside the branding overlay/],
    ['a missing logo', 'organisation: A\nlogo: missing.png', /The logo missing\.png named in brand\.yaml was not found beside it\./],
    ['no organisation', 'welcome: Hi', /organisation: /],
  ])('explains %s without a stack trace', async (_name, text, message) => {
    const failure = await loadBrandingOverlay(await overlayFile('brand.yaml', text)).catch((error: Error) => error)
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toMatch(message)
    expect((failure as Error).message).not.toMatch(/\n\s+at /)
  })

  it('refuses a module to hide that the course does not have', async () => {
    const file = await overlayFile('brand.yaml', 'organisation: A\nhideModules: [ghost]')
    await expect(exportScormPackage(options('x.zip', { overlay: file }))).rejects.toThrow('The course has no module "ghost"')
  })
})

describe('suspendBudget', () => {
  it('says when the essentials of a course outgrow SCORM 1.2’s limit but not 2004’s', () => {
    expect(suspendBudget(quizzesCourse(10), 'scorm12')).toMatchObject({ limit: 4096, fits: true })
    const big = quizzesCourse(120)
    expect(suspendBudget(big, 'scorm12')).toMatchObject({ limit: 4096, fits: false })
    expect(suspendBudget(big, 'scorm2004')).toMatchObject({ limit: 64000, fits: true })
  })

  it('refuses a SCORM 1.2 package a learner could outgrow, naming the choice to change, and makes the 2004 one', async () => {
    const big = { bundle: quizzesCourse(120), dir: work, files: [] }
    const { courseDir: _folder, ...packaging } = options('too-long-12.zip')
    const refusal = await writeScormPackage(big, packaging).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(ExportError)
    expect(refusal).toMatchObject({ choice: 'format', message: expect.stringMatching(/too long for SCORM 1\.2: .* it allows 4,096.* or export as SCORM 2004/) })
    expect(existsSync(packaging.out)).toBe(false)
    await expect(writeScormPackage(big, { ...packaging, format: 'scorm2004', out: path.join(work, 'long-2004.zip') })).resolves.toMatchObject({ suspendData: { limit: 64000, fits: true } })
  })
})

describe('referencedFiles', () => {
  const courseSaying = (markdown: string) => bundleOf([moduleOf('m', [pageOf('p', [{ type: 'text', markdown }])])])
  const files = ['media/photo.png', 'media/photo.png.bak', 'media/talk.en.vtt', 'media/old photo.png', 'notes.md']

  it.each([
    ['![A ward walk](media/photo.png)', ['media/photo.png']],
    ['See media/photo.png.', ['media/photo.png']],
    ['See media/photo.png... and more', ['media/photo.png']],
    ['The backup media/photo.png.bak is not shown.', ['media/photo.png.bak']],
    ['old/media/photo.png and ./media/photo.png name other files', []],
    ['media/photo.png/inside is a folder path', []],
    ['Captions: media/talk.en.vtt, and media/old photo.png with a space.', ['media/talk.en.vtt', 'media/old photo.png']],
  ])('in "%s" finds %j', (markdown, expected) => {
    expect(referencedFiles(courseSaying(markdown), files)).toEqual(expected)
  })

  it('finds the course’s cover and its modules’ pictures, which no text names', () => {
    const bundle = { ...bundleOf([{ ...moduleOf('m', [pageOf('p', [{ type: 'text', markdown: 'Words.' }])]), illustration: 'media/m.webp' }]), cover: 'media/cover.webp' }
    expect(referencedFiles(bundle, ['media/cover.webp', 'media/m.webp', 'media/unused.webp'])).toEqual(['media/cover.webp', 'media/m.webp'])
  })

  /** The rule as it was first written: every file searched for in the whole text, each place checked. */
  function byScanning(text: string, names: readonly string[]): string[] {
    const wholePath = (file: string, at: number) => {
      const before = text.charAt(at - 1)
      const after = text.charAt(at + file.length)
      if (before !== '' && /[A-Za-z0-9._\-/]/.test(before)) return false
      if (after === '.') return !/[A-Za-z0-9_-]/.test(text.charAt(at + file.length + 1))
      return after === '' || !/[A-Za-z0-9_\-/]/.test(after)
    }
    return names.filter((file) => {
      for (let at = text.indexOf(file); at >= 0; at = text.indexOf(file, at + 1)) if (wholePath(file, at)) return true
      return false
    })
  }

  it('finds what searching for every file would find, in one pass, over a thousand made-up texts', () => {
    const pieces = ['media/photo.png', 'media/photo.png.bak', 'media/talk.en.vtt', 'media/old photo.png', '.', '..', ' ', '/', 'x', '(', ')', 'old/', '-', '\n', 'notes.md']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 1000; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('')
      expect(referencedFiles(courseSaying(text), files), text).toEqual(byScanning(text, files))
    }
  })
})

