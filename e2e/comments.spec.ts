import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { axeFindings } from './support/axe'
import { tabTo } from './support/keyboard'
import { startWebHost, type RunningHost } from './support/web-host'

/** The every-block course's first page: a text block, three callouts, speaker notes and an image. */
const ROOT = path.resolve(__dirname, '..')
const FIXTURE = path.join(ROOT, 'e2e/fixtures/courses/every-block')
const PAGE = '#/course/every-block/page/text-callouts-images'

let folder: string
let host: RunningHost | null = null

const start = async () => (host = await startWebHost({ courses: path.join(folder, 'courses'), dataDir: path.join(folder, 'data') }))
const running = (): RunningHost => {
  if (!host) throw new Error('The web host is not running.')
  return host
}

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'civic-comments-e2e-'))
  await cp(FIXTURE, path.join(folder, 'courses', 'every-block'), { recursive: true })
  await start()
})

test.afterEach(async () => {
  await host?.stop()
  host = null
  await rm(folder, { recursive: true, force: true })
})

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${running().url}${hash}`)
  await page.locator('h1').first().waitFor()
}

const comments = (page: Page) => page.getByTestId('page-comments')

async function write(page: Page, about: string, kind: string, text: string): Promise<void> {
  const section = comments(page)
  await section.getByRole('button', { name: 'Add a comment' }).click()
  await section.getByLabel('What is it about?').selectOption({ label: about })
  await section.getByRole('radio', { name: kind }).check()
  await section.getByLabel('Your comment').fill(text)
  await section.getByRole('button', { name: 'Save comment' }).click()
  await expect(section.getByRole('status')).toHaveText('Your comment has been saved.')
}

test('a learner comments on parts of a page, by keyboard too; the comments outlast a restart, are edited and deleted in the notebook, go with the exported record and go with all data', async ({ page }) => {
  await open(page, PAGE)
  const section = comments(page)
  await expect(section.getByRole('heading', { level: 2, name: 'Your comments' })).toBeVisible()

  // By keyboard: the button, the part of the page, the kind, the words, the language, save.
  const add = section.getByRole('button', { name: 'Add a comment' })
  await tabTo(page, add, 120)
  await page.keyboard.press('Enter')
  const about = section.getByLabel('What is it about?')
  await expect(about).toBeFocused()
  await expect(about.locator('option')).toHaveText(['This page as a whole', /^Part 1: Plain Markdown becomes a text block/, 'Part 2: A tip', "Part 3: This legal note inherits the module's jurisdictions.", 'Part 4: This one applies in Scotland only.', 'Part 5: A white square, used as a placeholder'])
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(about).toHaveValue('callout.1')
  await page.keyboard.press('Tab')
  await expect(section.getByRole('radio', { name: 'A question' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(section.getByRole('radio', { name: 'An experience from my council' })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(section.getByLabel('Your comment')).toBeFocused()
  await page.keyboard.type('We keep tips like this on a laminated card.')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(section.getByRole('button', { name: 'Save comment' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(section.getByRole('status')).toHaveText('Your comment has been saved.')
  await expect(add).toBeFocused()

  await write(page, 'Part 4: This one applies in Scotland only.', 'A question', 'Does this apply to community councils too?')
  await write(page, 'This page as a whole', 'A disagreement', 'The page is too long for a phone.')
  await expect(section.locator('article.comment')).toHaveCount(3)
  await expect(section.locator('article.comment').first().locator('q')).toHaveText('A tip')

  // What the app acknowledged is on disk: a restart keeps all three.
  await running().stop()
  await start()
  await open(page, PAGE)
  await expect(comments(page).locator('article.comment')).toHaveCount(3)

  // In the notebook: one edited, one deleted.
  await open(page, '#/notebook')
  const listed = page.locator('.notebook-course__comments li')
  await expect(listed).toHaveCount(3)
  // In the order written (all on one page); by place, since an item being edited shows its words in a field.
  await expect(listed.nth(1)).toContainText('community councils')
  const question = listed.nth(1)
  await question.getByRole('button', { name: /^Edit/ }).click()
  await question.getByLabel('Your comment').fill('Does this apply to community councils in Scotland too?')
  await question.getByRole('button', { name: 'Save comment' }).click()
  await expect(question.locator('.comment__text')).toHaveText('Does this apply to community councils in Scotland too?')
  const disagreement = listed.nth(2)
  await expect(disagreement).toContainText('too long for a phone')
  await disagreement.getByRole('button', { name: /^Delete/ }).click()
  await disagreement.getByRole('button', { name: 'Delete it' }).click()
  await expect(listed).toHaveCount(2)
  await open(page, PAGE)
  await expect(comments(page).locator('article.comment')).toHaveCount(2)
  await expect(comments(page)).toContainText('in Scotland too?')

  // The record the learner exports carries them.
  await open(page, '#/data')
  const exporting = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export my record' }).click()
  const record = JSON.parse(await readFile(await (await exporting).path(), 'utf8')) as { progress: Record<string, { comments: { text: string; blockId?: string }[] }> }
  expect(record.progress['every-block']?.comments.map((comment) => [comment.blockId, comment.text])).toEqual([
    ['callout.1', 'We keep tips like this on a laminated card.'],
    ['callout.3', 'Does this apply to community councils in Scotland too?'],
  ])

  // Deleting all data deletes them.
  await page.getByRole('button', { name: 'Delete all data…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete everything on this device?' })
  await dialog.getByRole('checkbox').check()
  await dialog.getByRole('button', { name: 'Delete everything' }).click()
  await expect(page.getByTestId('data-notice')).toHaveText(/All data was deleted/)
  await open(page, PAGE)
  await expect(comments(page).getByRole('button', { name: 'Add a comment' })).toBeVisible()
  await expect(comments(page).locator('article.comment')).toHaveCount(0)
})

for (const language of ['en', 'cy'] as const) {
  test(`axe finds nothing on the comments, with one written and the form open (${language}, light and dark)`, async ({ page }) => {
    await open(page, PAGE)
    if (language === 'cy') {
      await page.getByRole('button', { name: 'Cymraeg', exact: true }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
      await expect(comments(page).locator('h2')).toHaveText('Eich sylwadau')
    }
    const section = comments(page)
    await section.getByTestId('comment-add').click()
    await section.locator('textarea').fill('')
    await section.locator('button[type="submit"]').click()
    await expect(section.locator('textarea')).toHaveAttribute('aria-invalid', 'true')
    await section.locator('textarea').fill(language === 'cy' ? 'Sylw prawf.' : 'A test comment.')
    await section.locator('button[type="submit"]').click()
    await section.locator('article.comment').waitFor()
    await section.getByTestId('comment-add').click()
    await section.locator('article.comment button').nth(1).click()
    expect(await axeFindings(page, `comments (${language})`, '[data-testid="page-comments"]')).toEqual([])
  })
}
