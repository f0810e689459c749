import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { TOKEN_HEADER } from '../src/core/app-meta'
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

/** Calls the host's API as the page would, with the token the host printed. */
async function callApi(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, input, token, header }) => {
      const response = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [header]: token }, body: JSON.stringify(input) })
      return ((await response.json()) as { value?: unknown }).value
    },
    { method, input, token: running().token, header: TOKEN_HEADER },
  )
}

async function shareComments(page: Page, named: boolean): Promise<string> {
  await open(page, '#/notebook')
  const share = page.getByTestId('comment-share')
  await share.getByRole('radio', { name: named ? /^Me, by name/ : /^Nobody/ }).check()
  const downloading = page.waitForEvent('download')
  await share.getByRole('button', { name: 'Download my comments (.json)' }).click()
  const file = await downloading
  expect(file.suggestedFilename()).toMatch(named ? /^civic-learn-comments-cllr-/ : /^civic-learn-comments-unnamed-/)
  await expect(share.getByRole('status')).toHaveText('Your comments have been downloaded.')
  return (await file.path()) ?? ''
}

test('two learners share their comments, and the trainer merges their files and a record into one feedback report, leaving out a bad file with its reason', async ({ page }) => {
  await open(page, PAGE)
  const first = (await callApi(page, 'profile.list', {})) as { activeId: string }
  await callApi(page, 'profile.rename', { id: first.activeId, name: 'Cllr Alys Morgan' })
  await open(page, PAGE)
  await write(page, 'Part 2: A tip', 'A question', 'Is this tip for town councils too?')
  await write(page, 'Part 4: This one applies in Scotland only.', 'A correction', 'Scotland has its own code.')
  await write(page, 'This page as a whole', 'An experience from my council', 'We ran this as a lunchtime session.')
  const alys = await shareComments(page, true)

  const second = (await callApi(page, 'profile.create', { name: 'Cllr Rhys Evans' })) as { id: string }
  await callApi(page, 'profile.switch', { id: second.id })
  await open(page, PAGE)
  await write(page, 'Part 2: A tip', 'A disagreement', 'Tips should come first.')
  await write(page, 'Part 5: A white square, used as a placeholder', 'A question', 'What does the picture show?')
  const rhys = await shareComments(page, false)
  await open(page, '#/data')
  const exporting = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export my record' }).click()
  const record = (await (await exporting).path()) ?? ''

  await open(page, '#/results')
  await page.getByRole('link', { name: /^Feedback from learners’ comments/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Feedback from learners’ comments' })).toBeVisible()
  await page.getByRole('button', { name: 'Make the report' }).click()
  await expect(page.getByText('Choose at least one file first.')).toBeVisible()
  const asFile = async (file: string, name: string) => ({ name, mimeType: 'application/json', buffer: await readFile(file) })
  await page.getByLabel('Comment files or learner records (.json)').setInputFiles([await asFile(alys, 'alys.json'), await asFile(rhys, 'rhys.json'), await asFile(record, 'rhys-record.json'), { name: 'shopping.json', mimeType: 'application/json', buffer: Buffer.from('{"eggs": 6}') }])
  await page.getByRole('button', { name: 'Make the report' }).click()
  const report = page.getByTestId('feedback-report')
  await expect(report).toContainText('5 comments from 2 learners.')
  await expect(report).toContainText('2 comments were in more than one file and are counted once.')
  await expect(page.getByTestId('feedback-refused')).toContainText('shopping.json: The file is not a Civic Learn comments file or learner record.')
  const tip = report.locator('.feedback-page__part').filter({ has: page.locator('q', { hasText: 'A tip' }) })
  await expect(tip.locator('.hint')).toHaveText('Questions: 1. Experiences: 0. Corrections: 0. Disagreements: 1.')
  await expect(tip).toContainText('From Cllr Alys Morgan')
  await expect(tip).toContainText('From Learner 1 (not named)')
  await expect(report.locator('.feedback-page__part').first().locator('h4')).toHaveText('The page as a whole')

  const csv = page.waitForEvent('download')
  await report.getByRole('button', { name: 'Download as CSV' }).click()
  const table = await readFile((await (await csv).path()) ?? '', 'utf8')
  expect(table.split('\r\n').filter((line) => line.trim() !== '')).toHaveLength(6)
  expect(table).toContain('Scotland has its own code.')
  const jsonld = page.waitForEvent('download')
  await report.getByRole('button', { name: 'Download as Web Annotations (JSON-LD)' }).click()
  const annotations = JSON.parse(await readFile((await (await jsonld).path()) ?? '', 'utf8')) as { type: string; total: number }
  expect(annotations).toMatchObject({ type: 'AnnotationCollection', total: 5 })

  const findings = await axeFindings(page, 'feedback report')
  await page.getByRole('button', { name: 'Cymraeg', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Adborth o sylwadau dysgwyr' })).toBeVisible()
  await page.getByRole('button', { name: 'Creu’r adroddiad' }).click()
  await expect(page.getByTestId('feedback-report')).toContainText('5 sylw gan 2 dysgwr.')
  findings.push(...(await axeFindings(page, 'feedback report in Welsh')))
  // On a small phone (320 px), with the report's longer Welsh words: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 })
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  findings.push(...(await axeFindings(page, 'feedback report in Welsh at 320 px')))
  await page.setViewportSize({ width: 1280, height: 800 })
  await open(page, '#/notebook')
  findings.push(...(await axeFindings(page, 'notebook in Welsh, with comments to share')))
  expect(findings).toEqual([])
})

test('during a workshop session, a comment can go to the room’s questions too, waiting there for the trainer', async ({ page }) => {
  await open(page, PAGE)
  await callApi(page, 'workshop.start', { courseId: 'every-block', moduleId: 'blocks', language: 'en', anonymous: true, listen: null })
  const section = comments(page)
  await section.getByRole('button', { name: 'Add a comment' }).click()
  const box = section.getByRole('checkbox', { name: 'Also put it to the room’s questions' })
  await expect(box).toHaveAccessibleDescription(/the room sees it without your name/)
  await box.check()
  await section.getByLabel('Your comment').fill('Does this apply to parish councils?')
  await section.getByRole('button', { name: 'Save comment' }).click()
  await expect(section.getByRole('status')).toHaveText('Your comment has been saved, and put to the room’s questions.')
  const status = (await callApi(page, 'workshop.status', { since: null })) as { view: { questions: { text: string; status: string; by: string | null }[] } }
  expect(status.view.questions).toEqual([expect.objectContaining({ text: 'Does this apply to parish councils?', status: 'pending', by: null })])
  await callApi(page, 'workshop.end', {})
  await section.getByRole('button', { name: 'Add a comment' }).click()
  await expect(section.getByRole('checkbox')).toHaveCount(0)
})
