import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { isUiLanguage } from '../../core/app-defaults'
import { brandColourProperties } from '../../core/brand-colours'
import { FONT_SIZES } from '../../core/display'
import { PACKAGE_SETTINGS_KEY, type FirstScreen, type PackageData, type TranslationData } from '../../core/scorm/package-data'
import { escapeHtml } from '../../core/scorm/prerendered-markdown'
import { safeSegments } from '../static-files'

/** What the player's first-screen renderer (src/player/first-screen.ts, built by vite.player-server.config.mts) exports. */
interface FirstScreenRenderer {
  renderFirstScreen(data: PackageData, language?: string, readJson?: (file: string) => Promise<unknown>): Promise<FirstScreen>
}

/** The renderer is built beside the player: out/player-server next to out/player. */
export function firstScreenRendererPath(playerDir: string): string {
  return path.join(path.dirname(path.resolve(playerDir)), 'player-server', 'first-screen.js')
}

const APP_ROOT = '<div id="app"></div>'

/** The render under way, if any: exports in one process (the desktop app, the web host) may overlap. */
let rendering: Promise<unknown> = Promise.resolve()

// What the scripts find in the page (this file is built for Node, without the DOM's types).
interface PageElement {
  dataset: Record<string, string | undefined>
  replaceChildren(...nodes: unknown[]): void
  remove(): void
  content: { cloneNode(deep: boolean): unknown }
}
declare const localStorage: { getItem(key: string): string | null }
declare const document: {
  documentElement: { dataset: Record<string, string | undefined>; style: { fontSize: string }; lang: string }
  getElementById(id: string): PageElement | null
  querySelectorAll(selector: string): Iterable<PageElement>
}
declare function matchMedia(query: string): { matches: boolean }

/**
 * Run in the page's head, before the first screen is drawn: the display settings the learner chose
 * in this browser (kept by src/player/player-api.ts) applied as applyDisplay applies them once the
 * player runs (the system's light or dark where the learner chose neither), so the screen does not
 * change theme or text size when it is taken over. A learner who reads another language than the
 * first screen is in does not see it (main.css) until `showFirstScreenIn` has put in the one in
 * their language, which `translated` lists; in a language it does not list, until the player runs.
 * Written out as its own source: it uses nothing but its arguments and the page.
 */
function applySavedDisplay(key: string, sizes: Record<string, string>, language: string, translated: readonly string[]): void {
  let saved: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}')
    if (typeof parsed === 'object' && parsed !== null) saved = parsed as Record<string, unknown>
  } catch {
    // Storage refused or unreadable: the defaults.
  }
  const root = document.documentElement
  root.dataset.theme = saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
  if (typeof saved.textSize === 'string' && Object.hasOwn(sizes, saved.textSize)) root.style.fontSize = sizes[saved.textSize] as string
  if (typeof saved.language === 'string' && saved.language !== language) {
    root.dataset.firstScreen = 'hidden'
    if (translated.includes(saved.language)) root.dataset.firstScreenLanguage = saved.language
  }
}

/** The script that applies them, for the first screen in `language`, with the languages it is also written in. */
export function savedDisplayScript(language: string, translated: readonly string[] = []): string {
  const args = [PACKAGE_SETTINGS_KEY, FONT_SIZES, language, translated].map((value) => JSON.stringify(value).replaceAll('<', '\\u003c')).join(',')
  return `<script>(${applySavedDisplay.toString()})(${args})</script>`
}

/**
 * Run in the page's body, after the first screen and its translations (each a `<template>`): puts
 * in the one in the language the learner reads, as `applySavedDisplay` found it, and shows it;
 * then drops the templates, which nothing needs again.
 */
function showFirstScreenIn(): void {
  const root = document.documentElement
  const app = document.getElementById('app')
  for (const template of document.querySelectorAll('template[data-first-screen-language]')) {
    if (app && template.dataset.firstScreenLanguage === root.dataset.firstScreenLanguage) {
      app.replaceChildren(template.content.cloneNode(true))
      root.lang = template.dataset.lang ?? root.lang
      delete root.dataset.firstScreen
    }
    template.remove()
  }
}

/** The script that runs it. */
export const showFirstScreenScript = `<script>(${showFirstScreenIn.toString()})()</script>`

/** The first screen in the other languages, and the script that shows the learner's. */
function translatedScreens(screens: readonly FirstScreen[]): string {
  if (screens.length === 0) return ''
  const templates = screens.map((screen) => `<template data-first-screen-language="${escapeHtml(screen.language)}" data-lang="${escapeHtml(screen.lang)}">${screen.html}</template>`)
  return `${templates.join('')}${showFirstScreenScript}`
}

/** Reads a file of the package as the player would fetch it: a translation from those given, anything else (the app's words in a language) from the built player. */
function packageFileReader(data: PackageData, playerDir: string, translations: Readonly<Record<string, TranslationData>>): (file: string) => Promise<unknown> {
  const byFile = new Map(Object.entries(translations).map(([language, translation]) => [data.translations[language], translation]))
  return async (file) => {
    const translation = byFile.get(file)
    if (translation) return translation
    const segments = safeSegments(`/${file}`)
    if (!segments) throw new Error(`${file} is not a file of the package`)
    return JSON.parse(await readFile(path.join(playerDir, ...segments), 'utf8')) as unknown
  }
}

/**
 * The player's index.html with the package's first screen in it: the course page, rendered here
 * by the player's own components (src/player/first-screen.ts), so a learner sees it as soon as the
 * page arrives; `inert` until the player's script replaces it with the live app (src/player/main.ts).
 * It is written in the course's language and in each translation the app can show (`translations`,
 * as they go into the package), and the learner sees the one in the language they chose.
 * The council's colours go in the head, as the player sets them once it runs, and a script that
 * applies the learner's saved display settings before anything is drawn. Null when the
 * player was built without its renderer, or the page has no empty `#app` to fill: the package
 * then starts as it did before, blank until the script has run.
 */
export async function withFirstScreen(indexHtml: string, data: PackageData, playerDir: string, translations: Readonly<Record<string, TranslationData>> = {}): Promise<string | null> {
  const rendererPath = firstScreenRendererPath(playerDir)
  if (!indexHtml.includes(APP_ROOT) || !existsSync(rendererPath)) return null
  // Required, not imported: a CommonJS file, loaded the same way from the command line and from the desktop app's archive.
  const renderer = createRequire(rendererPath)(rendererPath) as FirstScreenRenderer
  const readJson = packageFileReader(data, playerDir, translations)
  const others = Object.keys(translations).filter((language) => isUiLanguage(language) && language !== data.course.language)
  // One course at a time: the renderer sets the app's Markdown engine for the course it draws.
  const rendered = rendering.then(async () => {
    const own = await renderer.renderFirstScreen(data)
    const translated: FirstScreen[] = []
    for (const language of others) translated.push(await renderer.renderFirstScreen(data, language, readJson))
    return { own, translated }
  })
  rendering = rendered.catch(() => undefined)
  const { own, translated } = await rendered
  const colours = data.branding?.colours
  const style = colours ? `<style>:root{${brandColourProperties(colours).map(([property, value]) => `${property}:${value}`).join(';')}}</style>` : ''
  // Replaced by functions: a "$" in the course's words is not a replacement pattern.
  return indexHtml
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeHtml(own.lang)}"`)
    .replace('</head>', () => `${savedDisplayScript(own.language, translated.map((screen) => screen.language))}${style}</head>`)
    .replace(APP_ROOT, () => `<div id="app" inert>${own.html}</div>${translatedScreens(translated)}`)
}
