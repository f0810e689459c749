import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { brandColourProperties } from '../../core/brand-colours'
import type { PackageData } from '../../core/scorm/package-data'

/** What the player's first-screen renderer (src/player/first-screen.ts, built by vite.player-server.config.mts) exports. */
interface FirstScreenRenderer {
  renderFirstScreen(data: PackageData): Promise<{ html: string; lang: string }>
}

/** The renderer is built beside the player: out/player-server next to out/player. */
export function firstScreenRendererPath(playerDir: string): string {
  return path.join(path.dirname(path.resolve(playerDir)), 'player-server', 'first-screen.js')
}

const APP_ROOT = '<div id="app"></div>'

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
}

/**
 * The player's index.html with the package's first screen in it: the course page, rendered here
 * by the player's own components (src/player/first-screen.ts), so a learner sees it as soon as the
 * page arrives; `inert` until the player's script replaces it with the live app (src/player/main.ts).
 * The council's colours go in the head, as the player sets them once it runs. Null when the
 * player was built without its renderer, or the page has no empty `#app` to fill: the package
 * then starts as it did before, blank until the script has run.
 */
export async function withFirstScreen(indexHtml: string, data: PackageData, playerDir: string): Promise<string | null> {
  const rendererPath = firstScreenRendererPath(playerDir)
  if (!indexHtml.includes(APP_ROOT) || !existsSync(rendererPath)) return null
  // Required, not imported: a CommonJS file, loaded the same way from the command line and from the desktop app's archive.
  const renderer = createRequire(rendererPath)(rendererPath) as FirstScreenRenderer
  const { html, lang } = await renderer.renderFirstScreen(data)
  const colours = data.branding?.colours
  const style = colours ? `<style>:root{${brandColourProperties(colours).map(([property, value]) => `${property}:${value}`).join(';')}}</style>` : ''
  // Replaced by functions: a "$" in the course's words is not a replacement pattern.
  return indexHtml
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeAttribute(lang)}"`)
    .replace('</head>', () => `${style}</head>`)
    .replace(APP_ROOT, () => `<div id="app" inert>${html}</div>`)
}
