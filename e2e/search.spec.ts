import { expect, test } from '@playwright/test'
import { playerCourses } from './support/player-courses'
import { startWebHost, type RunningHost } from './support/web-host'

let courses: Awaited<ReturnType<typeof playerCourses>>
let host: RunningHost

test.beforeAll(async () => {
  courses = await playerCourses()
})
test.afterAll(async () => {
  await courses.remove()
})
test.beforeEach(async () => {
  host = await startWebHost({ courses: courses.dir })
})
test.afterEach(async () => {
  await host.stop()
})

test('search finds a phrase across the courses, marks the matching words and opens the page', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.getByTestId('course-list')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search all courses' }).fill('"listen first"')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('One page matches “"listen first"”.')
  const results = page.getByTestId('search-results').getByRole('listitem')
  await expect(results).toHaveCount(1)
  await expect(results.first().locator('mark')).toHaveText(['Listen', 'first'])
  await expect(results.first()).toContainText('Every block and question type › Every block')

  await results.first().getByRole('link', { name: 'Key points and links' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Key points and links' })).toBeVisible()
  await expect(page.getByText('Listen first.')).toBeVisible()
})

test('search forgives case, accents and a word still being typed, and says when nothing matches', async ({ page }) => {
  await page.goto(`${host.url}#/search?q=RUMO`)
  await expect(page.getByTestId('search-results').getByRole('link', { name: 'Scenario and reflection' })).toBeVisible()
  await expect(page.getByTestId('search-results').locator('mark').first()).toHaveText('rumour')

  const box = page.getByRole('searchbox', { name: 'Search all courses' })
  await box.fill('"the bridge collapsed"')
  await box.press('Enter')
  await expect(page.getByText('Nothing was found for “"the bridge collapsed"”.')).toBeVisible()
  await expect(page.getByTestId('search-results')).toHaveCount(0)
})

test('search reads the course in the learner’s language', async ({ page }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Cymraeg' }).click()
  await page.getByRole('searchbox', { name: 'Chwilio pob cwrs' }).fill('panel')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('search-results').getByRole('link', { name: 'Accordion and tabs' })).toBeVisible()
  await expect(page.getByTestId('search-results')).toContainText('[cy] The first panel.')
})
