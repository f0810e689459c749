import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { brandColourProperties } from '../../core/brand-colours'
import { FONT_SIZES } from '../../core/display'
import { PACKAGE_SETTINGS_KEY, type PackageData } from '../../core/scorm/package-data'
import { escapeHtml } from '../../core/scorm/prerendered-markdown'

/** What the player's first-screen renderer (src/player/first-screen.ts, built by vite.player-server.config.mts) exports. */
interface FirstScreenRenderer {
  renderFirstScreen(data: PackageData): Promise<{ html: string; language: string; lang: string }>
}

/** The renderer is built beside the player: out/player-server next to out/player. */
export function firstScreenRendererPath(playerDir: string): string {
  return path.join(path.dirname(path.resolve(playerDir)), 'player-server', 'first-screen.js')
}

const APP_ROOT = '<div id="app"></div>'

/** The render under way, if any: exports in one process (the desktop app, the web host) may overlap. */
let rendering: Promise<unknown> = Promise.resolve()

// What the script finds in the page (this file is built for Node, without the DOM's types).
declare const localStorage: { getItem(key: string): string | null }
declare const document: { documentElement: { dataset: Record<string, string | undefined>; style: { fontSize: string } } }
declare function matchMedia(query: string): { matches: boolean }

/**
 * Run in the page's head, before the first screen is drawn: the display settings the learner chose
 * in this browser (kept by src/player/player-api.ts) applied as applyDisplay applies them once the
 * player runs (the system's light or dark where the learner chose neither), so the screen does not
 * change theme or text size when it is taken over; and the first screen hidden (main.css) from a
 * learner who reads another language than it is in, who would otherwise read it in the wrong one
 * until then. Written out as its own source: it uses nothing but its arguments and the page.
 */
function applySavedDisplay(key: string, sizes: Record<string, string>, language: string): void {
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
  if (typeof saved.language === 'string' && saved.language !== language) root.dataset.firstScreen = 'hidden'
}

/** The script that applies them, for the first screen in `language`. */
export function savedDisplayScript(language: string): string {
  const args = [PACKAGE_SETTINGS_KEY, FONT_SIZES, language].map((value) => JSON.stringify(value).replaceAll('<', '\\u003c')).join(',')
  return `<script>(${applySavedDisplay.toString()})(${args})</script>`
}

/**
 * The player's index.html with the package's first screen in it: the course page, rendered here
 * by the player's own components (src/player/first-screen.ts), so a learner sees it as soon as the
 * page arrives; `inert` until the player's script replaces it with the live app (src/player/main.ts).
 * The council's colours go in the head, as the player sets them once it runs, and a script that
 * applies the learner's saved display settings before anything is drawn. Null when the
 * player was built without its renderer, or the page has no empty `#app` to fill: the package
 * then starts as it did before, blank until the script has run.
 */
export async function withFirstScreen(indexHtml: string, data: PackageData, playerDir: string): Promise<string | null> {
  const rendererPath = firstScreenRendererPath(playerDir)
  if (!indexHtml.includes(APP_ROOT) || !existsSync(rendererPath)) return null
  // Required, not imported: a CommonJS file, loaded the same way from the command line and from the desktop app's archive.
  const renderer = createRequire(rendererPath)(rendererPath) as FirstScreenRenderer
  // One course at a time: the renderer sets the app's Markdown engine for the course it draws.
  const rendered = rendering.then(() => renderer.renderFirstScreen(data))
  rendering = rendered.catch(() => undefined)
  const { html, language, lang } = await rendered
  const colours = data.branding?.colours
  const style = colours ? `<style>:root{${brandColourProperties(colours).map(([property, value]) => `${property}:${value}`).join(';')}}</style>` : ''
  // Replaced by functions: a "$" in the course's words is not a replacement pattern.
  return indexHtml
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeHtml(lang)}"`)
    .replace('</head>', () => `${savedDisplayScript(language)}${style}</head>`)
    .replace(APP_ROOT, () => `<div id="app" inert>${html}</div>`)
}
