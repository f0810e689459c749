import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator } from '@playwright/test'
import type { QuizBlock } from '../src/core/course/blocks/quiz'
import type { PackageData } from '../src/core/scorm/package-data'
import { extractZip } from '../test/support/read-zip'
import { axeFindings } from './support/axe'
import { answer, expectAnswered, QUESTION_COUNT } from './support/every-block'
import { installStrictLms, startFakeLms, type StrictLmsConfig, type StrictLmsLog } from './support/fake-lms'
import { closeCourse, exportAndUnzip, launch, lmsState, storedFor } from './support/scorm-launch'

const ROOT = path.resolve(__dirname, '..')
const FIXTURE = path.join(ROOT, 'e2e/fixtures/courses/every-block')
const PAGES = 6

let work: string

test.beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out/cli/index.js')) || !existsSync(path.join(ROOT, 'out/player/index.html'))) {
    throw new Error('Build first: npm run build (the export uses out/cli and out/player).')
  }
  work = await mkdtemp(path.join(os.tmpdir(), 'civic-scorm-e2e-'))
})

test.afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: the exported package tracks a passed quiz in a strict LMS and resumes on the same page with answers kept`, async ({ browser }) => {
    // Every quiz journaled: this one gives its feedback as each answer is checked, which the default leaves out.
    const lms = await startFakeLms(await exportAndUnzip(FIXTURE, version, work, ['--interactions', 'all']))
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    try {
      let course = await launch(page, lms, { version })
      await expect(course.getByTestId('scorm-connection')).toHaveAttribute('data-connection', 'lms')
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

      // The course store sends events in small batches: wait until the journal has reached the LMS.
      const journal = async () => (await lmsState(page)).log.sets.filter(([element]) => element.endsWith('.result')).length
      await expect.poll(journal).toBe(QUESTION_COUNT)
      let state = await lmsState(page)
      const sets = new Map(state.log.sets)
      if (version === 'scorm12') {
        expect(sets.get('cmi.core.lesson_status')).toBe('passed')
        expect(sets.get('cmi.core.score.raw')).toBe('100')
        expect(sets.get('cmi.core.score.max')).toBe('100')
        expect(sets.get('cmi.core.lesson_location')).toBe('quiz')
        expect(sets.get('cmi.core.exit')).toBe('suspend')
      } else {
        expect(sets.get('cmi.completion_status')).toBe('completed')
        expect(sets.get('cmi.success_status')).toBe('passed')
        expect(sets.get('cmi.score.scaled')).toBe('1')
        expect(sets.get('cmi.progress_measure')).toBe('1')
        expect(sets.get('cmi.location')).toBe('quiz')
      }
      const ids = state.log.sets.filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element)).map(([, value]) => value)
      expect(ids.sort()).toEqual(['q_fill_in', 'q_matching', 'q_multiple', 'q_ordering', 'q_single', 'q_sort', 'q_true_false'].map((id) => `every_type_quiz.${id}.a1`))
      const results = state.log.sets.filter(([element]) => element.endsWith('.result')).map(([, value]) => value)
      expect(results).toEqual(Array(QUESTION_COUNT).fill('correct'))
      const types = state.log.sets.filter(([element]) => element.endsWith('.type')).map(([, value]) => value)
      expect(types.sort()).toEqual(['choice', 'choice', 'fill-in', 'matching', 'matching', 'sequencing', 'true-false'])
      expect(state.log.calls.filter((call) => /Commit/.test(call)).length).toBeGreaterThan(1)

      // A second attempt, left half done: its answer must come back after the relaunch.
      await quiz.getByRole('button', { name: 'Try again' }).click()
      await expect(quiz.getByRole('heading', { name: 'Question 1 of 7' })).toBeVisible()
      await answer(quiz.locator('.quiz-question'))
      const firstPrompt = (await quiz.locator('.quiz-question__prompt').innerText()).trim()

      // Closing the window: the SCO finishes once, on pagehide.
      state = await closeCourse(page)
      expect(state.log.calls.filter((call) => /^(LMSFinish|Terminate)\(/.test(call))).toHaveLength(1)
      const sessionTime = state.log.sets.find(([element]) => /session_time$/.test(element))?.[1]
      expect(sessionTime).toMatch(version === 'scorm12' ? /^\d{4}:\d\d:\d\d\.\d\d$/ : /^PT/)
      expect(state.log.violations).toEqual([])

      course = await launch(page, lms, { version, stored: storedFor(version, state.cmi) })
      const resumed = course.getByRole('region', { name: 'Every question type' })
      await expect(course.getByRole('heading', { level: 1 })).toHaveText('Quiz')
      await expect(resumed).toContainText('You have an unfinished attempt: you have answered 1 of 7 questions.')
      await resumed.getByRole('button', { name: 'Continue the quiz' }).click()
      await expect(resumed.getByText('Answered: 1 of 7')).toBeVisible()
      // The quiz opens at the first unanswered question; the answered one is earlier.
      const prompt = resumed.locator('.quiz-question__prompt')
      for (let step = 0; step < QUESTION_COUNT && (await prompt.innerText()).trim() !== firstPrompt; step++) {
        await resumed.getByRole('button', { name: 'Previous question' }).click()
      }
      await expect(prompt).toHaveText(firstPrompt)
      await expectAnswered(resumed.locator('.quiz-question'), firstPrompt)
      state = await lmsState(page)
      // A resumed learner is not set back to incomplete.
      const statuses = state.log.sets.filter(([element]) => /lesson_status|completion_status/.test(element)).map(([, value]) => value)
      expect(statuses).not.toContain('incomplete')
      expect(state.log.violations).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await page.close()
      await lms.stop()
    }
  })
}

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: in a pop-up window the LMS opens, the package finds the API through its opener and finishes once when closed`, async ({ browser }) => {
    const lms = await startFakeLms(await exportAndUnzip(FIXTURE, version, work))
    const page = await browser.newPage()
    try {
      await page.goto(lms.url)
      const opening = page.waitForEvent('popup')
      await page.evaluate(installStrictLms, { version, masteryScore: lms.masteryScore, launch: '/pkg/index.html', opens: 'popup' } satisfies StrictLmsConfig)
      const popup = await opening
      await expect(popup.getByTestId('scorm-connection')).toHaveAttribute('data-connection', 'lms')
      await popup.getByRole('link', { name: 'Start the course' }).click()
      await popup.getByRole('link', { name: 'Next page' }).first().click()
      const pageId = /\/page\/([\w-]+)$/.exec(popup.url())?.[1]
      expect(pageId).toBeTruthy()
      await popup.evaluate(() => window.close()).catch(() => undefined)
      await expect.poll(async () => (await lmsState(page)).log.finished).toBe(true)
      const state = await lmsState(page)
      expect(state.log.calls.filter((call) => /^(LMSFinish|Terminate)\(/.test(call))).toHaveLength(1)
      expect(new Map(state.log.sets).get(version === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location')).toBe(pageId)
      expect(state.log.violations).toEqual([])
    } finally {
      await page.close()
      await lms.stop()
    }
  })
}

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: "Save and exit" finishes the session while the page lives, says so, and closing the window sends nothing more`, async ({ browser }) => {
    const lms = await startFakeLms(await exportAndUnzip(FIXTURE, version, work))
    // A page of its own context: axe scans only such pages.
    const context = await browser.newContext()
    const page = await context.newPage()
    try {
      const course = await launch(page, lms, { version })
      await course.getByRole('link', { name: 'Start the course' }).click()
      await course.getByRole('link', { name: 'Next page' }).first().click()
      const exit = course.getByRole('button', { name: 'Save and exit' })
      await expect(exit).toHaveAccessibleDescription(/Saves your progress to your learning platform and ends this visit/)
      await exit.click()
      const done = course.getByRole('heading', { level: 1, name: 'You have left the course' })
      await expect(done).toBeFocused()
      await expect(course.getByTestId('scorm-exited')).toContainText('Your progress is saved by your learning platform.')
      const violations = (await new AxeBuilder({ page }).include('iframe').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations
      expect(violations.map((violation) => violation.id)).toEqual([])
      let state = await lmsState(page)
      expect(state.log.finished).toBe(true)
      expect(state.log.sets.find(([element]) => /session_time$/.test(element))).toBeDefined()
      expect(new Map(state.log.sets).get(version === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit')).toBe('suspend')
      const calls = state.log.calls.length
      state = await closeCourse(page)
      expect(state.log.calls).toHaveLength(calls)
      expect(state.log.violations).toEqual([])
    } finally {
      await context.close()
      await lms.stop()
    }
  })
}

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: comments reach the strict LMS under the learner's name, with the block as their place, and show again after a relaunch`, async ({ browser }) => {
    const lms = await startFakeLms(await exportAndUnzip(FIXTURE, version, work))
    // A page of its own context: axe scans only such pages.
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    try {
      const name = version === 'scorm12' ? 'cmi.core.student_name' : 'cmi.learner_name'
      // The fake LMS's learner is "Jones, Ceri".
      let course = await launch(page, lms, { version })
      await course.getByRole('link', { name: 'Start the course' }).click()
      const section = course.getByTestId('page-comments')
      // Before anything is written, the learner reads where comments go and under which name.
      await expect(section.getByTestId('comments-channel')).toContainText('Your comments go to your learning platform with your record, under the name it has for you: Ceri Jones.')
      const write = async (about: string, text: string) => {
        await section.getByRole('button', { name: 'Add a comment' }).click()
        await section.getByLabel('What is it about?').selectOption({ label: about })
        await section.getByLabel('Your comment').fill(text)
        await section.getByRole('button', { name: 'Save comment' }).click()
        await expect(section.getByRole('status')).toHaveText('Your comment has been saved.')
      }
      await write('Part 2: A tip', 'Does this apply to parish councils?')
      await write('This page as a whole', 'Our council\nhas a form for this.')
      let state = await lmsState(page)
      const sets = state.log.sets.filter(([element]) => element.startsWith(version === 'scorm12' ? 'cmi.comments' : 'cmi.comments_from_learner.'))
      if (version === 'scorm12') {
        expect(sets.at(-1)?.[1]).toMatch(/^\[question\] text-callouts-images#callout\.1 \S+Z en\n {2}Does this apply to parish councils\?\n\[question\] text-callouts-images \S+Z en\n {2}Our council\n {2}has a form for this\.$/)
      } else {
        expect(Object.fromEntries(sets)).toEqual({
          'cmi.comments_from_learner.0.comment': '{lang=en}[question] Does this apply to parish councils?',
          'cmi.comments_from_learner.0.location': 'text-callouts-images#callout.1',
          'cmi.comments_from_learner.0.timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
          'cmi.comments_from_learner.1.comment': '{lang=en}[question] Our council\\nhas a form for this.',
          'cmi.comments_from_learner.1.location': 'text-callouts-images',
          'cmi.comments_from_learner.1.timestamp': expect.stringMatching(/^\d{4}-/),
        })
      }
      // Saved means committed: the learner was told so only after the LMS had it.
      expect(state.log.calls.filter((call) => /Commit/.test(call)).length).toBeGreaterThan(1)
      expect(state.log.calls).toContain(`${version === 'scorm12' ? 'LMSGetValue' : 'GetValue'}(${name})`)

      state = await closeCourse(page)
      expect(state.log.violations).toEqual([])
      course = await launch(page, lms, { version, stored: storedFor(version, state.cmi) })
      const again = course.getByTestId('page-comments')
      await expect(again.locator('article.comment')).toHaveCount(2)
      await expect(again.locator('article.comment').first().locator('q')).toHaveText('A tip')
      await expect(again.locator('article.comment').nth(1)).toContainText('has a form for this.')
      await again.getByRole('button', { name: 'Add a comment' }).click()
      const violations = (await new AxeBuilder({ page }).include('iframe').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations
      expect(violations.map((violation) => violation.id)).toEqual([])
      await again.getByRole('button', { name: 'Cancel' }).click()
      // Deleting one takes its words out of the LMS too.
      await again.locator('article.comment').first().getByRole('button', { name: 'Delete' }).click()
      await again.getByRole('button', { name: 'Delete it' }).click()
      await expect(again.getByRole('status')).toHaveText('Your comment has been deleted.')
      state = await lmsState(page)
      const last = new Map(state.log.sets)
      if (version === 'scorm12') expect(last.get('cmi.comments')).not.toContain('parish councils')
      else expect(last.get('cmi.comments_from_learner.0.comment')).toBe('')
      expect(state.log.violations).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
      await lms.stop()
    }
  })
}

test('without an LMS the course still runs, says so, and resumes from local storage', async ({ browser }) => {
  const lms = await startFakeLms(await exportAndUnzip(FIXTURE, 'scorm12', work))
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    await page.goto(lms.url.replace('host.html', 'pkg/index.html'))
    await expect(page.getByTestId('scorm-connection')).toHaveAttribute('data-connection', 'standalone')
    await expect(page.getByTestId('scorm-connection')).toContainText('kept in this browser only')
    await page.getByRole('link', { name: 'Start the course' }).click()
    await page.getByRole('link', { name: 'Next page' }).first().click()
    await expect(page).toHaveURL(/#\/course\/every-block\/page\/video$/)
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('civic-learn-scorm:')))
    await page.goto(lms.url.replace('host.html', 'pkg/index.html'))
    await expect(page).toHaveURL(/#\/course\/every-block\/page\/video$/)
  } finally {
    await context.close()
    await lms.stop()
  }
})

test('a package opens on its first screen, written in at export in each of its languages and inert, which the live player takes over in place', async ({ browser }) => {
  const dir = await exportAndUnzip(FIXTURE, 'scorm2004', work)
  const index = await readFile(path.join(dir, 'index.html'), 'utf8')
  expect(index).toContain('<div id="app" inert>')
  // Rendered by the player's own components: their scoped styles are the player's.
  const css = (await Promise.all((await readdir(path.join(dir, 'assets'))).filter((file) => file.endsWith('.css')).map((file) => readFile(path.join(dir, 'assets', file), 'utf8')))).join('')
  const scopes = [...new Set(index.match(/data-v-[0-9a-f]+/g) ?? [])]
  expect(scopes.length).toBeGreaterThan(0)
  for (const scope of scopes) expect(css, `${scope} has no styles in the player`).toContain(`[${scope}]`)

  const lms = await startFakeLms(dir)
  const url = lms.url.replace('host.html', 'pkg/index.html')
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    // Before the player's script has run (here: never), the learner already sees the course.
    const before = await context.newPage()
    await before.route('**/assets/*.js', (route) => route.abort())
    await before.goto(url)
    const heading = before.locator('h1', { hasText: 'Every block and question type' })
    await expect(heading).toBeVisible()
    await expect(before.locator('#app')).toHaveAttribute('inert', '')
    await expect(before.locator('.player-bar')).toContainText('Starting the course…')
    const staticBox = await heading.boundingBox()
    await before.close()

    // A learner's saved display settings hold from the first paint, and a Welsh reader's first screen is the Welsh one.
    for (const [saved, heading, lang] of [[{ theme: 'dark', textSize: 'larger', language: 'en' }, 'Every block and question type', 'en-GB'], [{ language: 'cy' }, '[cy] Every block and question type', 'cy']] as const) {
      // Each in a context of its own: local storage is the context's.
      const own = await browser.newContext()
      const again = await own.newPage()
      await again.addInitScript((settings) => localStorage.setItem('civic-learn-settings', JSON.stringify(settings)), saved)
      await again.route('**/assets/*.js', (route) => route.abort())
      await again.goto(url)
      await expect(again.locator('#app[inert] h1')).toHaveText(heading)
      await expect(again.locator('#app[inert] h1')).toBeVisible()
      await expect(again.locator('html')).toHaveAttribute('lang', lang)
      // The other language's screen is gone from the page, not merely hidden.
      await expect(again.locator('template')).toHaveCount(0)
      if (lang === 'cy') {
        await expect(again.locator('.player-bar')).toContainText("Wrthi'n cychwyn y cwrs…")
        // The live player, in Welsh, takes it over in place.
        const box = await again.locator('#app[inert] h1').boundingBox()
        const live = await own.newPage()
        await live.goto(url)
        await expect(live.locator('#app:not([inert])')).toHaveCount(1)
        await expect(live.getByRole('heading', { level: 1 })).toHaveText(heading)
        expect(await live.getByRole('heading', { level: 1 }).boundingBox()).toEqual(box)
        expect(await axeFindings(live, 'the package\'s course page in Welsh')).toEqual([])
      } else {
        expect(await again.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.style.fontSize])).toEqual(['dark', '150%'])
      }
      await own.close()
    }
    // Without saved settings, a system in dark mode gets the first screen dark from its first paint.
    const darkSystem = await browser.newContext({ colorScheme: 'dark' })
    const dark = await darkSystem.newPage()
    await dark.route('**/assets/*.js', (route) => route.abort())
    await dark.goto(url)
    await expect(dark.locator('html')).toHaveAttribute('data-theme', 'dark')
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 27)')
    await darkSystem.close()

    const page = await context.newPage()
    await page.goto(url)
    await expect(page.locator('#app:not([inert])')).toHaveCount(1)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every block and question type')
    await expect(page.getByTestId('scorm-connection')).toContainText('kept in this browser only')
    // The live screen is where the first one was: nothing moves as the player takes over.
    expect(await page.getByRole('heading', { level: 1 }).boundingBox()).toEqual(staticBox)
    expect(await axeFindings(page, 'the package\'s course page')).toEqual([])
    await page.getByRole('link', { name: 'Start the course' }).click()
    await expect(page).toHaveURL(/#\/course\/every-block\/page\//)
  } finally {
    await context.close()
    await lms.stop()
  }
})

test('the strict LMS refuses what scorm-again alone lets through', async ({ browser }) => {
  const lms = await startFakeLms(work)
  const page = await browser.newPage()
  try {
    await page.goto(lms.url)
    await page.evaluate(installStrictLms, { version: 'scorm12', launch: 'about:blank' } as StrictLmsConfig)
    const v12 = await page.evaluate(() => {
      const api = (window as unknown as { API: Record<string, (...args: string[]) => string> }).API
      api.LMSInitialize?.('')
      const results = [
        api.LMSSetValue?.('cmi.suspend_data', 'x'.repeat(4097)),
        api.LMSSetValue?.('cmi.interactions.0.id', 'quiz-1'),
        api.LMSSetValue?.('cmi.interactions.0.id', 'quiz_1'),
        api.LMSSetValue?.('cmi.interactions.0.type', 'choice'),
        api.LMSSetValue?.('cmi.interactions.0.student_response', '10'),
        api.LMSSetValue?.('cmi.interactions.0.result', 'incorrect'),
      ]
      api.LMSFinish?.('')
      api.LMSGetValue?.('cmi.core.lesson_status')
      return { results, violations: (window as unknown as { lms: { log: StrictLmsLog } }).lms.log.violations }
    })
    expect(v12.results).toEqual(['false', 'false', 'true', 'true', 'false', 'false'])
    expect(v12.violations).toEqual([
      "cmi.suspend_data: suspend_data of 4097 characters is over SCORM 1.2's 4096",
      'cmi.interactions.0.id: interaction id "quiz-1" fails Moodle\'s ^[\\w.]{1,250}$',
      'cmi.interactions.0.student_response: choice response "10" is not in SCORM 1.2\'s format',
      'cmi.interactions.0.result: result "incorrect" is not a SCORM 1.2 result',
      'LMSGetValue called after LMSFinish',
    ])

    await page.goto(lms.url)
    await page.evaluate(installStrictLms, { version: 'scorm2004', launch: 'about:blank' } as StrictLmsConfig)
    const v2004 = await page.evaluate(() => {
      const api = (window as unknown as { API_1484_11: Record<string, (...args: string[]) => string> }).API_1484_11
      api.Initialize?.('')
      api.Initialize?.('')
      api.SetValue?.('cmi.interactions.0.id', 'q_1')
      api.SetValue?.('cmi.interactions.0.type', 'true-false')
      api.SetValue?.('cmi.interactions.0.timestamp', '2026-05-01T10:00:00.123Z')
      api.SetValue?.('cmi.session_time', 'PT')
      api.Commit?.('')
      api.Terminate?.('')
      return (window as unknown as { lms: { log: StrictLmsLog } }).lms.log.violations
    })
    expect(v2004).toEqual([
      'Initialize called 2 times',
      'cmi.interactions.0.timestamp: timestamp "2026-05-01T10:00:00.123Z" has milliseconds or a zone, which Moodle refuses',
      'cmi.session_time: session_time "PT" is not an ISO 8601 duration with at most 2 decimals',
      'Commit right before Terminate',
    ])
  } finally {
    await page.close()
    await lms.stop()
  }
})

test('a branded package shows the council, its welcome, contact and colours, and its policy page as a last module', async ({ browser }) => {
  const zip = path.join(work, 'branded.zip')
  execFileSync(process.execPath, ['out/cli/index.js', 'export', FIXTURE, '--out', zip, '--overlay', path.join(ROOT, 'e2e/fixtures/branding/anytown.yaml')], { cwd: ROOT })
  const dir = path.join(work, 'branded')
  await extractZip(await readFile(zip), dir)
  const lms = await startFakeLms(dir)
  const page = await browser.newPage()
  try {
    await page.goto(lms.url.replace('host.html', 'pkg/index.html#/'))
    await expect(page.getByText('Anytown Borough Council', { exact: true })).toBeVisible()
    // One slim bar above the course, not a band each: the council, whether progress is kept, who to ask.
    const bar = page.locator('.player-bar')
    await expect(bar).toHaveCount(1)
    for (const part of ['Anytown Borough Council', 'kept in this browser only', 'Help: Member services, 01234 567890']) await expect(bar).toContainText(part)
    expect((await bar.boundingBox())?.height ?? 0).toBeLessThan(60)
    await expect(page.getByRole('img', { name: 'The Anytown Borough Council crest' })).toBeVisible()
    await expect(page.getByText('Help: Member services, 01234 567890')).toBeVisible()
    await expect(page.getByText('Welcome to your induction, councillor.')).toBeVisible()
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#6a1b4d')
    await page.goto(lms.url.replace('host.html', 'pkg/index.html#/course/every-block'))
    await expect(page.getByRole('main')).toContainText('Anytown\'s social media protocol')
    // The first screen, before the player's script runs, is already in the council's colours.
    const before = await browser.newPage()
    await before.route('**/assets/*.js', (route) => route.abort())
    await before.goto(lms.url.replace('host.html', 'pkg/index.html'))
    await expect(before.locator('#app[inert] .player-bar')).toContainText('Anytown Borough Council')
    expect(await before.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#6a1b4d')
    await before.close()
  } finally {
    await page.close()
    await lms.stop()
  }
})

test('the CLI refuses an overlay whose colours fail WCAG AA, naming the pair', () => {
  const result = spawnSync(process.execPath, ['out/cli/index.js', 'export', FIXTURE, '--out', path.join(work, 'refused.zip'), '--overlay', path.join(ROOT, 'e2e/fixtures/branding/low-contrast.json')], { cwd: ROOT, encoding: 'utf8' })
  expect(result.status).toBe(1)
  expect(result.stderr).toContain('colours.accentText (#ffffff) on colours.accent (#ffcc00)')
  expect(result.stderr).toContain('colours.accent (#ffcc00) on colours.background (#ffffff)')
  expect(result.stderr).not.toMatch(/\n\s+at /)
})

test('an LMS that keeps failing to commit gets retries, and the learner one plain warning instead of its errors', async ({ browser }) => {
  const lms = await startFakeLms(await exportAndUnzip(FIXTURE, 'scorm2004', work))
  const page = await browser.newPage()
  try {
    const course = await launch(page, lms, { version: 'scorm2004', refuseCommits: true })
    const warning = course.getByTestId('scorm-trouble')
    await expect(warning).toContainText('Your learning platform is not accepting progress at the moment, so it may not be saved.')
    await expect(course.locator('body')).not.toContainText('391')
    const commits = (await lmsState(page)).log.calls.filter((call) => call.startsWith('Commit'))
    expect(commits.length).toBeGreaterThanOrEqual(3)
    // The course goes on; the warning can be put away and does not come back.
    await warning.getByRole('button', { name: 'Dismiss' }).click()
    await course.getByRole('link', { name: 'Start the course' }).click()
    await course.getByRole('link', { name: 'Next page' }).first().click()
    await expect(course.getByTestId('scorm-trouble')).toHaveCount(0)
  } finally {
    await page.close()
    await lms.stop()
  }
})

test('saved progress an LMS damaged is never read as something else nor written over, and the learner is told, in an accessible warning', async ({ browser }) => {
  const lms = await startFakeLms(await exportAndUnzip(FIXTURE, 'scorm12', work))
  // A page of its own context: axe scans only such pages.
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    let course = await launch(page, lms, { version: 'scorm12' })
    await course.getByRole('link', { name: 'Start the course' }).click()
    await course.getByRole('link', { name: 'Next page' }).first().click()
    const saved = await closeCourse(page)
    const suspend = String(saved.cmi.suspend_data)
    // One character lost, as a truncating LMS column loses it.
    const damaged = `${suspend.slice(0, 10)}${suspend.slice(11)}`
    const stored = storedFor('scorm12', { ...saved.cmi, suspend_data: damaged })
    course = await launch(page, lms, { version: 'scorm12', stored })
    await expect(course.getByTestId('scorm-unreadable')).toContainText('Your saved progress in this course could not be read, so what you did before is not shown here.')
    const violations = (await new AxeBuilder({ page }).include('iframe').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations
    expect(violations).toEqual([])
    // The learner carries on from the page the LMS last noted.
    await course.getByRole('link', { name: 'Next page' }).first().click()
    const after = await closeCourse(page)
    expect(after.cmi.suspend_data).toBe(damaged)
  } finally {
    await context.close()
    await lms.stop()
  }
})

/** Markdown as the learner reads it: no emphasis marks, links as their text, single spaces. */
function plain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Answers the question shown correctly, finding it in the course by its prompt. */
async function answerFromCourse(question: Locator, quiz: QuizBlock): Promise<void> {
  const shown = plain(await question.locator('.quiz-question__prompt').innerText())
  const data = quiz.questions.find((candidate) => plain(candidate.prompt) === shown)
  if (!data) throw new Error(`The question "${shown}" is not in ${quiz.id}`)
  switch (data.type) {
    case 'single-choice':
      return question.getByRole('radio', { name: plain(data.options.find((option) => option.correct)?.text ?? ''), exact: true }).check()
    case 'multiple-response':
      for (const option of data.options.filter((candidate) => candidate.correct)) await question.getByRole('checkbox', { name: plain(option.text), exact: true }).check()
      return
    case 'true-false':
      return question.getByRole('radio', { name: data.answer ? 'True' : 'False', exact: true }).check()
    case 'matching':
      for (const pair of data.pairs) await question.getByRole('combobox', { name: plain(pair.prompt), exact: true }).selectOption({ label: plain(pair.match) })
      return
    case 'ordering': {
      const items = question.locator('.quiz-ordering__list .quiz-ordering__text')
      const target = data.items.map((item) => plain(item.text))
      for (const [place, name] of target.entries()) {
        const at = (await items.allInnerTexts()).map(plain).indexOf(name)
        for (let step = at; step > place; step--) await question.getByRole('button', { name: `Move “${name}” up` }).click()
      }
      return
    }
    case 'sort':
      for (const item of data.items) {
        const group = data.groups.find((candidate) => candidate.id === item.groupId)
        await question.getByRole('button', { name: `Put “${plain(item.text)}” in “${plain(group?.name ?? '')}”`, exact: true }).click()
      }
      return
    case 'fill-in':
      return question.getByRole('textbox', { name: 'Your answer' }).fill(data.accepted[0] ?? '')
  }
}

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: a module quiz and the final assessment of the bundled course, passed through the UI, report the course passed; a relaunch returns to the same page with the results kept`, async ({ browser }) => {
    const bundled = path.join(ROOT, 'courses/social-media-for-local-leaders')
    test.skip(!existsSync(path.join(bundled, 'course.yaml')), 'The bundled course is not in the repository yet.')
    const zip = path.join(work, `bundled-${version}.zip`)
    execFileSync(process.execPath, ['out/cli/index.js', 'export', bundled, '--format', version, '--modules', 'why-social-media-matters,final-assessment', '--out', zip], { cwd: ROOT })
    const dir = path.join(work, `bundled-${version}`)
    await extractZip(await readFile(zip), dir)
    const data = JSON.parse(await readFile(path.join(dir, 'course.json'), 'utf8')) as PackageData
    const modules = data.course.content[data.course.language]?.modules ?? []
    const quizzes = modules.flatMap((module) => module.pages.flatMap((page) => page.blocks)).filter((block): block is QuizBlock => block.type === 'quiz')
    const pages = modules.reduce((sum, module) => sum + module.pages.length, 0)
    expect(quizzes).toHaveLength(2)

    const lms = await startFakeLms(dir)
    expect(lms.masteryScore).toBe(data.course.passMark)
    const page = await browser.newPage()
    try {
      let course = await launch(page, lms, { version })
      await course.getByRole('link', { name: 'Start the course' }).click()
      for (let seen = 1; seen <= pages; seen++) {
        for (const quiz of quizzes) {
          const region = course.getByRole('region', { name: quiz.title ?? 'Quiz' })
          if ((await region.count()) === 0) continue
          await region.getByRole('button', { name: 'Start the quiz' }).click()
          for (let number = 1; number <= quiz.draw; number++) {
            await expect(region.getByRole('heading', { name: `Question ${number} of ${quiz.draw}` })).toBeVisible()
            await answerFromCourse(region.locator('.quiz-question'), quiz)
            // A module quiz checks each answer as it is given; the final assessment keeps feedback for the end.
            if (quiz.feedback !== 'end') await region.getByRole('button', { name: 'Check answer' }).click()
            await region.getByRole('button', { name: number < quiz.draw ? 'Next question' : 'Submit answers' }).click()
          }
          await expect(region).toContainText('You scored 100%.')
        }
        if (seen < pages) await course.getByRole('link', { name: /Next (page|module)/ }).first().click()
      }
      const status = version === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status'
      // The last page view reaches the LMS a moment after the page shows: wait for the course to be complete.
      const reported = async () => {
        const sets = new Map((await lmsState(page)).log.sets)
        return version === 'scorm12' ? [sets.get(status)] : [sets.get('cmi.completion_status'), sets.get(status)]
      }
      await expect.poll(reported, { timeout: 10_000 }).toEqual(version === 'scorm12' ? ['passed'] : ['completed', 'passed'])
      let state = await lmsState(page)
      const sets = new Map(state.log.sets)
      expect(sets.get(version === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.scaled')).toBe(version === 'scorm12' ? '100' : '1')
      // The journal keeps the assessments (quizzes with feedback at the end), by default.
      const ids = state.log.sets.filter(([element]) => /^cmi\.interactions\.\d+\.id$/.test(element)).map(([, value]) => value)
      const assessments = quizzes.filter((quiz) => quiz.feedback === 'end')
      expect(assessments).toHaveLength(1)
      expect(ids).toHaveLength(assessments.reduce((sum, quiz) => sum + quiz.draw, 0))
      expect(ids.every((id) => id.startsWith(`${assessments[0]?.id.replaceAll('-', '_')}.`))).toBe(true)
      const lastPage = (await course.getByRole('heading', { level: 1 }).innerText()).trim()

      // The learner closes the course, and the LMS, judging the score itself, still holds a pass.
      state = await closeCourse(page)
      expect(version === 'scorm12' ? (state.cmi.core as { lesson_status: string }).lesson_status : state.cmi.success_status).toBe('passed')
      expect(state.log.violations).toEqual([])

      course = await launch(page, lms, { version, stored: storedFor(version, state.cmi) })
      await expect(course.getByRole('heading', { level: 1 })).toHaveText(lastPage)
      // The assessment, a page back, shows the pass it earned.
      const final = quizzes.at(-1) as QuizBlock
      await course.getByRole('link', { name: new RegExp(`^Previous page ${final.title ?? 'Quiz'}$`) }).click()
      await expect(course.getByRole('region', { name: final.title ?? 'Quiz' })).toContainText('You passed')
      state = await lmsState(page)
      expect(state.log.sets.filter(([element]) => element === status).map(([, value]) => value)).not.toContain('incomplete')
      expect(state.log.violations).toEqual([])
    } finally {
      await page.close()
      await lms.stop()
    }
  })
}

test('a learner reading the course in Welsh gets the Welsh translation and the app\'s Welsh words, which only they load, and their progress carries on', async ({ browser }) => {
  const folder = path.join(work, 'welsh')
  await mkdir(folder, { recursive: true })
  const lms = await startFakeLms(await exportAndUnzip(FIXTURE, 'scorm12', folder))
  const page = await browser.newPage()
  const fetched: string[] = []
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname))
  try {
    const course = await launch(page, lms, { version: 'scorm12' })
    await expect(course.getByRole('heading', { level: 1, name: 'Every block and question type' })).toBeVisible()
    expect(fetched.filter((file) => file.endsWith('.json'))).toEqual(['/pkg/course.json'])
    await course.getByRole('link', { name: 'Start the course' }).click()
    await course.getByRole('link', { name: 'Next page' }).first().click()
    await course.getByRole('button', { name: 'Cymraeg' }).click()
    await expect(course.locator('main h1')).toContainText('[cy]')
    expect(fetched.filter((file) => file.endsWith('.json')).sort()).toEqual(['/pkg/course.cy.json', '/pkg/course.json', '/pkg/ui/cy.json'])
    await course.getByRole('link', { name: 'Tudalen nesaf' }).first().click()
    const state = await closeCourse(page)
    expect(state.log.violations).toEqual([])
    expect((state.cmi.core as { lesson_location: string }).lesson_location).not.toBe('')
    expect(state.cmi.suspend_data).not.toBe('')

    // The browser remembers the choice: the next launch loads the translation before its first screen.
    fetched.length = 0
    const again = await launch(page, lms, { version: 'scorm12' })
    await expect(again.getByRole('heading', { level: 1, name: '[cy] Every block and question type' })).toBeVisible()
    await expect(again.getByRole('link', { name: "Dechrau'r cwrs" })).toBeVisible()
    expect(fetched.filter((file) => file.endsWith('.json')).sort()).toEqual(['/pkg/course.cy.json', '/pkg/course.json', '/pkg/ui/cy.json'])
  } finally {
    await page.close()
    await lms.stop()
  }
})

test('the player bundle leaves out the validation library: the package trusts its own course.json', async () => {
  const assets = path.join(ROOT, 'out/player/assets')
  for (const file of (await readdir(assets)).filter((name) => name.endsWith('.js'))) {
    expect(await readFile(path.join(assets, file), 'utf8')).not.toMatch(/ZodError|\$ZodType/)
  }
})

test('the player\'s script carries the app\'s English words and fetches the Welsh ones from ui/cy.json', async () => {
  const assets = path.join(ROOT, 'out/player/assets')
  const script = (await Promise.all((await readdir(assets)).filter((name) => name.endsWith('.js')).map((name) => readFile(path.join(assets, name), 'utf8')))).join('')
  expect(script).toContain('Next page')
  expect(script).not.toContain('Tudalen nesaf')
  expect(await readFile(path.join(ROOT, 'out/player/ui/cy.json'), 'utf8')).toContain('Tudalen nesaf')
})
