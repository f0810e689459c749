import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { readZip } from '../test/support/read-zip'
import { startWebHost, type RunningHost } from './support/web-host'

const COURSE = 'social-media-for-local-leaders'
let host: RunningHost

test.beforeEach(async () => {
  host = await startWebHost()
})

test.afterEach(async () => {
  await host.stop()
})

test('the export page makes a SCORM package of the chosen modules and hands it over as a download', async ({ page }) => {
  await page.goto(`${host.url}#/course/${COURSE}`)
  await page.getByTestId('export-link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Export for a learning platform')
  await expect(page.getByRole('radio', { name: 'SCORM 1.2 (recommended)' })).toBeChecked()
  await page.getByRole('radio', { name: 'SCORM 2004 4th Edition' }).check()
  const modules = page.getByRole('group', { name: 'Modules to include' }).getByRole('checkbox')
  const count = await modules.count()
  // Keep the first and last modules only.
  for (let index = 1; index < count - 1; index++) await modules.nth(index).uncheck()

  const downloading = page.waitForEvent('download')
  const answering = page.waitForResponse((response) => response.url().endsWith('/api/export.scorm'))
  await page.getByRole('button', { name: 'Export package' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`${COURSE}-scorm2004.zip`)
  // The API answers with the summary and where the package is kept; the zip comes from the web host's own address.
  const answer = (await (await answering).json()) as { value: { packageId: string } }
  expect(JSON.stringify(answer).length).toBeLessThan(2000)
  expect(new URL(download.url()).pathname).toBe(`/exports/${answer.value.packageId}`)
  const entries = readZip(await readFile(await download.path()))
  const manifest = entries.find((entry) => entry.name === 'imsmanifest.xml')?.data.toString('utf8') ?? ''
  expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>')
  const data = JSON.parse(entries.find((entry) => entry.name === 'course.json')?.data.toString('utf8') ?? '{}') as { course: { content: { en: { modules: unknown[] } } } }
  expect(data.course.content.en.modules).toHaveLength(2)

  const summary = page.getByTestId('export-summary')
  await expect(summary).toContainText(`${COURSE}-scorm2004.zip has been downloaded.`)
  await expect(summary).toContainText(`${entries.length} (including`)
  await expect(summary).toContainText('of 64000 characters at most')
})

for (const language of ['English', 'Cymraeg']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the export page passes an axe scan in ${language}, ${colorScheme}, before and after exporting, and reflows at 320 px`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      await page.goto(`${host.url}#/export/${COURSE}`)
      await page.getByRole('button', { name: language }).click()
      await expect(page.locator('.export-page__form')).toBeVisible()
      const scan = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()).violations.map((violation) => `${violation.id}: ${violation.help}`)
      expect(await scan()).toEqual([])
      await page.locator('.export-page__form button[type="submit"]').click()
      await expect(page.getByTestId('export-summary')).toBeVisible({ timeout: 30_000 })
      expect(await scan()).toEqual([])
      await page.setViewportSize({ width: 320, height: 800 })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, 'sideways scrolling at 320 px').toBeLessThanOrEqual(0)
    })
  }
}
