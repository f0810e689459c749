import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { axeFindings } from './support/axe'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startWebHost, type RunningHost } from './support/web-host'

const FIXTURES = path.resolve(__dirname, 'fixtures')
let host: RunningHost
let courses: string

test.beforeEach(async () => {
  // As council IT deploys it: the overlay and its logo beside the courses.
  courses = await mkdtemp(path.join(os.tmpdir(), 'civic-e2e-branding-'))
  await cp(path.join(FIXTURES, 'courses/minimal'), path.join(courses, 'minimal'), { recursive: true })
  await cp(path.join(FIXTURES, 'branding/anytown.yaml'), path.join(courses, 'branding.yaml'))
  await cp(path.join(FIXTURES, 'branding/logo.png'), path.join(courses, 'logo.png'))
  host = await startWebHost({ courses })
})

test.afterEach(async () => {
  await host.stop()
  await rm(courses, { recursive: true, force: true })
})

test('the app carries the council branding deployed beside the courses, and passes an axe scan in light mode', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(host.url)

  const band = page.getByRole('banner').getByTestId('brand-band')
  await expect(band).toHaveText('Provided by Anytown Borough Council')
  await expect(band.getByRole('img', { name: 'The Anytown Borough Council crest' })).toBeVisible()
  expect(await band.getByRole('img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
  await expect(page.getByTestId('brand-welcome')).toContainText('Welcome to your induction, councillor.')
  await expect(page.getByTestId('brand-welcome')).toContainText('Work through the course at your own pace.')
  await expect(page.getByRole('contentinfo')).toContainText('Help: Member services, 01234 567890')
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#6a1b4d')
  await expect(band).toHaveCSS('background-color', 'rgb(106, 27, 77)')
  // The council's colours are checked for contrast with each other, not with the dark theme's: a
  // learner who asks for the dark theme gets its own background and text, and the council's
  // accent lightened until it reads on them (maroon #6a1b4d mixed with white), not the app's blue.
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#b58da6')
  expect(await axeFindings(page, 'branded library')).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')

  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()).violations
  expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])

  // The course opens with the overlay's policy page as its last module.
  await page.getByTestId('course-list').getByRole('link').first().click()
  await expect(page.getByText("Anytown's social media protocol").first()).toBeVisible()
  expect(problems).toEqual([])
})
