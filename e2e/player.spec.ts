import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import { axeFindings } from './support/axe'
import { TOKEN_HEADER } from '../src/core/app-meta'
import { playerCourses } from './support/player-courses'
import { startWebHost, type RunningHost } from './support/web-host'
import { tabTo } from './support/keyboard'

let courses: Awaited<ReturnType<typeof playerCourses>>
let host: RunningHost

test.beforeAll(async () => {
  courses = await playerCourses()
})
test.afterAll(async () => {
  await courses.remove()
})
test.beforeEach(async () => {
  host = await startWebHost({ courses: courses.dir })
})
test.afterEach(async () => {
  await host.stop()
})

const COURSE = 'Every block and question type'
const page1 = 'Text, callouts and images'

async function openCourse(page: Page): Promise<void> {
  await page.goto(host.url)
  await page.getByRole('link', { name: COURSE }).click()
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible()
}

async function openPage(page: Page, pageId: string, title: string): Promise<void> {
  await page.goto(host.url)
  await expect(page.getByTestId('course-list')).toBeVisible()
  await page.evaluate((hash) => (location.hash = hash), `#/course/every-block/page/${pageId}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

/** The learner's progress as the web host stored it. */
async function storedProgress(page: Page) {
  const response = await page.request.post(`${host.origin}/api/progress.get`, { headers: { [TOKEN_HEADER]: host.token }, data: { courseId: 'every-block' } })
  return (await response.json()).value
}

const moduleStatus = (page: Page) => page.getByTestId('module-list').getByTestId('module-status')

test('a learner opens the course, reads pages, and resumes at the exact place', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 420 })
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })

  await openCourse(page)
  await expect(moduleStatus(page)).toHaveText('Not started')
  await expect(page.getByText('Last reviewed 30 June 2026').first()).toBeVisible()
  await page.getByRole('link', { name: 'Start the course' }).click()

  const heading = page.getByRole('heading', { level: 1, name: page1 })
  await expect(heading).toBeFocused()
  await expect(page.getByText('Page 1 of 6 in this module')).toBeVisible()
  await expect(page).toHaveTitle(`${page1} – ${COURSE} – Civic Learn`)

  await page.getByRole('link', { name: /Next page/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Video' })).toBeFocused()
  await page.getByRole('navigation', { name: 'Pages in this module' }).getByRole('link', { name: 'Scenario and reflection' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario and reflection' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Scenario and reflection/, exact: false }).and(page.locator('[aria-current="page"]'))).toBeVisible()

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  const scrolled = await page.evaluate(() => window.scrollY)
  expect(scrolled).toBeGreaterThan(200)
  await expect.poll(async () => (await storedProgress(page)).location, { timeout: 10_000 }).toEqual({ pageId: 'scenario-reflection', scroll: 1 })

  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: COURSE }).click()
  await expect(moduleStatus(page)).toHaveText('In progress')
  await expect(page.getByText('You were on: Scenario and reflection (Every block)')).toBeVisible()
  await page.getByTestId('resume').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario and reflection' })).toBeVisible()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 40)

  const stored = await storedProgress(page)
  expect(Object.keys(stored.pages).sort()).toEqual(['scenario-reflection', 'text-callouts-images', 'video'])

  // A module without a quiz is completed once every page has been seen, and the library says so.
  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Your courses' }).click()
  await page.getByRole('link', { name: 'Minimal course' }).click()
  await expect(moduleStatus(page)).toHaveText('Not started')
  await page.getByRole('link', { name: 'Start the course' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'The only page' })).toBeVisible()
  await page.getByRole('link', { name: /End of the course/ }).click()
  await expect(moduleStatus(page)).toHaveText('Completed')
  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Your courses' }).click()
  const cards = page.getByTestId('course-list').getByRole('article')
  await expect(cards.filter({ hasText: 'Minimal course' }).getByTestId('course-progress')).toHaveText('Completed: 100% done')
  await expect(cards.filter({ hasText: COURSE }).getByTestId('course-progress')).toHaveText(/^In progress: \d+% done$/)
  expect(problems).toEqual([])
})

test('the whole journey works by keyboard alone, with shortcuts that do not need a mouse', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.getByTestId('course-list')).toBeVisible()
  await tabTo(page, page.getByRole('link', { name: COURSE }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeFocused()

  await tabTo(page, page.getByRole('link', { name: 'Start the course' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: page1 })).toBeFocused()

  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByRole('heading', { level: 1, name: 'Video' })).toBeFocused()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByRole('heading', { level: 1, name: 'Accordion and tabs' })).toBeFocused()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page.getByRole('heading', { level: 1, name: 'Video' })).toBeFocused()
  await page.keyboard.press('Alt+ArrowRight')

  // Accordion panels open with Enter; tabs move with the arrow keys.
  await tabTo(page, page.getByText('First', { exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('The first panel.')).toBeVisible()
  await tabTo(page, page.getByRole('tab', { name: 'England' }))
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Wales' })).toBeFocused()
  await expect(page.getByRole('tabpanel')).toHaveText('In Wales.')

  // The help dialog lists the shortcuts and closes with Escape, giving focus back.
  const help = page.getByRole('button', { name: 'Keyboard shortcuts' })
  await tabTo(page, help)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Go to the next page')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(help).toBeFocused()

  await tabTo(page, page.getByRole('link', { name: /Next page/ }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario and reflection' })).toBeFocused()

  // A scenario choice by keyboard; focus lands on its consequence.
  await tabTo(page, page.getByRole('button', { name: 'Share it at once.' }))
  await page.keyboard.press('Enter')
  await expect(page.locator('.block-scenario__consequence')).toBeFocused()
  await expect(page.locator('.block-scenario__consequence')).toContainText('A poor choice')

  // Typing in the reflection does not trigger the page shortcuts.
  await tabTo(page, page.getByRole('textbox', { name: 'Your answer' }))
  await page.keyboard.type('The ward group')
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario and reflection' })).toBeVisible()
  await expect(page.getByTestId('reflection-saved')).toHaveText(/^Saved: /)
})

test('a scenario branches and restarts, and a reflection is saved privately and kept', async ({ page }) => {
  await openPage(page, 'scenario-reflection', 'Scenario and reflection')
  await page.getByRole('button', { name: 'Share it at once.' }).click()
  await expect(page.getByText('The bridge was fine; people took long detours.')).toBeVisible()
  await expect(page.getByText('People ask where you heard it.')).toBeVisible()
  await page.getByRole('button', { name: 'Post a correction with the verified source.' }).click()
  await expect(page.getByText('This is the end of the scenario.')).toBeVisible()

  const answer = page.getByRole('textbox', { name: 'Your answer' })
  await expect(answer).toHaveAccessibleDescription(/nobody marks it/)
  await answer.fill('Mostly the ward Facebook group.')
  await expect(page.getByTestId('reflection-saved')).toHaveText(/^Saved: \d\d:\d\d$/)

  await expect.poll(async () => (await storedProgress(page)).reflections['where-residents-talk']?.text, { timeout: 10_000 }).toBe('Mostly the ward Facebook group.')
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Mostly the ward Facebook group.')
  await expect(page.getByText('You chose: Post a correction with the verified source.')).toBeVisible()

  await page.getByRole('button', { name: 'Start the scenario again' }).click()
  await expect(page.getByRole('button', { name: 'Share it at once.' })).toBeVisible()
  await expect(page.getByText('You chose:')).toHaveCount(0)
})

test('the video plays offline with captions on, a transcript that follows it, and chapters', async ({ page }) => {
  await openPage(page, 'video', 'Video')
  const video = page.locator('video')
  await expect(video).toHaveAttribute('controls', '')
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.textTracks[0]?.mode)).toBe('showing')
  const lines = page.getByTestId('transcript-cues').getByRole('button')
  await expect(lines).toHaveText(['0:00 Welcome to the talk.', '0:02 Residents talk online every day.', '0:04 Listen before you post.'])
  const chapters = page.getByRole('navigation', { name: 'Chapters' }).getByRole('button')
  await expect(chapters).toHaveText(['0:00 Introduction', '0:02 Listening'])

  // Headless Chromium plays WebM (VP8): the transcript follows playback.
  await video.evaluate((element: HTMLVideoElement) => {
    element.muted = true
    return element.play()
  })
  await expect(lines.nth(1)).toHaveAttribute('aria-current', 'true', { timeout: 10_000 })
  await video.evaluate((element: HTMLVideoElement) => element.pause())
  await lines.nth(0).focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeLessThan(0.5)
  await expect(lines.nth(0)).toHaveAttribute('aria-current', 'true')
  await chapters.nth(1).click()
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeCloseTo(2, 0)

  const captions = page.getByRole('button', { name: 'Captions' })
  await captions.click()
  await expect(captions).toHaveAttribute('aria-pressed', 'false')
  expect(await video.evaluate((element: HTMLVideoElement) => element.textTracks[0]?.mode)).toBe('hidden')
  await captions.click()
  expect(await video.evaluate((element: HTMLVideoElement) => element.textTracks[0]?.mode)).toBe('showing')

  await expect.poll(async () => (await storedProgress(page)).videos.talk?.ranges.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0)
})

test('the online version loads only after opting in, and never while offline', async ({ page, context }) => {
  const embeds: string[] = []
  await page.route('https://www.youtube-nocookie.com/**', async (route) => {
    embeds.push(route.request().url())
    await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Stand-in player</title><p>Online player</p>' })
  })
  await openPage(page, 'video', 'Video')
  await expect(page.locator('iframe')).toHaveCount(0)
  expect(embeds).toEqual([])
  await page.getByRole('button', { name: 'Watch the online version' }).click()
  await expect(page.locator('iframe')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/abc123')
  await expect.poll(() => embeds).toEqual(['https://www.youtube-nocookie.com/embed/abc123'])

  await context.setOffline(true)
  await expect(page.locator('iframe')).toHaveCount(0)
  await expect(page.getByText('You are offline, so the online version is not available.')).toBeVisible()
  // Coming back to the page while offline: no button to load it at all.
  await page.keyboard.press('Alt+ArrowRight')
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page.getByRole('heading', { level: 1, name: 'Video' })).toBeVisible()
  await expect(page.getByText('You are offline, so the online version is not available.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Watch the online version' })).toHaveCount(0)
  expect(embeds).toHaveLength(1)
  await context.setOffline(false)
})

test('the learner’s nation decides which legal notes and tabs come first', async ({ page }) => {
  await openCourse(page)
  await page.getByRole('radio', { name: 'Wales' }).check()
  await expect(page.getByText('Saved. Legal notes now follow the rules for Wales.')).toBeVisible()
  await page.getByRole('link', { name: 'Start the course' }).click()
  await expect(page.getByRole('heading', { level: 1, name: page1 })).toBeVisible()

  const scottish = page.locator('details.callout--elsewhere')
  await expect(scottish).not.toHaveAttribute('open', '')
  await expect(scottish.locator('summary')).toContainText('this rule is for Scotland. The rule differs where you are (Wales).')
  await expect(page.getByRole('note').filter({ hasText: 'This legal note inherits' })).toContainText('Applies in: England and Wales')
  // The page's speaker notes are the trainer's: a learner never sees them.
  await expect(page.getByText('Tips are short.')).toBeVisible()
  await expect(page.getByText('Ask the room which tip')).toHaveCount(0)

  await page.getByRole('navigation', { name: 'Pages in this module' }).getByRole('link', { name: 'Accordion and tabs' }).click()
  await expect(page.getByRole('tab', { selected: true })).toHaveText('Wales · your nation')

  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('radio', { name: 'Outside the UK' }).check()
  await expect(page.getByText('The legal detail in these courses is for the UK.')).toBeVisible()
  await page.goBack()
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: page1 })).toBeVisible()
  await expect(page.locator('details.callout--elsewhere')).toHaveCount(0)
  await expect(page.getByText('This is UK law.').first()).toBeVisible()
})

test('switching language keeps the learner’s place and shows the course in Welsh', async ({ page }) => {
  await openPage(page, 'accordion-tabs', 'Accordion and tabs')
  const before = page.url()
  await page.getByRole('button', { name: 'Cymraeg' }).click()
  await expect(page.locator('article h1')).toHaveText('Accordion and tabs')
  await expect(page.getByText('[cy] The first panel.')).toBeAttached()
  await expect(page.getByText('Tudalen 3 o 6 yn y modiwl hwn')).toBeVisible()
  expect(page.url()).toBe(before)
  await page.getByRole('link', { name: /Tudalen flaenorol/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: '[cy] Video' })).toBeVisible()
  await expect(page.locator('article')).toHaveAttribute('lang', 'cy')
  // Dates and lists come from the catalogues: the browser's own Welsh data may be missing.
  await page.getByRole('navigation', { name: 'Rydych chi yma' }).getByRole('link', { name: '[cy] Every block and question type' }).click()
  await expect(page.getByTestId('module-list')).toContainText('Adolygwyd ddiwethaf: 30 Mehefin 2026')
  await expect(page.getByTestId('module-list')).toContainText('Yn berthnasol i: Lloegr, Cymru')
})

test('flashcards are turned over and dealt, a process shown step by step, and a picture’s points opened, by keyboard alone', async ({ page }) => {
  await openPage(page, 'accordion-tabs', 'Accordion and tabs')
  const deck = page.getByRole('region', { name: 'Words to know' })
  const turn = deck.getByRole('button', { name: 'Turn the card over' })
  await turn.focus()
  await expect(deck.getByText('still open')).toBeHidden()
  await page.keyboard.press('Enter')
  await expect(deck.getByText('still open')).toBeVisible()
  await expect(deck.getByRole('button', { name: 'Turn it back' })).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(deck.getByRole('button', { name: 'Next card' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(deck.getByTestId('flashcard')).toContainText('Card 2 of 2')
  await expect(deck.locator('.flashcard__front')).toHaveText('Predetermination')
  await expect(deck.getByRole('status')).toHaveText('Card 2 of 2: Predetermination')
  await expect(deck.getByText('A closed mind')).toBeHidden()

  // The process below it: one step, then the next, focus taken to it.
  const process = page.getByRole('region', { name: 'When a post goes wrong' })
  await expect(process.getByRole('listitem')).toHaveCount(1)
  await process.getByRole('button', { name: 'Show the next step' }).focus()
  await page.keyboard.press('Enter')
  await expect(process.getByRole('heading', { name: 'Step 2 of 2: Correct' })).toBeFocused()
  await expect(process.getByRole('button')).toHaveCount(0)

  // The picture with points: the list by keyboard, the numbers on the picture by pointer.
  const picture = page.getByRole('region', { name: "A councillor's page" })
  await picture.getByRole('button', { name: 'Profile picture' }).focus()
  await page.keyboard.press('Enter')
  const point = picture.getByRole('region', { name: 'Point 1: Profile picture' })
  await expect(point).toBeFocused()
  await expect(point).toContainText('so residents know it is you')
  const image = await picture.getByRole('img').boundingBox()
  const marker = await picture.locator('.block-hotspots__marker').nth(1).boundingBox()
  if (!image || !marker) throw new Error('the picture and its numbers are laid out')
  // The second number sits 70% across and 60% down the picture.
  expect(Math.abs(marker.x + marker.width / 2 - (image.x + image.width * 0.7))).toBeLessThan(2)
  expect(Math.abs(marker.y + marker.height / 2 - (image.y + image.height * 0.6))).toBeLessThan(2)
  await picture.locator('.block-hotspots__marker').nth(1).click()
  await expect(picture.getByRole('region', { name: 'Point 2: Bio' })).toContainText('when you reply')
  await expect(picture.getByRole('button', { name: 'Bio' })).toHaveAttribute('aria-expanded', 'true')
})

test('a page can be bookmarked, and the bookmark is listed on the course page', async ({ page }) => {
  await openPage(page, 'key-points-links', 'Key points and links')
  const bookmark = page.getByRole('button', { name: 'Bookmark this page' })
  await bookmark.click()
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: COURSE }).click()
  const list = page.getByRole('region', { name: 'Your bookmarks' })
  await list.getByRole('link', { name: 'Key points and links' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Key points and links' })).toBeVisible()
})

test('a module prints as a compact handout with everything laid out, the learner’s reflection included', async ({ page }) => {
  await page.addInitScript(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => {
      ;(window as unknown as { printed: number }).printed += 1
    }
  })
  await openPage(page, 'scenario-reflection', 'Scenario and reflection')
  await page.locator('textarea').fill('Ask the clerk before sharing anything about the bridge.')
  await page.locator('textarea').blur()
  await expect(page.getByTestId('reflection-saved')).not.toBeEmpty()
  await page.getByRole('link', { name: 'Print handout' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Every block' })).toBeVisible()
  // A page that is only a quiz is left out, and the quiz said once at the end.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['By the end, you will be able to:', page1, 'Video', 'Accordion and tabs', 'Scenario and reflection', 'Key points and links'])
  await expect(page.getByText('Residents thank you for putting it right.')).toBeVisible()
  await expect(page.getByText('In Wales.')).toBeVisible()
  await expect(page.getByText('This module has a quiz: take it in Civic Learn.')).toBeVisible()
  await expect(page.locator('.block-reflection__written')).toHaveText('Ask the clerk before sharing anything about the bridge.')
  await page.getByRole('button', { name: 'Print' }).click()
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(page.getByRole('banner')).toBeHidden()
  // On A4 the module's pages run on: fewer sheets than it has pages, not a sheet for each.
  const pdf = await PDFDocument.load(await page.pdf({ format: 'A4' }))
  expect(pdf.getPageCount()).toBeLessThan(6)
})

/** Every screen of the learner experience, each ready to scan. */
const SCREENS: { name: string; hash: string; ready: (page: Page) => Locator }[] = [
  { name: 'library', hash: '#/', ready: (page) => page.getByTestId('course-list') },
  { name: 'course', hash: '#/course/every-block', ready: (page) => page.getByTestId('module-list') },
  ...['text-callouts-images', 'video', 'accordion-tabs', 'scenario-reflection', 'key-points-links'].map((id) => ({
    name: `player ${id}`,
    hash: `#/course/every-block/page/${id}`,
    ready: (page: Page) => page.locator('article h1'),
  })),
  { name: 'search', hash: '#/search?q=bridge', ready: (page) => page.getByTestId('search-results') },
  { name: 'settings', hash: '#/settings', ready: (page) => page.getByRole('radio').first() },
  { name: 'handout', hash: '#/course/every-block/module/blocks/handout', ready: (page) => page.locator('.handout') },
]

for (const language of ['English', 'Cymraeg'] as const) {
  test(`axe finds no accessibility violations on any learner screen (${language}, light and dark)`, async ({ page }) => {
    // A walk over many screens, each scanned in both themes: on a loaded machine it takes longer than one
    // page's test, and only getting to the screens is slow.
    test.setTimeout(240_000)
    await page.goto(host.url)
    await page.getByRole('button', { name: language }).first().click()
    await expect(page.getByTestId('course-list')).toBeVisible()
    const found: string[] = []
    for (const screen of SCREENS) {
      await page.evaluate((hash) => (location.hash = hash), screen.hash)
      await expect(screen.ready(page)).toBeVisible()
      if (screen.name === 'player scenario-reflection') {
        // Scan the consequence and the saved state too, not just the first step.
        await page.locator('.block-scenario__choices button').first().click()
        await page.locator('textarea').fill('A note')
        await expect(page.getByTestId('reflection-saved')).not.toBeEmpty()
      }
      // A flashcard turned over and every step of the process shown: scanned too.
      if (screen.name === 'player accordion-tabs') {
        await page.locator('.flashcard__turn').click()
        await page.locator('.block-process__actions .button--secondary').click()
      }
      // Both themes on each screen: getting to it is the slow part, not the scan.
      found.push(...(await axeFindings(page, screen.name)))
    }
    expect(found).toEqual([])
  })
}

test('text can grow to 200% without content being cut off or needing sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(host.url)
  await expect(page.getByTestId('course-list')).toBeVisible()
  // The CSP refuses inline style sheets; the style property is what browser zoom settings change too.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  for (const hash of ['#/course/every-block', '#/course/every-block/page/video', '#/course/every-block/page/accordion-tabs', '#/search?q=talk']) {
    await page.evaluate((target) => (location.hash = target), hash)
    await expect(page.locator('main h1')).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, hash).toBeLessThanOrEqual(0)
  }
})

test('screenshots of the main screens for the README', async ({ page }) => {
  test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to refresh docs/screenshots.')
  const out = path.resolve(__dirname, '../docs/screenshots')
  await mkdir(out, { recursive: true })
  await page.setViewportSize({ width: 1100, height: 760 })
  await page.goto(host.url)
  await expect(page.getByTestId('course-list')).toBeVisible()
  await page.screenshot({ path: path.join(out, 'library.png') })
  await page.getByRole('link', { name: COURSE }).click()
  await page.getByRole('radio', { name: 'Wales' }).check()
  await page.getByRole('link', { name: 'Start the course' }).click()
  await page.getByRole('link', { name: /Next page/ }).click()
  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: COURSE }).click()
  await expect(page.getByTestId('module-list')).toBeVisible()
  await page.screenshot({ path: path.join(out, 'course.png') })
  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Your courses' }).click()
  await page.evaluate(() => (location.hash = '#/course/every-block/page/scenario-reflection'))
  await page.getByRole('button', { name: 'Share it at once.' }).click()
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(out, 'player.png') })
  await page.getByRole('searchbox', { name: 'Search all courses' }).fill('bridge')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('search-results')).toBeVisible()
  await page.screenshot({ path: path.join(out, 'search.png') })
})
