import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { chromiumLaunchOptions } from '../e2e/support/browser'
import { contentType, routeStaticPath } from '../src/node/static-files'
import { exportScormPackage } from '../src/node/export/scorm-export'
import { extractZip } from '../test/support/read-zip'
import { startHost } from './bench-host'
import { writeSyntheticCourse } from './synthetic-course'
import { median } from './bench-stats'

/**
 * `npm run bench` (screens): how long a learner waits for the first screen in Chromium, each
 * against a one-page static server measured in the same run (interleaved, a fresh browser context
 * each time, so nothing is cached):
 * - the library screen from a web host just started (`civic-learn serve`, the bundled courses),
 *   until the bundled course is listed on it: once with an empty course cache (the first start
 *   after installing), then as every later start meets it;
 *   and the same library screen saved as a static page (its HTML as the app drew it, with its
 *   styles, fonts and pictures, without a script), served by the static server: what that screen
 *   costs the browser however it is made;
 * - a SCORM package's first screen, for a synthetic course of 100 modules, served as an LMS
 *   serves it (plain static files), without an LMS.
 */
const RUNS = 5
const ROOT = path.resolve(__dirname, '..')

/**
 * A plain static file server on loopback: the reference, and the stand-in for an LMS's file
 * server. Paths under /courses/ come from `coursesDir`, as the web host serves course media.
 */
async function staticServer(root: string, coursesDir = path.join(root, 'courses')): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    const route = routeStaticPath(pathname, { rendererDir: root, coursesDir, referencedByCourse: () => true })
    if (!route) {
      res.writeHead(404).end()
      return
    }
    const file = path.join(route.root, ...route.segments)
    void readFile(file).then(
      (bytes) => res.writeHead(200, { 'Content-Type': contentType(file), 'Cache-Control': 'no-store' }).end(bytes),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

/**
 * Put into every page before its own scripts: names each heading for the Element
 * Timing API as it is inserted, so the browser reports when it was painted; and notes when a
 * first screen rendered ahead of time (`#app` inert) was taken over by the live app.
 */
function watchFirstScreen(): void {
  const marks: { liveAt: number | null } = { liveAt: null }
  ;(window as unknown as { firstScreen: typeof marks }).firstScreen = marks
  new MutationObserver(() => {
    // Named by its words: a heading replaced after its paint (a first screen taken over) is no longer in the page.
    for (const heading of document.querySelectorAll(':is(h1, h2, h3):not([elementtiming])')) heading.setAttribute('elementtiming', heading.textContent?.trim() ?? '')
    const root = document.getElementById('app')
    if (marks.liveAt === null && root && !root.hasAttribute('inert') && root.childElementCount > 0) marks.liveAt = performance.now()
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert'] })
}

interface ScreenTimes {
  /** From the navigation's start until a heading with the name is painted. */
  painted: number
  /** Until the app that answers the learner has taken the page over (the same as `painted` where the app draws the first screen itself). */
  live: number
}

/**
 * A fresh context navigates to `url`; the times are the browser's own, from the navigation's start
 * (Element Timing for the heading's paint), so a page busy running its script when the heading
 * shows does not delay the reading.
 */
async function firstScreen(browser: Browser, url: string, heading: string): Promise<ScreenTimes> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.addInitScript(watchFirstScreen)
    await page.goto(url, { waitUntil: 'commit' })
    await page.getByRole('heading', { name: heading }).first().waitFor()
    // A page with a script to run is timed until it has taken over its first screen.
    await page.waitForFunction(() => !document.querySelector('#app[inert]') || !document.querySelector('script[type="module"]'))
    return await page.evaluate(async (name) => {
      // The paint is reported a moment after it happens.
      const painted = await new Promise<number>((resolve, reject) => {
        new PerformanceObserver((list) => {
          const shown = list.getEntries().find((entry) => (entry as unknown as { identifier: string }).identifier === name) as unknown as { renderTime: number; loadTime: number } | undefined
          if (shown) resolve(shown.renderTime || shown.loadTime)
        }).observe({ type: 'element', buffered: true })
        setTimeout(() => reject(new Error(`No paint was reported for the heading "${name}"`)), 5000)
      })
      const liveAt = (window as unknown as { firstScreen: { liveAt: number | null } }).firstScreen.liveAt
      return { painted, live: Math.max(painted, liveAt ?? painted) }
    }, heading)
  } finally {
    await context.close()
  }
}

const LIBRARY_HEADING = 'Social media for local leaders'

/**
 * The library screen as the app drew it, saved as a static page: its HTML without the scripts,
 * beside the renderer's styles, fonts and icon (the course's pictures come from its folder).
 * Returns the folder to serve.
 */
async function savedLibraryScreen(browser: Browser, hostUrl: string, work: string): Promise<string> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(hostUrl, { waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: LIBRARY_HEADING }).first().waitFor()
    const html = await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`)
    const folder = path.join(work, 'library-page')
    await cp(path.join(ROOT, 'out/renderer'), folder, { recursive: true })
    await writeFile(path.join(folder, 'index.html'), html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, ''))
    return folder
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'out/cli/index.js')) || !existsSync(path.join(ROOT, 'out/player/index.html'))) throw new Error('Build the app first: npm run build')
  const work = await mkdtemp(path.join(os.tmpdir(), 'civic-learn-screens-'))
  const browser = await chromium.launch(chromiumLaunchOptions())
  const servers: Server[] = []
  try {
    const onePage = path.join(work, 'one-page')
    await mkdir(onePage)
    await writeFile(path.join(onePage, 'index.html'), '<!doctype html><html lang="en"><title>Reference</title><h1>Reference</h1>')
    const reference = await staticServer(onePage)
    servers.push(reference.server)

    // The host keeps the courses it has loaded in the user's cache folder: the first start after
    // installing (or after a course changed) loads them; every later start finds them there.
    const env = { ...process.env, XDG_CACHE_HOME: path.join(work, 'cache') }
    const library: ScreenTimes[] = []
    const staticForLibrary: ScreenTimes[] = []
    const libraryAsStatic: ScreenTimes[] = []
    const firstStart: ScreenTimes[] = []
    let libraryPage: { url: string; server: Server } | null = null
    for (let run = 0; run <= RUNS; run++) {
      staticForLibrary.push(await firstScreen(browser, reference.url, 'Reference'))
      if (libraryPage) libraryAsStatic.push(await firstScreen(browser, libraryPage.url, LIBRARY_HEADING))
      const dataDir = await mkdtemp(path.join(work, 'data-'))
      const host = await startHost(dataDir, [], env)
      try {
        const took = await firstScreen(browser, host.url, LIBRARY_HEADING)
        if (run === 0) firstStart.push(took)
        else library.push(took)
        // Once, from the first host: the screen as the app drew it, kept as a static page.
        if (!libraryPage) {
          libraryPage = await staticServer(await savedLibraryScreen(browser, host.url, work), path.join(ROOT, 'courses'))
          servers.push(libraryPage.server)
        }
      } finally {
        await host.stop()
      }
    }

    const courseDir = path.join(work, 'course')
    await writeSyntheticCourse(courseDir, { modules: 100, pages: 5 })
    const zip = path.join(work, 'package.zip')
    const exported = await exportScormPackage({ courseDir, format: 'scorm2004', out: zip, playerDir: path.join(ROOT, 'out/player'), schemasDir: path.join(ROOT, 'resources/scorm-schemas'), appVersion: 'bench' })
    if (!exported.firstScreen) throw new Error('The package was exported without its first screen: build the app first (npm run build)')
    const unpacked = path.join(work, 'package')
    await extractZip(await readFile(zip), unpacked)
    const lms = await staticServer(unpacked)
    servers.push(lms.server)
    // The same first screen as a page with nothing to run: what its HTML and styles cost the browser.
    const scriptless = path.join(work, 'scriptless')
    await cp(unpacked, scriptless, { recursive: true })
    const index = await readFile(path.join(scriptless, 'index.html'), 'utf8')
    await writeFile(path.join(scriptless, 'index.html'), index.replace(/<script type="module"[^>]*><\/script>/, ''))
    const withoutScript = await staticServer(scriptless)
    servers.push(withoutScript.server)
    const player: ScreenTimes[] = []
    const staticForPlayer: ScreenTimes[] = []
    const sameScreenStatic: ScreenTimes[] = []
    for (let run = 0; run < RUNS; run++) {
      staticForPlayer.push(await firstScreen(browser, reference.url, 'Reference'))
      player.push(await firstScreen(browser, lms.url, 'A synthetic course'))
      sameScreenStatic.push(await firstScreen(browser, withoutScript.url, 'A synthetic course'))
    }

    const painted = (times: ScreenTimes[]) => median(times.map((time) => time.painted))
    const live = (times: ScreenTimes[]) => median(times.map((time) => time.live))
    const libraryRatio = painted(library) / painted(staticForLibrary)
    const libraryAsStaticRatio = painted(libraryAsStatic) / painted(staticForLibrary)
    const playerRatio = painted(player) / painted(staticForPlayer)
    const firstStartPainted = firstStart[0]?.painted ?? 0
    process.stdout.write(
      [
        `First screens in Chromium, median of ${RUNS}, from the navigation's start until the heading is painted, each against a one-page static server in the same run`,
        `library screen from a web host just started: ${painted(library).toFixed(0)} ms against ${painted(staticForLibrary).toFixed(0)} ms, ${libraryRatio.toFixed(2)}× (target ≤ 1.5× — ${libraryRatio <= 1.5 ? 'met' : 'NOT met'})`,
        `  the first start, before the course cache has the bundled course: ${firstStartPainted.toFixed(0)} ms (${(firstStartPainted / painted(staticForLibrary)).toFixed(2)}×)`,
        `  the same library screen as a static page (its HTML, styles, fonts and pictures, no script; median of ${libraryAsStatic.length}): ${painted(libraryAsStatic).toFixed(0)} ms (${libraryAsStaticRatio.toFixed(2)}×); the host's library takes ${(painted(library) / painted(libraryAsStatic)).toFixed(2)}× that page`,
        `SCORM package of 100 modules, first screen (rendered at export): ${painted(player).toFixed(0)} ms against ${painted(staticForPlayer).toFixed(0)} ms, ${playerRatio.toFixed(2)}× (target ≤ 3× — ${playerRatio <= 3 ? 'met' : 'NOT met'})`,
        `  the same page without its script (its HTML and styles alone): ${painted(sameScreenStatic).toFixed(0)} ms (${(painted(sameScreenStatic) / painted(staticForPlayer)).toFixed(2)}×)`,
        `  the live player taking it over: ${live(player).toFixed(0)} ms (${(live(player) / painted(staticForPlayer)).toFixed(2)}×)`,
        '',
      ].join('\n'),
    )
  } finally {
    await browser.close()
    for (const server of servers) server.close()
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
