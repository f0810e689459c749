import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readZip } from '../../../test/support/read-zip'
import type { PackageData } from '../../core/scorm/package-data'
import { firstScreenRendererPath, savedDisplayScript, withFirstScreen } from './first-screen'
import { exportScormPackage } from './scorm-export'

const ROOT = path.resolve(__dirname, '../../..')
const INDEX = '<!doctype html>\n<html lang="en-GB">\n  <head>\n    <title>Civic Learn</title>\n  </head>\n  <body>\n    <div id="app"></div>\n  </body>\n</html>\n'
let work: string

/** A built player (its index.html) with a stand-in renderer beside it, written as the real one is built: CommonJS. */
async function playerWith(name: string, renderer: string | null): Promise<string> {
  const playerDir = path.join(work, name, 'player')
  await mkdir(playerDir, { recursive: true })
  await writeFile(path.join(playerDir, 'index.html'), INDEX)
  if (renderer !== null) {
    await mkdir(path.dirname(firstScreenRendererPath(playerDir)), { recursive: true })
    await writeFile(firstScreenRendererPath(playerDir), renderer)
  }
  return playerDir
}

// The course's words may hold "$&" or "$1": they must reach the page as written.
const ECHO = 'exports.renderFirstScreen = async (data) => ({ html: `<h1>${data.course.id} costs $& and $1</h1>`, language: "cy", lang: "cy" })\n'
const data = (extra: Partial<PackageData> = {}) => ({ course: { id: 'rates' }, ...extra }) as unknown as PackageData

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-first-screen-'))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('a package’s first screen', () => {
  it('is the renderer’s HTML inside an inert #app, with the page in the renderer’s language', async () => {
    const html = await withFirstScreen(INDEX, data(), await playerWith('echo', ECHO))
    expect(html).toContain('<div id="app" inert><h1>rates costs $& and $1</h1></div>')
    expect(html).toContain('<html lang="cy">')
    expect(html).not.toContain('<style>')
  })

  it('applies the learner’s saved display settings before it is drawn', async () => {
    const html = await withFirstScreen(INDEX, data(), await playerWith('settings', ECHO))
    expect(html).toContain(`${savedDisplayScript('cy')}</head>`)
  })

  it('carries the council’s colours in the head, as the player sets them once it runs', async () => {
    const colours = { text: '#111111', background: '#ffffff', accent: '#005a9c', accentText: '#ffffff' }
    const html = await withFirstScreen(INDEX, data({ branding: { organisation: 'Anytown', colours } }), await playerWith('colours', ECHO))
    expect(html).toMatch(/<style>:root\{--brand-text:#111111;--brand-background:#ffffff;--brand-accent:#005a9c;--brand-accent-text:#ffffff;--brand-accent-dark:#[0-9a-f]{6}\}<\/style><\/head>/)
  })

  it('renders one package at a time when exports overlap, and a failed one does not stop the next', async () => {
    // The renderer notes how many renders are under way at once, as globalThis.firstScreenMost.
    const counting = 'let now = 0\nexports.renderFirstScreen = async (data) => { now++; globalThis.firstScreenMost = Math.max(globalThis.firstScreenMost ?? 0, now); await new Promise((r) => setTimeout(r, 20)); now--; if (data.course.id === "bad") throw new Error("broken"); return { html: data.course.id, language: "en", lang: "en-GB" } }\n'
    const playerDir = await playerWith('overlap', counting)
    const results = await Promise.allSettled(['one', 'bad', 'two'].map((id) => withFirstScreen(INDEX, { course: { id } } as unknown as PackageData, playerDir)))
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[2] as PromiseFulfilledResult<string>).value).toContain('<div id="app" inert>two</div>')
    expect((globalThis as { firstScreenMost?: number }).firstScreenMost).toBe(1)
  })

  it('is left out when the player was built without its renderer, or its page has no empty #app', async () => {
    expect(await withFirstScreen(INDEX, data(), await playerWith('none', null))).toBeNull()
    expect(await withFirstScreen(INDEX.replace('<div id="app"></div>', '<main id="app">x</main>'), data(), await playerWith('other-page', ECHO))).toBeNull()
  })

  it('goes into the exported package’s index.html, and a renderer that fails leaves the plain page', async () => {
    const exportWith = async (name: string, renderer: string) => {
      const out = path.join(work, `${name}.zip`)
      const summary = await exportScormPackage({ courseDir: path.join(ROOT, 'e2e/fixtures/courses/every-block'), format: 'scorm2004', out, playerDir: await playerWith(name, renderer), schemasDir: path.join(ROOT, 'resources/scorm-schemas'), appVersion: '1' })
      const index = readZip(await readFile(out)).find((entry) => entry.name === 'index.html')
      return { summary, index: index?.data.toString('utf8') }
    }
    const rendered = await exportWith('exported', ECHO)
    expect(rendered.summary.firstScreen).toBe(true)
    expect(rendered.index).toContain('<div id="app" inert><h1>every-block costs')
    const failed = await exportWith('failing', 'exports.renderFirstScreen = async () => { throw new Error("broken") }\n')
    expect(failed.summary.firstScreen).toBe(false)
    expect(failed.index).toBe(INDEX)
  })
})

describe('the saved display settings, applied before the first screen is drawn', () => {
  /** Runs the script as a page would, with only what a page gives it; `storage` throws when it is an Error. */
  function run(saved: string | null | Error, language = 'en', systemDark = false) {
    const root = { dataset: {} as Record<string, string>, style: { fontSize: '' } }
    const body = savedDisplayScript(language).replace(/^<script>/, '').replace(/<\/script>$/, '')
    const getItem = () => {
      if (saved instanceof Error) throw saved
      return saved
    }
    vm.runInNewContext(body, { localStorage: { getItem }, document: { documentElement: root }, matchMedia: () => ({ matches: systemDark }), JSON, Object })
    return root
  }

  it('takes the theme and text size the learner chose, as the player applies them', () => {
    expect(run(JSON.stringify({ theme: 'dark', textSize: 'larger', language: 'en' }))).toEqual({ dataset: { theme: 'dark' }, style: { fontSize: '150%' } })
    expect(run(JSON.stringify({ theme: 'light', textSize: 'large' }), 'en', true)).toEqual({ dataset: { theme: 'light' }, style: { fontSize: '125%' } })
  })

  it('follows the system’s theme where the learner chose none, also without settings, with broken ones or with storage refused', () => {
    const untouched = (theme: string) => ({ dataset: { theme }, style: { fontSize: '' } })
    expect(run(JSON.stringify({ theme: 'system', textSize: 'normal' }), 'en', true)).toEqual({ dataset: { theme: 'dark' }, style: { fontSize: '100%' } })
    expect(run(null, 'en', true)).toEqual(untouched('dark'))
    expect(run(null)).toEqual(untouched('light'))
    expect(run('{not json', 'en', true)).toEqual(untouched('dark'))
    expect(run('null', 'en', true)).toEqual(untouched('dark'))
    expect(run(new Error('SecurityError'), 'en', true)).toEqual(untouched('dark'))
    expect(run(JSON.stringify({ theme: 'neon', textSize: 'toString' }))).toEqual(untouched('light'))
  })

  it('hides the first screen from a learner who reads another language than it is in', () => {
    expect(run(JSON.stringify({ language: 'cy' })).dataset).toEqual({ theme: 'light', firstScreen: 'hidden' })
    expect(run(JSON.stringify({ language: 'cy' }), 'cy').dataset).toEqual({ theme: 'light' })
  })
})
