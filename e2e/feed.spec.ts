import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { axeFindings } from './support/axe'
import { startFakeLms } from './support/fake-lms'
import { closeCourse, exportAndUnzip, launch, storedFor } from './support/scorm-launch'
import { startWebHost, type RunningHost } from './support/web-host'
import { tabTo } from './support/keyboard'

/** The every-block course's practice feed (page "scenario-reflection"): Sam asks about bins, Alex rants. */
const ROOT = path.resolve(__dirname, '..')
const FIXTURE = path.join(ROOT, 'e2e/fixtures/courses/every-block')
const FEED_PAGE = '#/course/every-block/page/scenario-reflection'

let folder: string
let host: RunningHost | null = null

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'civic-feed-e2e-'))
  await cp(FIXTURE, path.join(folder, 'courses', 'every-block'), { recursive: true })
  host = await startWebHost({ courses: path.join(folder, 'courses'), dataDir: path.join(folder, 'data') })
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

const feedOf = (where: Page | FrameLocator) => where.getByRole('region', { name: /Your Page this morning/ })
const postBy = (feed: Locator, author: string) => feed.getByRole('article', { name: author })

test('a learner works through the practice feed by keyboard: their own reply, a choice, the verdicts and the score, all kept after a reload', async ({ page }) => {
  await page.goto(`${running().url}${FEED_PAGE}`)
  const feed = feedOf(page)
  await expect(feed.getByRole('heading', { name: 'Practice feed: Your Page this morning' })).toBeVisible()
  const sam = postBy(feed, 'Sam')
  await expect(sam.getByRole('group', { name: 'What do you do with this post?' })).toBeVisible()

  await tabTo(page, sam.getByRole('button', { name: 'Write your own reply' }))
  await page.keyboard.press('Enter')
  const box = sam.getByRole('textbox', { name: 'Your reply to Sam' })
  await expect(box).toBeFocused()
  await page.keyboard.type('From March. The council page has the new days.')
  await tabTo(page, sam.getByRole('button', { name: 'Post reply' }))
  await page.keyboard.press('Enter')
  const samOutcome = sam.locator('.block-feed__outcome')
  await expect(samOutcome).toBeFocused()
  await expect(samOutcome).toContainText('You posted your own reply. Compare it with this:')
  await expect(sam.getByRole('list', { name: 'Replies' })).toContainText('You From March. The council page has the new days.')

  const alex = postBy(feed, 'Alex')
  await tabTo(page, alex.getByRole('button', { name: 'Do nothing for now' }))
  await page.keyboard.press('Enter')
  await expect(alex.locator('.block-feed__outcome')).toBeFocused()
  await expect(alex.locator('.block-feed__outcome')).toContainText('You did nothing for now. Best choice')
  await expect(feed.locator('.block-feed__score')).toHaveText('You made the best choice for 1 of 2 posts.')

  await page.reload()
  await expect(postBy(feedOf(page), 'Sam').locator('.block-feed__outcome')).toContainText('Compare it with this:')
  await expect(postBy(feedOf(page), 'Sam').getByRole('list', { name: 'Replies' })).toContainText('From March. The council page has the new days.')
  await expect(feedOf(page).locator('.block-feed__score')).toHaveText('You made the best choice for 1 of 2 posts.')

  await feedOf(page).getByRole('button', { name: 'Start the feed again' }).click()
  await expect(feedOf(page).getByRole('heading', { name: 'Practice feed: Your Page this morning' })).toBeFocused()
  await expect(postBy(feedOf(page), 'Alex').getByRole('button', { name: 'Block the author' })).toBeVisible()
})

test('axe finds nothing in the practice feed before and after acting, in English and Welsh, and it reflows at 320 px', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto(`${running().url}${FEED_PAGE}`)
  const feed = feedOf(page)
  await expect(feed).toBeVisible()
  const findings = await axeFindings(page, 'feed, untouched', '.block-feed')
  await postBy(feed, 'Sam').getByRole('button', { name: 'Hide it from others' }).click()
  await postBy(feed, 'Sam').locator('.block-feed__outcome').waitFor()
  findings.push(...(await axeFindings(page, 'feed, a post hidden', '.block-feed')))

  await page.getByRole('button', { name: 'Cymraeg', exact: true }).click()
  const welsh = page.getByRole('region', { name: /\[cy\]|Your Page this morning/ })
  await expect(welsh.getByRole('button', { name: 'Rhwystro’r awdur' })).toBeVisible()
  await expect(welsh.locator('.block-feed__outcome')).toContainText('Fe wnaethoch chi ei chuddio rhag eraill. Peryglus')
  findings.push(...(await axeFindings(page, 'feed in Welsh', '.block-feed')))
  expect(findings).toEqual([])

  await page.setViewportSize({ width: 320, height: 800 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
})

for (const version of ['scorm12', 'scorm2004'] as const) {
  test(`${version}: the feed's choices and own reply reach the LMS in suspend data and come back on relaunch`, async ({ browser }) => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'civic-feed-scorm-'))
    const lms = await startFakeLms(await exportAndUnzip(FIXTURE, version, work))
    const page = await browser.newPage()
    // The relaunch is in a browser that has never seen the course, so all it has is what the LMS kept.
    const elsewhere = await browser.newContext()
    try {
      const course = await launch(page, lms, { version })
      await course.getByRole('link', { name: 'Start the course' }).click()
      for (let step = 0; step < 3; step++) await course.getByRole('link', { name: 'Next page' }).first().click()
      const feed = feedOf(course)
      await postBy(feed, 'Sam').getByRole('button', { name: 'Write your own reply' }).click()
      await postBy(feed, 'Sam').getByRole('textbox', { name: 'Your reply to Sam' }).fill('See the council page — new days from March.')
      await postBy(feed, 'Sam').getByRole('button', { name: 'Post reply' }).click()
      await postBy(feed, 'Alex').getByRole('button', { name: 'Block the author' }).click()
      await expect(postBy(feed, 'Alex').locator('.block-feed__outcome')).toContainText('Risky')
      const state = await closeCourse(page)
      expect(state.log.violations).toEqual([])

      const again = feedOf(await launch(await elsewhere.newPage(), lms, { version, stored: storedFor(version, state.cmi) }))
      await expect(postBy(again, 'Sam').getByRole('list', { name: 'Replies' })).toContainText('See the council page — new days from March.')
      await expect(postBy(again, 'Alex').locator('.block-feed__outcome')).toContainText('You blocked the author. Risky')
      await expect(again.locator('.block-feed__score')).toHaveText('You made the best choice for 0 of 2 posts.')
    } finally {
      await page.close()
      await elsewhere.close()
      await lms.stop()
      await rm(work, { recursive: true, force: true })
    }
  })
}
