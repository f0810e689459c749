import { cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { pdfText } from '../test/support/pdf-text'
import { axeFindings } from './support/axe'
import { startWebHost, type RunningHost } from './support/web-host'

const FIXTURES = path.resolve(__dirname, 'fixtures/courses')
const SCREENSHOTS = path.resolve(__dirname, '../docs/screenshots')

let folder: string
let courses: string
let dataDir: string
let host: RunningHost | null = null

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'civic-learner-e2e-'))
  courses = path.join(folder, 'courses')
  dataDir = path.join(folder, 'data')
  for (const course of ['every-block', 'minimal']) await cp(path.join(FIXTURES, course), path.join(courses, course), { recursive: true })
  host = await startWebHost({ courses, dataDir })
})

test.afterEach(async () => {
  await host?.stop()
  host = null
  await rm(folder, { recursive: true, force: true })
})

function running(): RunningHost {
  if (!host) throw new Error('The web host is not running.')
  return host
}

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${running().url}#${hash}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

/** Seeing the minimal course's only page completes it. */
async function completeMinimal(page: Page): Promise<void> {
  await open(page, '/course/minimal/page/only-page')
  await expect(page.getByRole('heading', { level: 1, name: 'The only page' })).toBeVisible()
  await open(page, '/course/minimal')
  await expect(page.getByRole('button', { name: 'Download certificate for Minimal course' })).toBeVisible()
}

async function minimalRow(page: Page) {
  await open(page, '/progress')
  return page.getByTestId('dashboard-row-minimal')
}

test('a second learner is created and switched to; each learner’s progress and language are kept apart', async ({ page }) => {
  await open(page, '/')
  await expect(page.getByTestId('header-learner')).toHaveText('Learner: Learner')
  await page.getByRole('navigation', { name: 'My learning' }).getByRole('link', { name: 'Learner: Learner' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Learners on this device' })).toBeFocused()
  await page.getByRole('textbox', { name: 'Name' }).fill('Cllr Rhys Jones')
  await page.getByRole('button', { name: 'Add learner' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Cllr Rhys Jones was added.' })).toBeVisible()
  await page.getByRole('button', { name: 'Switch to Cllr Rhys Jones' }).click()
  await expect(page.getByTestId('header-learner')).toHaveText('Learner: Cllr Rhys Jones')

  await completeMinimal(page)
  await expect((await minimalRow(page)).getByRole('cell').first()).toHaveText('100%')
  // Rhys reads in Welsh; the language is his, not the laptop's.
  await page.getByRole('button', { name: 'Cymraeg', exact: true }).first().click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')

  await open(page, '/learners')
  await page.getByRole('button', { name: 'Newid i Learner' }).click()
  await expect(page.getByTestId('header-learner')).toHaveText('Dysgwr: Learner')
  // The first learner never chose: the laptop's last choice, until they choose English.
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await page.getByRole('button', { name: 'English', exact: true }).first().click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB')
  const row = await minimalRow(page)
  await expect(row.getByRole('cell').first()).toHaveText('0%')
  await expect(row).toContainText('Not started')

  await open(page, '/learners')
  await page.getByRole('button', { name: 'Switch to Cllr Rhys Jones' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
})

test('quiz answers are kept across a restart of the host and the learner resumes on the same page', async ({ page, request }) => {
  await open(page, '/course/every-block/page/quiz')
  const quiz = page.getByRole('region', { name: 'Every question type' })
  await quiz.getByRole('button', { name: 'Start the quiz' }).click()
  // Questions come in a shuffled order; skip to the first with choices to click.
  const question = quiz.locator('.quiz-question')
  for (let skipped = 0; (await question.getByRole('radio').count()) === 0 && skipped < 5; skipped++) {
    await quiz.getByRole('button', { name: 'Next question' }).click()
  }
  const prompt = (await question.locator('.quiz-question__prompt').innerText()).trim()
  const choice = question.getByRole('radio').last()
  const chosen = (await choice.evaluate((input) => input.closest('label')?.textContent ?? '')).trim()
  await choice.check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  await quiz.getByRole('button', { name: 'Next question' }).click()
  await expect
    .poll(async () => {
      const response = await request.post(`${running().origin}/api/progress.get`, {
        data: { courseId: 'every-block' },
        headers: { 'x-civic-token': running().token },
      })
      const body = (await response.json()) as { value: { quizzes: Record<string, { current?: { checked?: string[] } }> } }
      return body.value.quizzes['every-type-quiz']?.current?.checked?.length ?? 0
    })
    .toBe(1)
  await page.close()

  await running().stop()
  host = await startWebHost({ courses, dataDir })
  const resumed = await page.context().newPage()
  await open(resumed, '/course/every-block')
  await resumed.getByTestId('resume').click()
  await expect(resumed).toHaveURL(/#\/course\/every-block\/page\/quiz$/)
  const again = resumed.getByRole('region', { name: 'Every question type' })
  await expect(again).toContainText('you have answered 1 of 7 questions. Your answers have been kept.')
  await again.getByRole('button', { name: 'Continue the quiz' }).click()
  const shown = again.locator('.quiz-question')
  // Back to the first question, then forward to the one answered before the restart.
  const previous = again.getByRole('button', { name: 'Previous question' })
  for (let steps = 0; steps < 6 && (await previous.count()) > 0; steps++) await previous.click()
  for (let steps = 0; steps < 6; steps++) {
    if ((await shown.locator('.quiz-question__prompt').innerText()).trim() === prompt) break
    await again.getByRole('button', { name: 'Next question' }).click()
  }
  await expect(shown.locator('.quiz-question__prompt')).toHaveText(prompt)
  await expect(shown.getByRole('radio', { name: chosen })).toBeChecked()
})

test('a completed course gives a PDF certificate, from the progress page and the course page', async ({ page }) => {
  await completeMinimal(page)
  // Still called "Learner": the certificate asks for the learner's own name first.
  await page.getByRole('button', { name: 'Download certificate for Minimal course' }).click()
  const name = page.getByRole('textbox', { name: /Your name as it should appear on the certificate/ })
  await expect(name).toBeFocused()
  await name.fill('Cllr Alys Morgan')
  const fromCourse = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save my name and download the certificate' }).click()
  const first = await fromCourse
  expect(first.suggestedFilename()).toBe('certificate-minimal.pdf')
  expect(await pdfText(new Uint8Array(await readFile(await first.path())))).toContain('Cllr Alys Morgan')

  const row = await minimalRow(page)
  await expect(row).toContainText('100%')
  const downloading = page.waitForEvent('download')
  await row.getByRole('button', { name: 'Download certificate for Minimal course' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('certificate-minimal.pdf')
  const bytes = await readFile(await download.path())
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // every-block is not complete: no certificate yet.
  await expect(page.getByTestId('dashboard-row-every-block')).toContainText('When the course is complete and any assessment passed')

  // At 320 px, with a row per course, neither the progress page nor Your data scrolls sideways
  // (the progress table scrolls in its own labelled region, as data tables may).
  await page.setViewportSize({ width: 320, height: 700 })
  for (const screen of ['/progress', '/data']) {
    await open(page, screen)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), screen).toBeLessThanOrEqual(320)
  }
})

test('a reflection appears in the notebook, which exports as Markdown and PDF', async ({ page }) => {
  await open(page, '/course/every-block/page/scenario-reflection')
  await page.getByRole('textbox', { name: 'Your answer' }).fill('On the community Facebook group.')
  await page.getByRole('textbox', { name: 'Your answer' }).blur()
  await expect(page.getByText(/^Saved: /)).toBeVisible()
  await open(page, '/notebook')
  const course = page.getByTestId('notebook-every-block')
  await expect(course.getByRole('heading', { level: 4, name: 'Your ward' })).toBeVisible()
  await expect(course.locator('blockquote')).toHaveText('On the community Facebook group.')
  await expect(page.getByTestId('notebook-minimal')).toContainText('You have not written any reflections in this course yet.')
  for (const [name, file] of [
    ['Export as Markdown', 'notebook-every-block.md'],
    ['Export as PDF', 'notebook-every-block.pdf'],
  ] as const) {
    const downloading = page.waitForEvent('download')
    await course.getByRole('button', { name }).click()
    expect((await downloading).suggestedFilename()).toBe(file)
  }
})

test('a record is exported and imported again, a bad file is refused with its reason, results download as CSV, and everything is deleted', async ({ page }) => {
  await completeMinimal(page)
  await open(page, '/data')

  const exporting = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export my record' }).click()
  const record = await exporting
  expect(record.suggestedFilename()).toMatch(/^civic-learn-record-.*\.json$/)
  const recordPath = await record.path()

  const picker = page.getByLabel('Record file (.json)')
  await picker.setInputFiles({ name: 'not-a-record.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByTestId('import-refused')).toContainText('This file cannot be imported.')
  await expect(page.getByTestId('import-refused')).toContainText('The file is not a Civic Learn learner record.')

  await picker.setInputFiles(recordPath)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Learner (2) was imported.' })).toBeVisible()
  await expect(page.getByTestId('import-refused')).toHaveCount(0)

  const csv = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download results (CSV)' }).click()
  const results = await csv
  expect(results.suggestedFilename()).toMatch(/^civic-learn-results-.*\.csv$/)
  const table = await readFile(await results.path(), 'utf8')
  expect(table).toContain('Learner (2)')

  // The imported learner has the same finished course.
  await open(page, '/learners')
  await page.getByRole('button', { name: 'Switch to Learner (2)' }).click()
  await expect(page.getByTestId('header-learner')).toHaveText('Learner: Learner (2)')
  await expect((await minimalRow(page)).getByRole('cell').first()).toHaveText('100%')

  await open(page, '/data')
  await page.getByRole('button', { name: 'Delete all data…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete everything on this device?' })
  await expect(dialog).toContainText('together with Civic Learn’s backup copies')
  await dialog.getByRole('button', { name: 'Delete everything' }).click()
  await expect(dialog).toContainText('Tick the box to confirm.')
  await dialog.getByRole('checkbox').check()
  await dialog.getByRole('button', { name: 'Delete everything' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your courses' })).toBeVisible()
  await expect(page.getByTestId('data-notice')).toHaveText(/All data was deleted/)
  await expect(page.getByTestId('header-learner')).toHaveText('Learner: Learner')
  await open(page, '/learners')
  await expect(page.getByTestId('learner-list').locator('> li')).toHaveCount(1)
  await expect((await minimalRow(page)).getByRole('cell').first()).toHaveText('0%')
  const backups = await stat(path.join(dataDir, 'backups')).then(() => true, () => false)
  expect(backups).toBe(false)
})

test('a trainer PIN guards the results: asked for at the download, which then goes ahead, and locked again on request', async ({ page }) => {
  await open(page, '/learners')
  const section = page.getByTestId('trainer-pin')
  await expect(section.getByTestId('trainer-status')).toHaveText('No trainer PIN is set.')
  await section.getByRole('button', { name: 'Set a trainer PIN' }).click()
  const setDialog = page.getByRole('dialog', { name: 'Set a trainer PIN' })
  await setDialog.getByLabel('New trainer PIN (4 to 8 digits)').fill('2580')
  await setDialog.getByRole('button', { name: 'Save PIN' }).click()
  await expect(section.getByRole('status')).toHaveText('The trainer PIN is set.')
  await section.getByRole('button', { name: 'Lock now' }).click()
  await expect(section.getByTestId('trainer-status')).toHaveText('A trainer PIN is set. The results and changes to other learners need it.')

  await open(page, '/data')
  const csv = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download results (CSV)' }).click()
  const unlock = page.getByRole('dialog', { name: 'Trainer PIN needed' })
  await unlock.getByLabel('Trainer PIN', { exact: true }).fill('1111')
  await unlock.getByRole('button', { name: 'Continue' }).click()
  await expect(unlock.getByRole('alert')).toHaveText('That is not the trainer PIN. Try again.')
  await unlock.getByLabel('Trainer PIN', { exact: true }).fill('2580')
  await unlock.getByRole('button', { name: 'Continue' }).click()
  expect((await csv).suggestedFilename()).toMatch(/^civic-learn-results-.*\.csv$/)
  await expect(unlock).toBeHidden()

  // The results on screen: the PIN is asked for while locked; closing the dialog shows nothing.
  await page.evaluate(async (token) => {
    await fetch('api/trainer.lock', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-civic-token': token }, body: '{}' })
  }, running().token)
  await open(page, '/data')
  await page.getByRole('link', { name: 'See the results on screen' }).click()
  const again = page.getByRole('dialog', { name: 'Trainer PIN needed' })
  await again.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'need the trainer’s PIN' })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  await page.getByRole('button', { name: 'Give the trainer’s PIN' }).click()
  await again.getByLabel('Trainer PIN', { exact: true }).fill('2580')
  await again.getByRole('button', { name: 'Continue' }).click()
  const table = page.getByRole('region', { name: 'Learners’ results in Minimal course' }).getByRole('table')
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('rowheader')).toHaveText(['Learner'])
  await expect(table.getByRole('row').nth(1)).toContainText('Not started')

  // Over HTTP too, nothing comes out while it is locked.
  const answer = await page.evaluate(async (token) => {
    await fetch('api/trainer.lock', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-civic-token': token }, body: '{}' })
    const response = await fetch('api/results.export', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-civic-token': token }, body: '{}' })
    return (await response.json()) as { ok: boolean; error?: { code: string } }
  }, running().token)
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

const SCREENS = ['/progress', '/notebook', '/learners', '/data', '/results'] as const

for (const language of ['English', 'Cymraeg'] as const) {
  test(`axe finds no accessibility violations on the learner screens (${language}, light and dark)`, async ({ page }) => {
    // Five screens in both themes: 36–45 s on an idle machine, two minutes with two workers on a loaded one.
    test.setTimeout(240_000)
    await completeMinimal(page)
    await open(page, '/settings')
    await page.getByRole('button', { name: language, exact: true }).first().click()
    await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en-GB' : 'cy')
    const violations: string[] = []
    // Each state in both themes: the walk to it is the slow part, not the scan.
    const scan = async (where: string) => void violations.push(...(await axeFindings(page, where)))
    for (const screen of SCREENS) {
      await open(page, screen)
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
      await scan(screen)
    }
    for (const [index, dialog] of ['reset dialog', 'delete-all dialog'].entries()) {
      await open(page, '/data')
      await page.locator('.data-page .button--danger[aria-haspopup]').nth(index).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await scan(dialog)
    }
    expect(violations).toEqual([])
  })
}

test('screenshots of the learner screens', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1000, height: 900 })
  await completeMinimal(page)
  await open(page, '/course/every-block/page/text-callouts-images')
  await open(page, '/course/every-block/page/scenario-reflection')
  await page.getByRole('textbox', { name: 'Your answer' }).fill('On the community Facebook group, and at the library on Saturdays.')
  await page.getByRole('textbox', { name: 'Your answer' }).blur()
  await expect(page.getByText(/^Saved: /)).toBeVisible()
  await mkdir(SCREENSHOTS, { recursive: true })
  for (const screen of SCREENS) {
    await open(page, screen)
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
    const name = screen.slice(1)
    const file = screen === '/progress' ? path.join(SCREENSHOTS, 'dashboard.png') : testInfo.outputPath(`${name}.png`)
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
  }
  expect((await stat(path.join(SCREENSHOTS, 'dashboard.png'))).size).toBeLessThan(150 * 1024)
})
