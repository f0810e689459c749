import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startFakeLms } from './support/fake-lms'
import { answer, QUESTION_COUNT } from './support/every-block'
import { exportAndUnzip, launch } from './support/scorm-launch'

/**
 * The package in a fake Moodle whose runtime posts each Commit and Terminate to the site as
 * Moodle's does (e2e/support/fake-lms.ts, `moodle: true`): by synchronous XHR while the page
 * lives, by navigator.sendBeacon once it is hidden or closing, so Chromium's own beacon limit
 * applies. What counts is what the site stored.
 */
const ROOT = path.resolve(__dirname, '..')
const FIXTURE = path.join(ROOT, 'e2e/fixtures/courses/every-block')
const CLOSE_LIMIT = 16 * 1024
let work: string

test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-moodle-e2e-'))
})

test.afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/**
 * The tab is switched away from (true) or back (false): both the LMS's page and the course's
 * frame see it, as a browser tells them. Back, each document reads its real state again, which
 * the browser changes itself when the tab closes.
 */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    const frame = document.querySelector('iframe')?.contentDocument
    for (const doc of [document, frame]) {
      if (!doc) continue
      if (value) Object.defineProperty(doc, 'visibilityState', { value: 'hidden', configurable: true })
      else delete (doc as unknown as Record<string, unknown>).visibilityState
      doc.dispatchEvent(new Event('visibilitychange'))
    }
  }, hidden)
}

test('Chromium itself refuses a beacon past 64 KiB, and the runtime then answers false with error 101, as Moodle’s does', async ({ browser }) => {
  const lms = await startFakeLms(await exportAndUnzip(FIXTURE, 'scorm2004', work))
  const page = await browser.newPage()
  try {
    const course = await launch(page, lms, { version: 'scorm2004', moodle: true })
    // Connected to the LMS, whose runtime the test then drives.
    await expect(course.getByTestId('scorm-connection')).toHaveAttribute('data-connection', 'lms')
    await setHidden(page, true)
    const outcome = await page.evaluate(() => {
      const api = (window as unknown as { API_1484_11: Record<string, (...args: string[]) => string> }).API_1484_11
      for (let index = 0; index < 800; index++) api.SetValue?.(`cmi.interactions.${index}.id`, `a_long_question_identifier_for_entry_${index}`)
      return [api.Commit?.(''), api.GetLastError?.()]
    })
    expect(outcome).toEqual(['false', '101'])
    expect(lms.moodle.requests.filter((request) => request.transport === 'beacon')).toEqual([])
  } finally {
    await page.close()
    await lms.stop()
  }
})

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: a learner who answers the quiz, switches tabs and closes the window leaves everything stored on the site, the close under 16 KiB`, async ({ browser }) => {
    const lms = await startFakeLms(await exportAndUnzip(FIXTURE, version, work, ['--interactions', 'all']))
    const page = await browser.newPage()
    const course = await launch(page, lms, { version, moodle: true })
    await course.getByRole('link', { name: 'Start the course' }).click()
    // The launch commit, while the page lives: a normal request.
    await expect.poll(() => lms.moodle.requests.length).toBeGreaterThan(0)
    expect(lms.moodle.requests[0]?.transport).toBe('xhr')
    for (let seen = 1; seen < 6; seen++) await course.getByRole('link', { name: 'Next page' }).first().click()
    const quiz = course.getByRole('region', { name: 'Every question type' })
    await quiz.getByRole('button', { name: 'Start the quiz' }).click()
    for (let number = 1; number <= QUESTION_COUNT; number++) {
      await answer(quiz.locator('.quiz-question'))
      await quiz.getByRole('button', { name: number < QUESTION_COUNT ? 'Next question' : 'Submit answers' }).click()
    }
    await expect(quiz).toContainText('You scored 100%.')
    const journaled = () => [...lms.moodle.stored.keys()].filter((element) => /^cmi\.interactions\.\d+\.result$/.test(element)).length
    await expect.poll(journaled).toBe(QUESTION_COUNT)

    // A tab switch: what changed goes by beacon, and the site takes it.
    await course.getByRole('link', { name: 'Previous page' }).first().click()
    await expect(course.getByRole('heading', { level: 1 })).not.toHaveText('Quiz')
    const before = lms.moodle.requests.length
    await setHidden(page, true)
    await expect.poll(() => lms.moodle.requests.slice(before).filter((request) => request.transport === 'beacon').length).toBeGreaterThan(0)
    await setHidden(page, false)
    const location = version === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location'
    await expect.poll(() => lms.moodle.stored.get(location)).not.toBe('quiz')

    // The learner closes the window. Chromium hides a closing tab before its pagehide, while its
    // documents are still whole: what changed is committed by beacon then. The finish that
    // follows on pagehide may or may not get out of a frame being torn down; nothing depends on it.
    await course.getByRole('link', { name: 'Next page' }).first().click()
    await expect(course.getByRole('heading', { level: 1 })).toHaveText('Quiz')
    const beforeClose = lms.moodle.requests.length
    await setHidden(page, true)
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => lms.moodle.stored.get(location), { timeout: 10_000 }).toBe('quiz')
    const closing = lms.moodle.requests.slice(beforeClose)
    expect(closing.length).toBeGreaterThan(0)
    expect(closing.every((request) => request.transport === 'beacon')).toBe(true)
    expect(closing.reduce((sum, request) => sum + request.bytes, 0)).toBeLessThanOrEqual(CLOSE_LIMIT)
    const stored = lms.moodle.stored
    expect(stored.get(version === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit')).toBe('suspend')
    expect(stored.get(version === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed')
    expect(stored.get('cmi.suspend_data')).toBeTruthy()
    expect(journaled()).toBe(QUESTION_COUNT)
    expect(lms.moodle.requests.every((request) => request.fields <= 1000)).toBe(true)
    await lms.stop()
  })
}
