import { execFileSync } from 'node:child_process'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, type FrameLocator, type Page } from '@playwright/test'
import { extractZip } from '../../test/support/read-zip'
import { installStrictLms, type FakeLmsServer, type StrictLmsConfig, type StrictLmsLog } from './fake-lms'

const ROOT = path.resolve(__dirname, '../..')

/** Exports a course folder with the real CLI into `work` and unzips it, as an LMS does on upload; `options` are the export's own. */
export async function exportAndUnzip(course: string, format: StrictLmsConfig['version'], work: string, options: string[] = []): Promise<string> {
  const name = [format, ...options.filter((option) => !option.startsWith('--'))].join('-')
  const zip = path.join(work, `${name}.zip`)
  execFileSync(process.execPath, ['out/cli/index.js', 'export', course, '--format', format, ...options, '--out', zip], { cwd: ROOT })
  const dir = path.join(work, name)
  await mkdir(dir, { recursive: true })
  await extractZip(await readFile(zip), dir)
  return dir
}

export interface LmsState {
  log: StrictLmsLog
  cmi: Record<string, unknown>
}

/**
 * Opens the package in the fake LMS's frame, the LMS judging scores by the manifest's pass mark,
 * and resolves once the live player has taken over the first screen written in at export: that
 * screen shows the course's headings and links at once, before the player has fetched or sent
 * anything, so a test reading the page earlier would read the wrong one.
 */
export async function launch(page: Page, lms: FakeLmsServer, config: Omit<StrictLmsConfig, 'launch'>): Promise<FrameLocator> {
  await page.goto(lms.url)
  await page.evaluate(installStrictLms, { masteryScore: lms.masteryScore, ...config, launch: '/pkg/index.html' })
  const course = page.frameLocator('iframe[title="Course"]')
  await course.locator('#app:not([inert])').waitFor({ state: 'attached' })
  return course
}

export function lmsState(page: Page): Promise<LmsState> {
  return page.evaluate(() => {
    const lms = (window as unknown as { lms: { log: StrictLmsLog; api: { cmi: unknown } } }).lms
    return { log: lms.log, cmi: JSON.parse(JSON.stringify(lms.api.cmi)) as Record<string, unknown> }
  })
}

/** What the LMS keeps for the next launch: the data model less the write-only journal. */
export function storedFor(version: StrictLmsConfig['version'], cmi: Record<string, unknown>): Record<string, unknown> {
  const { interactions: _journal, objectives: _objectives, ...kept } = cmi
  return version === 'scorm12' ? { ...kept, core: { ...(kept.core as object), entry: 'resume' } } : { ...kept, entry: 'resume' }
}

/** Closes the course as a learner closing its window would, and waits for the SCO to finish. */
export async function closeCourse(page: Page): Promise<LmsState> {
  await page.evaluate(() => {
    const frame = document.querySelector('iframe')
    if (frame) frame.src = 'about:blank'
  })
  await expect.poll(async () => (await lmsState(page)).log.finished).toBe(true)
  return lmsState(page)
}
