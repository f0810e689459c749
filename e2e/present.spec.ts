import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { axeFindings } from './support/axe'
import { playerCourses } from './support/player-courses'
import { startWebHost, type RunningHost } from './support/web-host'

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

/** Opens the presenter's screen for the fixture's module from the course page, then the audience window from it. */
async function present(page: Page): Promise<Page> {
  await page.goto(host.url)
  await page.getByRole('link', { name: COURSE }).click()
  await page.getByRole('link', { name: /^Present\b/ }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: 'Text, callouts and images' })).toBeVisible()
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open the audience window' }).click()])
  await expect(audience.getByRole('heading', { level: 1, name: 'Text, callouts and images' })).toBeVisible()
  return audience
}

test('a trainer presents a module: the audience window follows, blacks out and freezes, and never shows the speaker notes', async ({ page }) => {
  const audience = await present(page)
  const notes = page.getByTestId('speaker-notes')
  await expect(notes).toContainText('Ask the room which tip they would give.')
  await expect(page.getByRole('region', { name: 'Text, callouts and images' })).not.toContainText('Ask the room')
  await expect(audience.getByText('Tips are short.')).toBeVisible()
  await expect(audience.getByText('Ask the room')).toHaveCount(0)
  await expect(audience.getByRole('banner')).toHaveCount(0)

  // A clicker's Page Down, the arrows.
  await page.keyboard.press('PageDown')
  await expect(page.getByTestId('presenter-status')).toHaveText('Page 2 of 6')
  await expect(audience.getByRole('heading', { level: 1, name: 'Video' })).toBeVisible()
  await expect(notes).toContainText('No speaker notes for this page.')
  // The video plays on the projector (laid out as a handout otherwise, which shows only the transcript).
  await expect(audience.locator('video')).toHaveCount(1)
  await page.keyboard.press('ArrowLeft')
  await expect(audience.getByRole('heading', { level: 1, name: 'Text, callouts and images' })).toBeVisible()

  // Black out, and back.
  await page.keyboard.press('b')
  await expect(page.getByRole('button', { name: 'Black out the screen' })).toHaveAttribute('aria-pressed', 'true')
  await expect(audience.getByTestId('audience')).toHaveClass(/audience--black/)
  await expect(audience.getByRole('heading', { level: 1 })).toHaveCount(0)
  await page.getByRole('button', { name: 'Black out the screen' }).click()
  await expect(audience.getByRole('heading', { level: 1, name: 'Text, callouts and images' })).toBeVisible()

  // Frozen, the audience keeps its page while the trainer looks ahead.
  await page.keyboard.press('f')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('heading', { level: 2, name: 'Video' })).toBeVisible()
  await expect(page.getByTestId('presenter-status')).toContainText('the audience screen is frozen')
  await expect(audience.getByRole('heading', { level: 1, name: 'Text, callouts and images' })).toBeVisible()
  await page.getByRole('button', { name: 'Freeze the screen' }).click()
  await expect(audience.getByRole('heading', { level: 1, name: 'Video' })).toBeVisible()

  // An audience window opened again catches up with the presenter.
  await audience.reload()
  await expect(audience.getByRole('heading', { level: 1, name: 'Video' })).toBeVisible()

  // A quiz is for each learner to take: nothing on the projector starts an attempt.
  for (let step = 0; step < 4; step++) await page.keyboard.press('PageDown')
  await expect(page.getByTestId('presenter-status')).toHaveText('Page 6 of 6')
  await expect(page.getByText(/This page has a quiz, “.+”: each learner takes it in the course\./)).toBeVisible()
  await expect(audience.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start the quiz' })).toHaveCount(0)
  await expect(audience.getByRole('button', { name: 'Start the quiz' })).toHaveCount(0)

  // Those who attended have seen the pages shown.
  await page.getByRole('button', { name: 'Record who attended…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Who attended?' })
  await dialog.getByRole('button', { name: 'Mark the pages as seen' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Tick at least one learner.')
  await dialog.getByRole('checkbox', { name: 'Learner' }).check()
  await dialog.getByRole('button', { name: 'Mark the pages as seen' }).click()
  await expect(page.getByTestId('attendance-status')).toHaveText('The pages shown (6) are marked as seen for one learner.')
  await page.goBack()
  await expect(page.getByText('you have seen 6 of 6 pages')).toBeVisible()
})

for (const language of ['English', 'Cymraeg'] as const) {
  test(`axe finds no accessibility violations on the presenter’s and the audience’s screens (${language}, light and dark)`, async ({ page }) => {
    await page.goto(host.url)
    await page.getByRole('button', { name: language, exact: true }).first().click()
    await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en-GB' : 'cy')
    const audience = await presentIn(page, language)
    const violations: string[] = []
    for (const [where, screen] of [['presenter', page], ['audience', audience]] as const) violations.push(...(await axeFindings(screen, where)))
    // The attendance dialog, over the presenter's screen.
    await page.getByRole('button', { name: language === 'English' ? 'Record who attended…' : 'Cofnodi pwy oedd yno…' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    violations.push(...(await axeFindings(page, 'attendance dialog')))
    expect(violations).toEqual([])
  })
}

/** As present(), in the language the screens are in. */
async function presentIn(page: Page, language: 'English' | 'Cymraeg'): Promise<Page> {
  if (language === 'English') return present(page)
  await page.getByRole('link', { name: COURSE }).click()
  await page.getByRole('link', { name: /^Cyflwyno\b/ }).first().click()
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Agor ffenestr y gynulleidfa' }).click()])
  await expect(audience.getByRole('heading', { level: 1 })).toBeVisible()
  return audience
}

test('screenshots of the presenter’s and the audience’s screens for the README', async ({ page }) => {
  test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to refresh docs/screenshots.')
  const out = path.resolve(__dirname, '../docs/screenshots')
  await mkdir(out, { recursive: true })
  await page.setViewportSize({ width: 1100, height: 760 })
  const audience = await present(page)
  await audience.setViewportSize({ width: 1100, height: 620 })
  await page.screenshot({ path: path.join(out, 'presenter.png') })
  await audience.screenshot({ path: path.join(out, 'audience.png') })
})

