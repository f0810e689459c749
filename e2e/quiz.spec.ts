import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { axeFindings } from './support/axe'
import type { CourseProgress } from '../src/core/progress/schema'
import { startWebHost, type RunningHost } from './support/web-host'
import { expectSorted, QUESTION_COUNT, readQuestion } from './support/every-block'
import { isFocused, tabTo } from './support/keyboard'

const FIXTURE = path.resolve(__dirname, 'fixtures/courses/every-block')
const QUIZ_PAGE = '#/course/every-block/page/quiz'
const PAGES = ['text-callouts-images', 'video', 'accordion-tabs', 'scenario-reflection', 'key-points-links', 'quiz']

let folder: string
let courses: string
let dataDir: string
let host: RunningHost | null = null

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'civic-quiz-e2e-'))
  courses = path.join(folder, 'courses')
  dataDir = path.join(folder, 'data')
  await cp(FIXTURE, path.join(courses, 'every-block'), { recursive: true })
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

async function openQuiz(page: Page): Promise<Locator> {
  await page.goto(`${running().url}${QUIZ_PAGE}`)
  const quiz = page.getByRole('region', { name: 'Every question type' })
  await expect(quiz).toBeVisible()
  return quiz
}

/** Moves through a radio group with the arrow keys until the named option is chosen. */
async function chooseRadio(page: Page, question: Locator, name: string): Promise<void> {
  await tabTo(page, question.getByRole('radio').first())
  for (let presses = 0; presses < 6; presses++) {
    const focused = question.getByRole('radio', { name, exact: false })
    if (await isFocused(focused)) break
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Space')
  await expect(question.getByRole('radio', { name })).toBeChecked()
}

/** Answers the question shown, correctly, with the keyboard only. */
async function answerByKeyboard(page: Page, question: Locator): Promise<string> {
  const prompt = (await question.locator('.quiz-question__prompt').innerText()).trim()
  if (prompt === 'Which is a fruit?') {
    await chooseRadio(page, question, 'Apple')
    return 'single-choice'
  }
  if (prompt === 'The sky is green.') {
    await chooseRadio(page, question, 'False')
    return 'true-false'
  }
  if (prompt === 'Which are colours?') {
    for (const name of ['Red', 'Blue']) {
      await tabTo(page, question.getByRole('checkbox', { name }))
      await page.keyboard.press('Space')
    }
    await expect(question.getByRole('checkbox', { name: 'Red' })).toBeChecked()
    await expect(question.getByRole('checkbox', { name: 'Blue' })).toBeChecked()
    return 'multiple-response'
  }
  if (prompt.startsWith('Match each')) {
    for (const [nation, capital] of [
      ['Wales', 'Cardiff'],
      ['Scotland', 'Edinburgh'],
    ] as const) {
      const select = question.getByRole('combobox', { name: nation })
      await tabTo(page, select)
      for (let presses = 0; presses < 6; presses++) {
        if ((await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.text)) === capital) break
        await page.keyboard.press('ArrowDown')
      }
      await expect(select.locator('option:checked')).toHaveText(capital)
    }
    return 'matching'
  }
  if (prompt === 'Put these in order.') {
    const target = ['First', 'Second', 'Third']
    const items = question.locator('.quiz-ordering__list .quiz-ordering__text')
    for (const [place, name] of target.entries()) {
      const at = (await items.allInnerTexts()).map((text) => text.trim()).indexOf(name)
      if (at === place) continue
      await tabTo(page, question.getByRole('button', { name: `Move “${name}” up` }))
      for (let step = at; step > place; step--) await page.keyboard.press('Alt+ArrowUp')
      await expect(question.locator('[aria-live="polite"]')).toHaveText(`“${name}” is now number ${place + 1} of 3.`)
    }
    await expect(items).toHaveText(target)
    return 'ordering'
  }
  if (prompt === 'Sort these into fruit and vegetables.') {
    for (const [item, group, left] of [
      ['Leek', 'Vegetables', '2 items left to sort.'],
      ['Pear', 'Fruit', 'One item left to sort.'],
      ['Plum', 'Fruit', 'Every item is in a group.'],
    ] as const) {
      await tabTo(page, question.getByRole('button', { name: `Put “${item}” in “${group}”` }))
      await page.keyboard.press('Enter')
      await expect(question.locator('[aria-live="polite"]')).toHaveText(`“${item}” is now in “${group}”. ${left}`)
      // Focus stays with the item in its new place, so the learner can go on from there.
      await expect(question.locator('.quiz-sort__item', { hasText: item })).toBeFocused()
    }
    await expectSorted(question)
    return 'sort'
  }
  if (prompt.startsWith('Which Act')) {
    await tabTo(page, question.getByRole('textbox', { name: 'Your answer' }))
    await page.keyboard.type('Localism')
    return 'fill-in'
  }
  throw new Error(`Unknown question: ${prompt}`)
}

/** The progress the web host has stored, read through its API as the page does. */
async function savedProgress(request: APIRequestContext): Promise<CourseProgress> {
  const response = await request.post(`${running().origin}/api/progress.get`, {
    data: { courseId: 'every-block' },
    headers: { 'x-civic-token': running().token },
  })
  const body = (await response.json()) as { ok: boolean; value: CourseProgress }
  return body.value
}

/** The right answer that answerByKeyboard gave is shown again. */
async function expectRightAnswerShown(question: Locator, type: string): Promise<void> {
  switch (type) {
    case 'single-choice':
      return expect(question.getByRole('radio', { name: 'Apple' })).toBeChecked()
    case 'true-false':
      return expect(question.getByRole('radio', { name: 'False' })).toBeChecked()
    case 'multiple-response':
      await expect(question.getByRole('checkbox', { name: 'Red' })).toBeChecked()
      return expect(question.getByRole('checkbox', { name: 'Blue' })).toBeChecked()
    case 'matching':
      await expect(question.getByRole('combobox', { name: 'Wales' }).locator('option:checked')).toHaveText('Cardiff')
      return expect(question.getByRole('combobox', { name: 'Scotland' }).locator('option:checked')).toHaveText('Edinburgh')
    case 'ordering':
      return expect(question.locator('.quiz-ordering__list .quiz-ordering__text')).toHaveText(['First', 'Second', 'Third'])
    case 'sort':
      return expectSorted(question)
    case 'fill-in':
      return expect(question.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Localism')
  }
  throw new Error(`Unknown question type ${type}`)
}

test('a learner answers every question type by keyboard, sees feedback, passes, and the course page shows the module passed', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  // The module is passed once every page is seen and its quiz passed.
  for (const pageId of PAGES) {
    await page.goto(`${running().url}#/course/every-block/page/${pageId}`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  }
  const quiz = await openQuiz(page)
  await quiz.getByRole('button', { name: 'Start the quiz' }).focus()
  await page.keyboard.press('Enter')

  const seen: string[] = []
  for (let number = 1; number <= QUESTION_COUNT; number++) {
    const heading = quiz.getByRole('heading', { name: `Question ${number} of ${QUESTION_COUNT}` })
    await expect(heading).toBeFocused()
    const question = quiz.locator('.quiz-question')
    seen.push(await answerByKeyboard(page, question))
    await tabTo(page, question.getByRole('button', { name: 'Check answer' }))
    await page.keyboard.press('Enter')
    await expect(question.getByRole('status').locator('.quiz-feedback__outcome')).toHaveText('Correct')
    const next = quiz.getByRole('button', { name: number < QUESTION_COUNT ? 'Next question' : 'Submit answers' })
    await expect(next).toBeFocused()
    await readQuestion(page)
    await page.keyboard.press('Enter')
  }
  expect(seen.sort()).toEqual(['fill-in', 'matching', 'multiple-response', 'ordering', 'single-choice', 'sort', 'true-false'])

  await expect(quiz.getByRole('heading', { name: 'Your result' })).toBeFocused()
  await expect(quiz).toContainText('You scored 100%.')
  await expect(quiz).toContainText('You passed. The pass mark is 50%.')
  await page.keyboard.press('Tab')
  await expect(quiz.getByRole('button', { name: 'Review your answers' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(quiz.getByText('Apples grow on trees.')).toBeVisible()

  await page.goto(`${running().url}#/course/every-block`)
  await expect(page.getByTestId('module-status')).toHaveText('Passed')
  expect(problems).toEqual([])
})

test('a learner sorts items into groups with the mouse, dragging each onto its group', async ({ page }) => {
  const quiz = await openQuiz(page)
  await quiz.getByRole('button', { name: 'Start the quiz' }).click()
  const question = quiz.locator('.quiz-question')
  for (let number = 1; number < QUESTION_COUNT; number++) {
    if ((await question.locator('.quiz-question__prompt').innerText()).trim() === 'Sort these into fruit and vegetables.') break
    await quiz.getByRole('button', { name: 'Next question' }).click()
  }
  await expect(question.locator('.quiz-question__prompt')).toHaveText('Sort these into fruit and vegetables.')
  for (const [item, group] of [
    ['Pear', 'Fruit'],
    ['Leek', 'Vegetables'],
    ['Plum', 'Fruit'],
  ] as const) {
    const target = question.getByRole('group', { name: new RegExp(`^${group}`) })
    // On a loaded machine the browser can drop a drag begun while the page was still busy; a
    // learner would drag again, and so does this test (dragging an item onto its own group leaves it there).
    await expect(async () => {
      await question.locator('.quiz-sort__item', { hasText: item }).dragTo(target)
      await expect(target).toContainText(item, { timeout: 2000 })
    }).toPass({ timeout: 20_000 })
  }
  await expectSorted(question)
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.getByRole('status').locator('.quiz-feedback__outcome')).toHaveText('Correct')
  await expect(question.locator('.quiz-sort__item[draggable="true"]')).toHaveCount(0)
})

test('an unfinished attempt is resumed with its answers after the web host restarts', async ({ page, request }) => {
  let quiz = await openQuiz(page)
  await quiz.getByRole('button', { name: 'Start the quiz' }).click()
  const answered: string[] = []
  for (let number = 1; number <= 2; number++) {
    answered.push(await answerByKeyboard(page, quiz.locator('.quiz-question')))
    await quiz.getByRole('button', { name: 'Check answer' }).click()
    await quiz.getByRole('button', { name: 'Next question' }).click()
  }
  // Answers are sent in small batches; wait until both are checked in the learner's store.
  await expect.poll(async () => (await savedProgress(request)).quizzes['every-type-quiz']?.current?.checked?.length ?? 0).toBe(2)
  await page.close()

  await running().stop()
  host = await startWebHost({ courses, dataDir })
  const resumed = await page.context().newPage()
  quiz = await openQuiz(resumed)
  await expect(quiz).toContainText('You have an unfinished attempt: you have answered 2 of 7 questions. Your answers have been kept.')
  await quiz.getByRole('button', { name: 'Continue the quiz' }).click()
  await expect(quiz.getByRole('heading', { name: 'Question 3 of 7' })).toBeFocused()
  await expect(quiz.locator('.quiz-attempt__progress')).toHaveText('Answered: 2 of 7')
  for (let number = 2; number >= 1; number--) {
    await quiz.getByRole('button', { name: 'Previous question' }).click()
    await expect(quiz.getByRole('heading', { name: `Question ${number} of ${QUESTION_COUNT}` })).toBeFocused()
    await expectRightAnswerShown(quiz.locator('.quiz-question'), answered[number - 1] ?? '')
  }
})

/** Gives some answer to the question shown, whatever the language, so its feedback can be checked. */
async function answerAnything(question: Locator): Promise<void> {
  if ((await question.getByRole('radio').count()) > 0) await question.getByRole('radio').first().check()
  else if ((await question.getByRole('checkbox').count()) > 0) await question.getByRole('checkbox').first().check()
  else if ((await question.getByRole('combobox').count()) > 0) {
    for (const select of await question.getByRole('combobox').all()) await select.selectOption({ index: 1 })
  } else if ((await question.getByRole('textbox').count()) > 0) await question.getByRole('textbox').fill('Lleoliaeth')
  else if ((await question.locator('.quiz-sort__move').count()) > 0) await question.locator('.quiz-sort__move').first().click()
}

async function expectNoViolations(page: Page, state: string): Promise<void> {
  // Both themes in each state: getting to the state is the slow part, not the scan.
  expect(await axeFindings(page, state, '.quiz')).toEqual([])
}

for (const language of ['English', 'Cymraeg'] as const) {
  test(`axe finds no accessibility violations in any state of the quiz (${language}, light and dark)`, async ({ page }) => {
    // A walk over many screens, each scanned in both themes: on a loaded machine it takes longer than one
    // page's test, and only getting to the screens is slow.
    test.setTimeout(240_000)
    const quiz = await openQuiz(page)
    await page.getByRole('button', { name: language, exact: true }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en-GB' : 'cy')
    await expectNoViolations(page, 'introduction')
    await quiz.locator('.quiz-intro .button').click()
    for (let number = 1; number <= QUESTION_COUNT; number++) {
      const question = quiz.locator('.quiz-question')
      await expectNoViolations(page, `question ${number}`)
      await answerAnything(question)
      await question.locator('.quiz-question__check').click()
      await expect(question.locator('.quiz-feedback__outcome')).toBeVisible()
      await expectNoViolations(page, `question ${number} checked`)
      await quiz.locator('.quiz-attempt__nav .button').last().click()
    }
    if (await quiz.locator('.quiz-confirm').isVisible()) {
      await expectNoViolations(page, 'unanswered warning')
      await quiz.locator('.quiz-confirm .button').last().click()
    }
    await expect(quiz.locator('.quiz-result h3')).toBeFocused()
    await quiz.locator('.quiz-result [aria-expanded]').click()
    await expect(quiz.locator('.quiz-review')).toBeVisible()
    await expectNoViolations(page, 'result and review')
  })
}

/** Every option's text sits in a column of its own beside its radio button: a long one wraps there, not under the control. */
async function expectOptionsBesideTheirControls(question: Locator): Promise<void> {
  const options = await question.locator('.quiz-option').evaluateAll((labels) =>
    labels.map((label) => {
      const control = label.querySelector('input')?.getBoundingClientRect()
      const text = label.querySelector('.markdown')?.getBoundingClientRect()
      return { control: control && { right: control.right, height: control.height }, text: text && { left: text.left, height: text.height } }
    }),
  )
  expect(options.length).toBeGreaterThan(1)
  for (const { control, text } of options) {
    if (!control || !text) throw new Error('An option has no control or no text.')
    expect(text.left).toBeGreaterThan(control.right)
  }
  // The long option ("Carrot, a root vegetable, …") takes more than one line, all of them beside its control.
  expect(Math.max(...options.map(({ text, control }) => (text?.height ?? 0) / (control?.height ?? 1)))).toBeGreaterThan(1.5)
}

test('screenshots of a question with its feedback and of the result with its review', async ({ page, browser }, testInfo) => {
  await page.setViewportSize({ width: 760, height: 900 })
  const quiz = await openQuiz(page)
  await quiz.getByRole('button', { name: 'Start the quiz' }).click()
  let questionShot: Buffer | null = null
  for (let number = 1; number <= QUESTION_COUNT; number++) {
    const question = quiz.locator('.quiz-question')
    const type = await answerByKeyboard(page, question)
    const selectWidths = () => question.getByRole('combobox').evaluateAll((selects) => selects.map((select) => select.getBoundingClientRect().width))
    const answeredWidths = await selectWidths()
    if (type === 'multiple-response') {
      // Red only: partly right, to show partial credit and the outcome feedback.
      await question.getByRole('checkbox', { name: 'Blue' }).uncheck()
    }
    await question.getByRole('button', { name: 'Check answer' }).click()
    if (type === 'multiple-response') questionShot = await quiz.screenshot({ animations: 'disabled' })
    if (type === 'single-choice') await expectOptionsBesideTheirControls(question)
    // Checking a matching question adds its marks without narrowing the selects that show the answers.
    if (type === 'matching') expect(await selectWidths()).toEqual(answeredWidths)
    await readQuestion(page)
    await quiz.getByRole('button', { name: number < QUESTION_COUNT ? 'Next question' : 'Submit answers' }).click()
  }
  await quiz.getByRole('button', { name: 'Review your answers' }).click()
  await quiz.getByRole('button', { name: 'Hide the review' }).blur()
  if (!questionShot) throw new Error('No multiple-response question was shown.')
  const resultShot = await quiz.screenshot({ animations: 'disabled' })

  // One picture for the README: the question beside the top of the result and its review.
  const sheet = await browser.newPage({ viewport: { width: 1440, height: 600 } })
  const image = (shot: Buffer, height: string) =>
    `<div style="flex:0 0 auto;max-height:${height};overflow:hidden"><img alt="" style="display:block" src="data:image/png;base64,${shot.toString('base64')}"></div>`
  await sheet.setContent(
    `<body style="margin:0;padding:16px;display:flex;gap:16px;align-items:flex-start;background:#ffffff">${image(questionShot, 'none')}${image(resultShot, '1000px')}</body>`,
  )
  const target = process.env.UPDATE_SCREENSHOTS ? path.resolve(__dirname, '../docs/screenshots/quiz.png') : testInfo.outputPath('quiz.png')
  const written = await sheet.screenshot({ path: target, fullPage: true })
  expect(written.length).toBeLessThan(150 * 1024)
})
