import type { Page } from '@playwright/test'

/**
 * Every screen of the app on the bundled course, as a learner who has worked through part of it
 * reaches it: the README's gallery (scripts/screenshots.ts) photographs each, and reflow.spec.ts
 * checks each at a phone's width and at 200% zoom. One list, so a new screen is in both.
 */
export const COURSE = 'social-media-for-local-leaders'

export interface Screen {
  name: string
  /** The app's route (after the #). */
  route: string
  /** What shows once the screen is ready. */
  ready: (page: Page) => Promise<void>
  /** What to bring into view first, when it is not at the top of the page. */
  show?: (page: Page) => Promise<void>
}

const scrollTo = (selector: string) => async (page: Page) => {
  await page.locator(selector).first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name }).first().waitFor()
}

export const SCREENS: Screen[] = [
  { name: 'library', route: '/', ready: async (page) => void (await page.getByTestId('course-list').waitFor()) },
  { name: 'course', route: `/course/${COURSE}`, ready: async (page) => void (await page.getByTestId('module-list').waitFor()) },
  { name: 'page', route: `/course/${COURSE}/page/casework-take-it-private`, ready: heading(/Take casework private/) },
  { name: 'scenario', route: `/course/${COURSE}/page/safety-story`, ready: heading(/two hard calls/), show: scrollTo('.block-scenario') },
  {
    name: 'feed',
    route: `/course/${COURSE}/page/safety-responding`,
    ready: heading(/SHIELD/),
    // The practice feed with its first post answered.
    show: async (page) => {
      const feed = page.locator('.block-feed')
      const choice = feed.getByRole('button', { name: /^Reply: I'm sorry about your dad/ })
      if (await choice.isVisible()) await choice.click()
      await feed.locator('.block-feed__outcome').first().waitFor()
      await feed.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    },
  },
  { name: 'key-points', route: `/course/${COURSE}/page/casework-think-and-remember`, ready: heading(/Think and remember/), show: scrollTo('.block-key-points') },
  { name: 'flashcards', route: `/course/${COURSE}/page/conduct-open-mind`, ready: heading(/open mind/) },
  { name: 'process', route: `/course/${COURSE}/page/safety-responding`, ready: heading(/SHIELD/), show: scrollTo('.block-process') },
  { name: 'top-tips', route: `/course/${COURSE}/page/top-tips`, ready: heading(/Top tips/), show: scrollTo('.block-key-points') },
  { name: 'case', route: `/course/${COURSE}/page/casework-real-case`, ready: heading(/Real case/) },
  { name: 'module-end', route: `/course/${COURSE}/page/casework-resources`, ready: heading(/Resources/), show: scrollTo('[data-testid="module-end"]') },
  { name: 'handout', route: `/course/${COURSE}/module/listening-and-casework/handout`, ready: heading(/Listening/) },
  {
    name: 'quiz',
    route: `/course/${COURSE}/page/casework-quiz-page`,
    ready: heading(/Quiz/),
    // The first question answered and checked, with its feedback.
    show: async (page) => {
      // The first run starts the attempt; later runs continue it and find the answer checked.
      await page.getByRole('button', { name: /^(Start|Continue) the quiz$/ }).click()
      await page.locator('.quiz-question').first().waitFor()
      const check = page.getByRole('button', { name: 'Check answer' })
      // The attempt's order is random, and its first question may be the sort question: each of
      // its items is put in a group (the first offered) before it is checked.
      const pile = page.locator('.quiz-question').first().locator('.quiz-sort__place--pile .quiz-sort__item')
      for (let step = 0; step < 12 && (await check.isVisible()) && (await pile.count()) > 0; step++) {
        await pile.first().getByRole('button', { name: /^Put “/ }).first().click()
      }
      if (await check.isVisible()) {
        const question = page.locator('.quiz-question').first()
        const choice = question.locator('input[type=radio], input[type=checkbox]').first()
        if ((await choice.count()) > 0) await choice.check()
        else for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 })
        await check.click()
      }
      await page.locator('.quiz-feedback').first().waitFor()
      await page.locator('.quiz-question').first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'sort',
    route: `/course/${COURSE}/page/casework-quiz-page`,
    ready: heading(/Quiz/),
    // The sort question of the same attempt, two of its items already in their groups.
    show: async (page) => {
      const resume = page.getByRole('button', { name: /^(Start|Continue) the quiz$/ })
      if (await resume.isVisible()) await resume.click()
      const prompt = page.locator('.quiz-question__prompt').first()
      // Each question is checked before the next shows: answer the ones before it, as a learner in a
      // hurry would. A later run resumes at the first unanswered question, which may be after it.
      for (let step = 0; step < 24 && !(await prompt.innerText()).startsWith('Residents have posted'); step++) {
        const question = page.locator('.quiz-question').first()
        const check = page.getByRole('button', { name: 'Check answer' })
        if (await check.isVisible()) {
          const choice = question.locator('input[type=radio], input[type=checkbox]').first()
          if ((await choice.count()) > 0) await choice.check()
          else for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 })
          await check.click()
        }
        const next = page.getByRole('button', { name: 'Next question' })
        await (await next.isVisible() ? next : page.getByRole('button', { name: 'Previous question' })).click()
      }
      const first = page.getByRole('button', { name: 'Put “When do the new bin collection days start?” in “Answer in public”' })
      if (await first.isVisible()) {
        await first.click()
        await page.getByRole('button', { name: /^Put “A father gives .*” in “Take it private”$/ }).click()
      }
      await page.locator('.quiz-question').first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'comments',
    route: `/course/${COURSE}/page/casework-take-it-private`,
    ready: heading(/Take casework private/),
    // A comment written on one part of the page, and the form open for another. Found by the
    // form's structure, not its words, since the screens are also walked in Welsh.
    show: async (page) => {
      const section = page.getByTestId('page-comments')
      if ((await section.locator('article.comment').count()) === 0) {
        await section.getByTestId('comment-add').click()
        await section.locator('select').selectOption({ index: 2 })
        await section.locator('input[value="experience"]').check()
        await section.locator('textarea').fill('Our ward team sends these to a shared inbox, so nothing waits while one of us is away.')
        await section.locator('button[type="submit"]').click()
        await section.locator('article.comment').waitFor()
      }
      const add = section.getByTestId('comment-add')
      if (await add.isVisible()) await add.click()
      await section.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    },
  },
  { name: 'dashboard', route: '/progress', ready: heading(/progress/i) },
  { name: 'notebook', route: '/notebook', ready: heading(/notebook/i) },
  { name: 'search', route: '/search?q=casework', ready: heading(/search/i) },
  { name: 'settings', route: '/settings', ready: heading(/settings/i) },
  { name: 'data', route: '/data', ready: heading(/data/i) },
  { name: 'learners', route: '/learners', ready: heading(/learners/i) },
  { name: 'results', route: '/results', ready: heading(/results/i) },
  { name: 'export', route: `/export/${COURSE}`, ready: heading(/export/i) },
]
