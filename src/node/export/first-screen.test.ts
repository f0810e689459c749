import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readZip } from '../../../test/support/read-zip'
import type { PackageData, TranslationData } from '../../core/scorm/package-data'
import { firstScreenRendererPath, savedDisplayScript, showFirstScreenScript, withFirstScreen } from './first-screen'
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

  it('is written in each translation the app has words for too, each drawn with the files the player would fetch, and the learner sees theirs', async () => {
    // Draws the course's title, from the translation in a language, and the app's word for "Next" in it, from the built player's files.
    const translating = 'exports.renderFirstScreen = async (data, language, readJson) => {\n' +
      '  if (!language) return { html: "<h1>Rates</h1>", language: "en", lang: "en-GB" }\n' +
      '  const translation = await readJson(data.translations[language])\n' +
      '  const words = await readJson(`ui/${language}.json`)\n' +
      '  await readJson("../secret.json").catch((error) => { words.refused = error.message })\n' +
      '  return { html: `<h1>${translation.content.title}</h1><p>${words.next} ${words.refused}</p>`, language, lang: language }\n' +
      '}\n'
    const playerDir = await playerWith('translated', translating)
    await mkdir(path.join(playerDir, 'ui'))
    await writeFile(path.join(playerDir, 'ui', 'cy.json'), JSON.stringify({ next: 'Nesaf' }))
    const translation = (language: string, title: string) => ({ format: 2, language, content: { title }, markdown: {} }) as unknown as TranslationData
    const packageData = data({ course: { id: 'rates', language: 'en' }, translations: { cy: 'course.cy.json', fr: 'course.fr.json' } } as unknown as Partial<PackageData>)
    const html = await withFirstScreen(INDEX, packageData, playerDir, { cy: translation('cy', 'Trethi'), fr: translation('fr', 'Impôts') })
    expect(html).toContain('<div id="app" inert><h1>Rates</h1></div><template data-first-screen-language="cy" data-lang="cy"><h1>Trethi</h1><p>Nesaf ../secret.json is not a file of the package</p></template><script>')
    // The app has no French words: that translation has no first screen of its own.
    expect(html).not.toContain('Impôts')
    expect(html).toContain(`${savedDisplayScript('en', ['cy'])}</head>`)
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
  function run(saved: string | null | Error, language = 'en', systemDark = false, translated: string[] = []) {
    const root = { dataset: {} as Record<string, string>, style: { fontSize: '' } }
    const body = savedDisplayScript(language, translated).replace(/^<script>/, '').replace(/<\/script>$/, '')
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

  it('hides the first screen from a learner who reads another language than it is in, and names theirs where the page has it', () => {
    expect(run(JSON.stringify({ language: 'cy' })).dataset).toEqual({ theme: 'light', firstScreen: 'hidden' })
    expect(run(JSON.stringify({ language: 'cy' }), 'en', false, ['cy']).dataset).toEqual({ theme: 'light', firstScreen: 'hidden', firstScreenLanguage: 'cy' })
    expect(run(JSON.stringify({ language: 'cy' }), 'cy').dataset).toEqual({ theme: 'light' })
    expect(run(JSON.stringify({ language: 'en' }), 'en', false, ['cy']).dataset).toEqual({ theme: 'light' })
  })
})

describe('the first screen in the learner’s language, put in as the page is read', () => {
  /** Runs the script as a page would, over a page whose root carries `dataset` and holds templates in these languages. */
  function run(dataset: Record<string, string>, languages: string[]) {
    const root = { dataset: { ...dataset }, lang: 'en-GB' }
    const app = { shown: 'the English screen', replaceChildren(node: { copyOf: string }) { this.shown = node.copyOf } }
    const templates = languages.map((language) => ({
      dataset: { firstScreenLanguage: language, lang: language === 'cy' ? 'cy' : language },
      content: { cloneNode: () => ({ copyOf: `the ${language} screen` }) },
      removed: false,
      remove() { this.removed = true },
    }))
    const body = showFirstScreenScript.replace(/^<script>/, '').replace(/<\/script>$/, '')
    vm.runInNewContext(body, { document: { documentElement: root, getElementById: (id: string) => (id === 'app' ? app : null), querySelectorAll: () => templates } })
    return { root, shown: app.shown, removed: templates.every((template) => template.removed) }
  }

  it('shows the Welsh screen to a Welsh reader, in Welsh, and drops the templates', () => {
    expect(run({ theme: 'light', firstScreen: 'hidden', firstScreenLanguage: 'cy' }, ['cy'])).toEqual({ root: { dataset: { theme: 'light', firstScreenLanguage: 'cy' }, lang: 'cy' }, shown: 'the cy screen', removed: true })
  })

  it('leaves the screen as it is for a learner who reads its language, or one the page does not have', () => {
    expect(run({ theme: 'light' }, ['cy'])).toEqual({ root: { dataset: { theme: 'light' }, lang: 'en-GB' }, shown: 'the English screen', removed: true })
    expect(run({ theme: 'light', firstScreen: 'hidden' }, ['cy'])).toEqual({ root: { dataset: { theme: 'light', firstScreen: 'hidden' }, lang: 'en-GB' }, shown: 'the English screen', removed: true })
  })
})
