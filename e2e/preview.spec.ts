import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { answer, expectAnswered, QUESTION_COUNT } from './support/every-block'
import { startWebHost, type RunningHost } from './support/web-host'

const ROOT = path.resolve(__dirname, '..')
const COURSE = 'every-block'
const PAGES = 6

let host: RunningHost
let courses: string

test.beforeAll(async () => {
  courses = await mkdtemp(path.join(os.tmpdir(), 'civic-preview-courses-'))
  await cp(path.join(ROOT, 'e2e/fixtures/courses', COURSE), path.join(courses, COURSE), { recursive: true })
})

test.afterAll(async () => {
  await rm(courses, { recursive: true, force: true })
})

test.beforeEach(async () => {
  host = await startWebHost({ courses })
})

test.afterEach(async () => {
  await host.stop()
})

/** Exports from the app's export page and opens "Test this package", which comes up in a window of its own. */
async function exportAndTest(page: Page, format: 'SCORM 1.2 (recommended)' | 'SCORM 2004 4th Edition'): Promise<Page> {
  await page.goto(`${host.url}#/export/${COURSE}`)
  await page.getByRole('radio', { name: format }).check()
  // The fixture's quiz gives feedback as each answer is checked: only "Every quiz" journals it.
  await page.getByRole('radio', { name: 'Every quiz' }).check()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export package' }).click()
  await downloading
  const opening = page.context().waitForEvent('page')
  await page.getByRole('link', { name: 'Test this package (opens a new window)' }).click()
  const preview = await opening
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Test this package')
  return preview
}

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()).violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  )

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: "Test this package" runs the exported package in a strict LMS, shows what it reports, and relaunches it to resume`, async ({ page }) => {
    const preview = await exportAndTest(page, version === 'scorm12' ? 'SCORM 1.2 (recommended)' : 'SCORM 2004 4th Edition')
    const errors: string[] = []
    preview.on('pageerror', (error) => errors.push(error.message))
    await expect(preview.getByTestId('preview-version')).toHaveText(version === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004 4th Edition')
    await expect(preview.getByTestId('preview-pass-mark')).toHaveText('50%, judged by the LMS')
    const report = preview.getByTestId('preview-report')
    const course = preview.frameLocator('iframe.preview__frame')

    // The package found the preview's LMS, started once and said it is incomplete.
    await expect(course.getByTestId('scorm-connection')).toHaveAttribute('data-connection', 'lms')
    await expect(report.getByTestId('reported-session')).toContainText('open')
    await expect(report.getByTestId('reported-status')).toContainText('incomplete')

    await course.getByRole('link', { name: 'Start the course' }).click()
    for (let seen = 1; seen < PAGES; seen++) await course.getByRole('link', { name: 'Next page' }).first().click()
    const quiz = course.getByRole('region', { name: 'Every question type' })
    await quiz.getByRole('button', { name: 'Start the quiz' }).click()
    for (let number = 1; number <= QUESTION_COUNT; number++) {
      await expect(quiz.getByRole('heading', { name: `Question ${number} of ${QUESTION_COUNT}` })).toBeVisible()
      await answer(quiz.locator('.quiz-question'))
      await quiz.getByRole('button', { name: number < QUESTION_COUNT ? 'Next question' : 'Submit answers' }).click()
    }
    await expect(quiz).toContainText('You scored 100%.')

    // What the course reported, as the LMS holds it.
    await expect(report.getByTestId('preview-interactions').locator('tbody tr')).toHaveCount(QUESTION_COUNT)
    await expect(report.getByTestId('preview-interactions')).toContainText('every_type_quiz.q_single.a1')
    if (version === 'scorm12') {
      await expect(report.getByTestId('reported-status')).toContainText('passed')
    } else {
      await expect(report.getByTestId('reported-status')).toContainText('completed')
      await expect(report.getByTestId('reported-success')).toContainText('passed')
    }
    await expect(report.getByTestId('reported-score')).toContainText('100 out of 100')
    await expect(report.getByTestId('reported-location')).toContainText('quiz')
    await expect(report.getByTestId('reported-suspend')).toContainText(version === 'scorm12' ? 'of 4096 characters' : 'of 64000 characters')
    await expect(report.getByTestId('preview-no-problems')).toBeVisible()
    expect(await axeViolations(preview)).toEqual([])

    // A second attempt left half done, then the learner closes the course: it finishes once and comes back where it was.
    await quiz.getByRole('button', { name: 'Try again' }).click()
    await answer(quiz.locator('.quiz-question'))
    const firstPrompt = (await quiz.locator('.quiz-question__prompt').innerText()).trim()
    await preview.getByRole('button', { name: 'Close and relaunch' }).click()
    await expect(preview.getByTestId('preview-announcement')).toHaveText('Launch 2: the course was opened again with the data the LMS kept.')
    await expect(course.getByRole('heading', { level: 1 })).toHaveText('Quiz')
    const resumed = course.getByRole('region', { name: 'Every question type' })
    await expect(resumed).toContainText('You have an unfinished attempt: you have answered 1 of 7 questions.')
    await resumed.getByRole('button', { name: 'Continue the quiz' }).click()
    const prompt = resumed.locator('.quiz-question__prompt')
    for (let step = 0; step < 6 && (await prompt.innerText()).trim() !== firstPrompt; step++) {
      await resumed.getByRole('button', { name: 'Previous question' }).click()
    }
    await expectAnswered(resumed.locator('.quiz-question'), firstPrompt)
    await expect(report.getByTestId('preview-no-problems')).toBeVisible()

    // A new learner starts from nothing.
    await preview.getByRole('button', { name: 'Start again as a new learner' }).click()
    await expect(preview.getByTestId('preview-announcement')).toHaveText('Launch 3: the course was opened for a new learner.')
    await expect(course.getByRole('link', { name: 'Start the course' })).toBeVisible()
    await expect(report.getByTestId('reported-score')).toContainText('not reported')
    expect(errors).toEqual([])
  })
}

test('the preview window is in Welsh when the app is, passes axe in the dark theme, and says when a package has gone', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(`${host.url}#/export/${COURSE}`)
  await page.getByRole('button', { name: 'Cymraeg' }).click()
  const downloading = page.waitForEvent('download')
  await page.locator('.export-page__form button[type="submit"]').click()
  await downloading
  const opening = page.context().waitForEvent('page')
  await page.getByTestId('test-package').click()
  const preview = await opening
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText("Profi'r pecyn hwn")
  await expect(preview.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(preview.getByTestId('reported-status')).toContainText('incomplete')
  expect(await axeViolations(preview)).toEqual([])

  // The app keeps packages for this run only: an unknown id is explained, not a blank window.
  await preview.goto(`${host.origin}/preview.html?package=00000000-0000-4000-8000-000000000000&lang=en`)
  await expect(preview.getByRole('alert')).toHaveText('This package is no longer available to test. Export it again from Civic Learn, then choose Test this package.')
  expect(await axeViolations(preview)).toEqual([])
})

test('packages under test are served to the app’s own pages only', async ({ request, page }) => {
  await page.goto(`${host.url}#/export/${COURSE}`)
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export package' }).click()
  await downloading
  const href = await page.getByTestId('test-package').getAttribute('href')
  const id = new URLSearchParams(href?.split('?')[1]).get('package')
  const manifest = await request.get(`${host.origin}/preview/${id}/imsmanifest.xml`)
  expect(manifest.status()).toBe(200)
  expect(manifest.headers()['x-frame-options']).toBe('SAMEORIGIN')
  expect(manifest.headers()['content-security-policy']).toContain("frame-ancestors 'self'")
  const previewPage = await request.get(`${host.origin}/preview.html`)
  expect(previewPage.headers()['content-security-policy']).toContain("frame-src 'self'")
  expect(previewPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  const app = await request.get(`${host.origin}/`)
  expect(app.headers()['content-security-policy']).not.toContain("frame-src 'self'")
  // Dot segments never reach the server from a URL parser; web-host.test.ts sends them raw.
  for (const sneaky of [`/preview/${id}/..%2fcourse.json`, `/preview/${id}/`, `/preview/not-an-id/imsmanifest.xml`]) {
    expect((await request.get(`${host.origin}${sneaky}`)).status(), sneaky).toBe(404)
  }
})
