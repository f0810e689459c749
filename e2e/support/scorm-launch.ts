import type { FrameLocator, Page } from '@playwright/test'
import { installStrictLms, type FakeLmsServer, type StrictLmsConfig, type StrictLmsLog } from './fake-lms'

export interface LmsState {
  log: StrictLmsLog
  cmi: Record<string, unknown>
}

/** Opens the package in the fake LMS's frame, the LMS judging scores by the manifest's pass mark. */
export async function launch(page: Page, lms: FakeLmsServer, config: Omit<StrictLmsConfig, 'launch'>): Promise<FrameLocator> {
  await page.goto(lms.url)
  await page.evaluate(installStrictLms, { masteryScore: lms.masteryScore, ...config, launch: '/pkg/index.html' })
  return page.frameLocator('iframe[title="Course"]')
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
