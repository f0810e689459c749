/**
 * The README's gallery: every screen of the app at 1280 px and 390 px wide, light and dark, from
 * the built web host and the bundled course, as a learner who has worked through part of it sees
 * them. Run after `npm run build`:
 *
 *   npx tsx scripts/screenshots.ts [screen-name ...]
 *
 * Writes docs/screenshots/gallery/<screen>-<width>-<theme>.png. Look at each one after a change.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { COURSE, SCREENS } from '../e2e/support/screens'
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/browser'
import { startWebHost } from '../e2e/support/web-host'
import { TOKEN_HEADER } from '../src/core/app-meta'

const OUT = path.resolve(__dirname, '../docs/screenshots/gallery')
const WIDTHS = [1280, 390] as const
const THEMES = ['light', 'dark'] as const

async function api(page: Page, token: string, method: string, input: unknown): Promise<void> {
  const answer = await page.evaluate(
    async ({ method, input, header, token }) => (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [header]: token }, body: JSON.stringify(input) })).json(),
    { method, input, header: TOKEN_HEADER, token },
  )
  if (!(answer as { ok: boolean }).ok) throw new Error(`${method}: ${JSON.stringify(answer)}`)
}

async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2))
  await mkdir(OUT, { recursive: true })
  const host = await startWebHost()
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    const setup = await browser.newPage()
    await setup.goto(host.url)
    await setup.getByTestId('course-list').waitFor()
    const profiles = (await setup.evaluate(
      async ({ header, token }) => (await fetch('/api/profile.list', { method: 'POST', headers: { 'Content-Type': 'application/json', [header]: token }, body: '{}' })).json(),
      { header: TOKEN_HEADER, token: host.token },
    )) as { value: { activeId: string } }
    await api(setup, host.token, 'profile.rename', { id: profiles.value.activeId, name: 'Cllr Alys Morgan' })
    await api(setup, host.token, 'settings.update', { nation: 'wales' })
    const at = new Date().toISOString()
    const pages = ['intro-welcome', 'casework-listening-and-replying', 'casework-take-it-private']
    await api(setup, host.token, 'progress.record', { courseId: COURSE, events: pages.map((pageId) => ({ type: 'page.viewed', at, pageId })) }).catch(() => undefined)
    await setup.close()
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: width > 600 ? 800 : 844 }, colorScheme: theme, reducedMotion: 'reduce' })
        const page = await context.newPage()
        await page.goto(host.url)
        await page.getByTestId('course-list').waitFor()
        for (const screen of SCREENS) {
          if (only.size > 0 && !only.has(screen.name)) continue
          await page.evaluate((route) => (location.hash = `#${route}`), screen.route)
          await screen.ready(page)
          // Down the page and back, so pictures that load as they come into view are there.
          await page.evaluate(async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
              window.scrollTo(0, y)
              await new Promise((resolve) => setTimeout(resolve, 30))
            }
            window.scrollTo(0, 0)
            await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)))
            await document.fonts.ready
          })
          await page.waitForTimeout(300)
          await screen.show?.(page)
          await page.screenshot({ path: path.join(OUT, `${screen.name}-${width}-${theme}.png`) })
        }
        await context.close()
      }
    }
    // The library and the course page in Welsh, dark.
    if (only.size === 0 || only.has('cymraeg')) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark', reducedMotion: 'reduce' })
      const page = await context.newPage()
      await page.goto(host.url)
      await page.getByTestId('course-list').waitFor()
      await api(page, host.token, 'settings.update', { language: 'cy' })
      await page.reload()
      await page.getByRole('heading', { level: 1, name: 'Eich cyrsiau' }).waitFor()
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: path.join(OUT, 'cymraeg-library-1280-dark.png') })
      await page.evaluate((route) => (location.hash = `#${route}`), `/course/${COURSE}`)
      await page.getByTestId('module-list').waitFor()
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: path.join(OUT, 'cymraeg-course-1280-dark.png') })
      await api(page, host.token, 'settings.update', { language: 'en' })
      await context.close()
    }
  } finally {
    await browser.close()
    await host.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
