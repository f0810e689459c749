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
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/browser'
import { startWebHost } from '../e2e/support/web-host'
import { TOKEN_HEADER } from '../src/core/app-meta'

const OUT = path.resolve(__dirname, '../docs/screenshots/gallery')
const COURSE = 'social-media-for-local-leaders'
const WIDTHS = [1280, 390] as const
const THEMES = ['light', 'dark'] as const

interface Screen {
  name: string
  /** The app's route (after the #). */
  route: string
  /** What shows once the screen is ready. */
  ready: (page: Page) => Promise<void>
  /** What to bring into view first, when it is not at the top of the page. */
  show?: (page: Page) => Promise<void>
}

const scrollTo = (selector: string) => async (page: Page) => {
  await page.locator(selector).first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name }).first().waitFor()
}

const SCREENS: Screen[] = [
  { name: 'library', route: '/', ready: async (page) => void (await page.getByTestId('course-list').waitFor()) },
  { name: 'course', route: `/course/${COURSE}`, ready: async (page) => void (await page.getByTestId('module-list').waitFor()) },
  { name: 'page', route: `/course/${COURSE}/page/casework-take-it-private`, ready: heading(/Take casework private/) },
  { name: 'scenario', route: `/course/${COURSE}/page/safety-story`, ready: heading(/two hard calls/), show: scrollTo('.block-scenario') },
  {
    name: 'feed',
    route: `/course/${COURSE}/page/safety-responding`,
    ready: heading(/SHIELD/),
    // The practice feed with its first post answered.
    show: async (page) => {
      const feed = page.locator('.block-feed')
      const choice = feed.getByRole('button', { name: /^Reply: I'm sorry about your dad/ })
      if (await choice.isVisible()) await choice.click()
      await feed.locator('.block-feed__outcome').first().waitFor()
      await feed.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    },
  },
  { name: 'key-points', route: `/course/${COURSE}/page/casework-think-and-remember`, ready: heading(/Think and remember/), show: scrollTo('.block-key-points') },
  { name: 'flashcards', route: `/course/${COURSE}/page/conduct-open-mind`, ready: heading(/open mind/) },
  { name: 'process', route: `/course/${COURSE}/page/safety-responding`, ready: heading(/SHIELD/), show: scrollTo('.block-process') },
  { name: 'top-tips', route: `/course/${COURSE}/page/top-tips`, ready: heading(/Top tips/), show: scrollTo('.block-key-points') },
  { name: 'case', route: `/course/${COURSE}/page/casework-real-case`, ready: heading(/Real case/) },
  { name: 'module-end', route: `/course/${COURSE}/page/casework-resources`, ready: heading(/Resources/), show: scrollTo('[data-testid="module-end"]') },
  { name: 'handout', route: `/course/${COURSE}/module/listening-and-casework/handout`, ready: heading(/Listening/) },
  {
    name: 'quiz',
    route: `/course/${COURSE}/page/casework-quiz-page`,
    ready: heading(/Quiz/),
    // The first question answered and checked, with its feedback.
    show: async (page) => {
      // The first run starts the attempt; later runs continue it and find the answer checked.
      await page.getByRole('button', { name: /^(Start|Continue) the quiz$/ }).click()
      await page.locator('.quiz-question').first().waitFor()
      const check = page.getByRole('button', { name: 'Check answer' })
      if (await check.isVisible()) {
        const question = page.locator('.quiz-question').first()
        const choice = question.locator('input[type=radio], input[type=checkbox]').first()
        if ((await choice.count()) > 0) await choice.check()
        else for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 })
        await check.click()
      }
      await page.locator('.quiz-feedback').first().waitFor()
      await page.locator('.quiz-question').first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'sort',
    route: `/course/${COURSE}/page/casework-quiz-page`,
    ready: heading(/Quiz/),
    // The sort question of the same attempt, two of its items already in their groups.
    show: async (page) => {
      const resume = page.getByRole('button', { name: /^(Start|Continue) the quiz$/ })
      if (await resume.isVisible()) await resume.click()
      const prompt = page.locator('.quiz-question__prompt').first()
      // Each question is checked before the next shows: answer the ones before it, as a learner in a
      // hurry would. A later run resumes at the first unanswered question, which may be after it.
      for (let step = 0; step < 24 && !(await prompt.innerText()).startsWith('Residents have posted'); step++) {
        const question = page.locator('.quiz-question').first()
        const check = page.getByRole('button', { name: 'Check answer' })
        if (await check.isVisible()) {
          const choice = question.locator('input[type=radio], input[type=checkbox]').first()
          if ((await choice.count()) > 0) await choice.check()
          else for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 })
          await check.click()
        }
        const next = page.getByRole('button', { name: 'Next question' })
        await (await next.isVisible() ? next : page.getByRole('button', { name: 'Previous question' })).click()
      }
      const first = page.getByRole('button', { name: 'Put “When do the new bin collection days start?” in “Answer in public”' })
      if (await first.isVisible()) {
        await first.click()
        await page.getByRole('button', { name: /^Put “A father gives .*” in “Take it private”$/ }).click()
      }
      await page.locator('.quiz-question').first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
    },
  },
  { name: 'dashboard', route: '/progress', ready: heading(/progress/i) },
  { name: 'notebook', route: '/notebook', ready: heading(/notebook/i) },
  { name: 'search', route: '/search?q=casework', ready: heading(/search/i) },
  { name: 'settings', route: '/settings', ready: heading(/settings/i) },
  { name: 'data', route: '/data', ready: heading(/data/i) },
  { name: 'learners', route: '/learners', ready: heading(/learners/i) },
  { name: 'results', route: '/results', ready: heading(/results/i) },
  { name: 'export', route: `/export/${COURSE}`, ready: heading(/export/i) },
]

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
