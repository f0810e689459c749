import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { axeFindings } from './support/axe'
import { startWebHost, type RunningHost } from './support/web-host'

let host: RunningHost

test.beforeEach(async () => {
  host = await startWebHost()
})

test.afterEach(async () => {
  await host.stop()
})

test('the home screen lists the courses found on disk, with no console errors', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))

  await page.goto(host.url)

  await expect(page.getByRole('heading', { level: 1, name: 'Your courses' })).toBeVisible()
  // The course for councillors first; the example for course authors after it, apart.
  await expect(page.getByTestId('course-list').getByRole('heading', { level: 2 })).toHaveText([/social media/i])
  await expect(page.getByTestId('example-list').getByRole('heading', { level: 2, name: 'First steps with Civic Learn' })).toBeVisible()
  await expect(page.getByRole('contentinfo')).toContainText('Civic Learn · Version')
  await expect(page.getByRole('contentinfo')).toContainText('In your browser')
  // The token has been taken out of the address bar.
  expect(page.url()).not.toContain('token=')
  expect(problems).toEqual([])
})

test('switching to Cymraeg translates the interface and is remembered', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Your courses' })).toBeVisible()

  await page.getByRole('button', { name: 'Cymraeg' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Eich cyrsiau' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('button', { name: 'Cymraeg' })).toHaveAttribute('aria-pressed', 'true')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Eich cyrsiau' })).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your courses' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
})

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#main')).toBeFocused()
  expect(new URL(page.url()).hash).toBe('#/')
})

test('Settings change the theme and the text size at once, keep them after a reload, and pass axe', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(`${host.url}#/settings`)
  const root = page.locator('html')
  await expect(root).toHaveAttribute('data-theme', 'light')
  const colours = page.getByRole('group', { name: 'Colours' })
  await colours.getByRole('radio', { name: 'Dark' }).check()
  await expect(root).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: 'Larger' }).check()
  await expect(root).toHaveCSS('font-size', '24px')
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  expect(await axeFindings(page, 'settings, dark theme chosen, larger text')).toEqual([])

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(root).toHaveAttribute('data-theme', 'dark')
  await expect(root).toHaveCSS('font-size', '24px')
  // "The same as your computer" follows the system again.
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(root).toHaveAttribute('data-theme', 'dark')
  await colours.getByRole('radio', { name: 'The same as your computer' }).check()
  await expect(root).toHaveAttribute('data-theme', 'light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(root).toHaveAttribute('data-theme', 'dark')
})

for (const language of ['English', 'Cymraeg'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no accessibility violations on the home screen (${language}, ${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(host.url)
      await page.getByRole('button', { name: language }).click()
      await expect(page.getByTestId('course-list')).toBeVisible()
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
    })
  }
}

test('the header is one line above the content at 1280 px, at 320 px and at 200% zoom; on a narrow screen its links are behind the Menu button, by keyboard', async ({ page }) => {
  await page.goto(host.url)
  const header = page.getByRole('banner')
  await expect(page.getByRole('heading', { level: 1, name: 'Your courses' })).toBeVisible()
  expect((await header.boundingBox())?.height).toBeLessThan(70)
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden()
  await expect(header.getByRole('link', { name: 'My progress' })).toBeVisible()

  // 320 px, and 200% zoom of a 1280 px window (640 CSS pixels).
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 700 })
    expect((await header.boundingBox())?.height, `${width} px`).toBeLessThan(70)
    const menu = page.getByRole('button', { name: 'Menu' })
    await expect(header.getByRole('link', { name: 'My progress' })).toBeHidden()
    await menu.focus()
    await page.keyboard.press('Enter')
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(header.getByRole('link', { name: 'My progress' })).toBeVisible()
    await expect(header.getByRole('searchbox', { name: 'Search all courses' })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width)
    expect(await axeFindings(page, `${width} px, menu open`)).toEqual([])
    // Escape closes it and gives focus back to the button; following a link closes it too.
    await page.keyboard.press('Escape')
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(menu).toBeFocused()
    await menu.click()
    await header.getByRole('link', { name: 'Notebook' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Notebook' })).toBeVisible()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await page.goBack()
  }
})

test('the web host refuses API calls without its token', async ({ request }) => {
  const response = await request.post(`${host.origin}/api/course.list`, { data: {} })
  expect(response.status()).toBe(401)
  const body = await response.json()
  expect(body.ok).toBe(false)
  expect(body.error.code).toBe('UNAUTHORIZED')
})

test('a second web host on the same data folder is refused with a clear message and writes nothing', async () => {
  const error = await startWebHost({ dataDir: host.dataDir }).catch((caught: unknown) => caught)
  expect(String(error)).toContain('already using the data in')
  expect(String(error)).toContain('different data folder')
  expect(String(error)).not.toMatch(/\n\s+at /)
})
