import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test'
import type { CourseProgress } from '../src/core/progress/schema'
import { startFakeLms } from './support/fake-lms'
import { closeCourse, exportAndUnzip, launch, lmsState, storedFor } from './support/scorm-launch'
import { startWebHost } from './support/web-host'
import { readQuestion } from './support/every-block'

/**
 * A final-style quiz (one question from each of two banks, feedback held to the end, two
 * attempts) behaves the same in the app and in both SCORM versions: no feedback before the
 * attempt is submitted, every bank in every attempt, and no third attempt, even after a relaunch.
 */
const ROOT = path.resolve(__dirname, '..')
const FIXTURE = path.join(ROOT, 'e2e/fixtures/courses/held-feedback')

let work: string

test.beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-held-feedback-'))
})

test.afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Takes one attempt, answering every question wrongly; returns the prompts it showed. */
async function failAnAttempt(quiz: Locator): Promise<string[]> {
  const prompts: string[] = []
  for (let number = 1; number <= 2; number++) {
    await expect(quiz.getByRole('heading', { name: `Question ${number} of 2` })).toBeVisible()
    const prompt = (await quiz.locator('.quiz-question__prompt').innerText()).trim()
    prompts.push(prompt)
    await quiz.getByRole('radio', { name: prompt.endsWith('is true.') ? 'False' : 'True', exact: true }).check()
    // Held feedback: nothing to check an answer with, and no verdict before the attempt is submitted.
    await expect(quiz.getByRole('button', { name: 'Check answer' })).toHaveCount(0)
    await expect(quiz.getByText('Not this time.')).toHaveCount(0)
    await expect(quiz.getByText('Incorrect', { exact: true })).toHaveCount(0)
    await readQuestion(quiz.page())
    await quiz.getByRole('button', { name: number < 2 ? 'Next question' : 'Submit answers' }).click()
  }
  return prompts
}

/** Both attempts, failed: feedback after each, one question from each bank each time, then no more. */
async function useBothAttempts(root: Page | FrameLocator): Promise<Locator> {
  const quiz = root.getByRole('region', { name: 'Final check' })
  await expect(quiz).toContainText('Attempts used: 0 of 2')
  await expect(quiz).toContainText('You will see feedback on your answers when you submit them.')
  await quiz.getByRole('button', { name: 'Start the quiz' }).click()
  for (const attempt of [1, 2]) {
    const prompts = await failAnAttempt(quiz)
    expect(prompts.map((prompt) => prompt.slice(0, 6)).sort()).toEqual(['Bank A', 'Bank B'])
    await expect(quiz).toContainText('You scored 0%.')
    await quiz.getByRole('button', { name: 'Review your answers' }).click()
    await expect(quiz.getByText('Not this time.')).toHaveCount(2)
    if (attempt === 1) {
      await expect(quiz).toContainText('You have one attempt left.')
      await quiz.getByRole('button', { name: 'Try again' }).click()
    }
  }
  await expect(quiz).toContainText('You have no attempts left.')
  await expect(quiz.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  return quiz
}

/** After a reload or relaunch: the attempts stay used up. */
async function expectNoAttemptLeft(root: Page | FrameLocator): Promise<void> {
  const quiz = root.getByRole('region', { name: 'Final check' })
  await expect(quiz).toContainText(/You have no attempts left\.|Attempts used: 2 of 2/)
  await expect(quiz.getByRole('button', { name: /Start the quiz|Try again|Continue the quiz/ })).toHaveCount(0)
}

test('in the app: feedback is held to the end, every bank is drawn, and the attempt limit holds after a restart', async ({ page }) => {
  const courses = path.join(work, 'courses')
  const dataDir = path.join(work, 'data')
  await cp(FIXTURE, path.join(courses, 'held-feedback'), { recursive: true })
  let host = await startWebHost({ courses, dataDir })
  try {
    await page.goto(`${host.url}#/course/held-feedback/page/assessment-page`)
    await useBothAttempts(page)
    // Events reach the learner's store in small batches: wait until both attempts are in it.
    const running = host
    const attempts = async () => {
      const response = await page.request.post(`${running.origin}/api/progress.get`, { data: { courseId: 'held-feedback' }, headers: { 'x-civic-token': running.token } })
      return ((await response.json()) as { value: CourseProgress }).value.quizzes['held-quiz']?.attempts.length
    }
    await expect.poll(attempts).toBe(2)
    await host.stop()
    host = await startWebHost({ courses, dataDir })
    await page.goto(`${host.url}#/course/held-feedback/page/assessment-page`)
    await expectNoAttemptLeft(page)
  } finally {
    await host.stop()
  }
})

for (const version of ['scorm12', 'scorm2004'] as const) {
  for (const reporting of ['passed-incomplete', 'passed-failed'] as const) {
    test(`${version}, ${reporting}: feedback is held to the end, every bank is drawn, the deciding attempt is journaled, and the attempt limit holds after a relaunch`, async ({ browser }) => {
      const lms = await startFakeLms(await exportAndUnzip(FIXTURE, version, work, ['--reporting', reporting]))
      const page = await browser.newPage()
      try {
        let course = await launch(page, lms, { version })
        await course.getByRole('link', { name: 'Start the course' }).click()
        await useBothAttempts(course)
        // Both attempts failed: the second, the last the quiz allows, is the one the LMS's journal keeps.
        const journaled = async () => (await lmsState(page)).log.sets.filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element)).map(([, value]) => value)
        await expect.poll(async () => (await journaled()).length, { timeout: 10_000 }).toBeGreaterThan(0)
        expect((await journaled()).every((id) => id.endsWith('.a2'))).toBe(true)
        const held = await lmsState(page)
        const sets = new Map(held.log.sets)
        const verdict = version === 'scorm12' ? (held.cmi.core as { lesson_status: string }).lesson_status : held.cmi.success_status
        // Reported as failed, a 1.2 attempt in Moodle is over; reported as incomplete, it stays open.
        expect(verdict).toBe(reporting === 'passed-failed' ? 'failed' : version === 'scorm12' ? 'incomplete' : 'unknown')
        if (reporting === 'passed-incomplete') expect(sets.get(version === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBeUndefined()

        const state = await closeCourse(page)
        expect(state.log.violations).toEqual([])
        course = await launch(page, lms, { version, stored: storedFor(version, state.cmi) })
        await expectNoAttemptLeft(course)
      } finally {
        await page.close()
        await lms.stop()
      }
    })
  }
}
