import { expect, test } from '@playwright/test'
import { axeFindings } from './support/axe'

/**
 * The scans every walk relies on find what they must: axe put into the page once and run in
 * place, again after that, within a part of the page, and through AxeBuilder where there are frames.
 */
const FAULTY = `<!doctype html><html lang="en"><head><title>Faults</title></head><body><main>
  <h1>Faults</h1><img src="missing.png"><p style="color:#aaa;background:#fff">Faint words</p>
  <div class="inside"><button></button></div></main></body></html>`

test('axeFindings finds missing names and poor contrast, in both schemes, again on a second scan, and only within the part asked for', async ({ page }) => {
  await page.setContent(FAULTY)
  const findings = await axeFindings(page, 'faults')
  expect(findings.filter((line) => line.startsWith('faults (light): image-alt'))).toHaveLength(1)
  expect(findings.filter((line) => line.startsWith('faults (light): button-name'))).toHaveLength(1)
  expect(findings.filter((line) => / color-contrast: /.test(line)).map((line) => line.slice(0, 14))).toEqual(['faults (light)', 'faults (dark):'])
  // axe stays in the page: the next scan runs it again rather than trusting an old result.
  await page.evaluate(() => document.querySelector('img')?.setAttribute('alt', 'A picture'))
  const again = await axeFindings(page, 'again')
  expect(again.some((line) => line.includes('image-alt'))).toBe(false)
  expect(again.some((line) => line.includes('button-name'))).toBe(true)
  expect((await axeFindings(page, 'inside', '.inside')).map((line) => line.split(': ')[1])).toEqual(['button-name'])
})

test('axeFindings scans a page with frames through AxeBuilder, frames included', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Framed</title></head><body><main><h1>Framed</h1><iframe title="Inner" srcdoc="<!doctype html><html lang='en'><title>Inner</title><body><img src='x.png'></body></html>"></iframe></main></body></html>`)
  await expect.poll(() => page.frames().length).toBe(2)
  await page.frames()[1]!.waitForLoadState()
  expect((await axeFindings(page, 'framed')).some((line) => line.includes('image-alt'))).toBe(true)
})
