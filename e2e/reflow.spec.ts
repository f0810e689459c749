import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { AXE_TAGS } from './support/axe'
import { SCREENS } from './support/screens'
import { startWebHost } from './support/web-host'
import { TOKEN_HEADER } from '../src/core/app-meta'

/**
 * WCAG 2.2's reflow (1.4.10): every screen at 320 CSS pixels, a small phone, and at 640, which is
 * a 1280-pixel window at 200% zoom, with nothing scrolling sideways. At 320 px axe scans each
 * screen too (the target-size rule among its checks: narrow layouts are where it bites; at 640
 * px the layout is the 320 px one with more room, and a scan there found nothing more when this
 * test was written). The other tests scan each screen in both languages and themes at a desktop
 * width; colour does not change with the width.
 */
for (const width of [320, 640]) {
  const scan = width === 320
  test(`every screen at ${width} px (${scan ? 'a small phone' : '200% zoom'}): no sideways scrolling${scan ? ', and axe finds nothing' : ''}`, async ({ browser }) => {
    // A walk over every screen with a scan on each: only getting to the screens is slow.
    test.setTimeout(300_000)
    const host = await startWebHost()
    const context = await browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' })
    try {
      const page = await context.newPage()
      await page.goto(host.url)
      await page.getByTestId('course-list').waitFor()
      const findings: string[] = []
      for (const screen of SCREENS) {
        await page.evaluate((route) => (location.hash = `#${route}`), screen.route)
        await screen.ready(page)
        await screen.show?.(page)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        if (overflow > 0) findings.push(`${screen.name}: scrolls sideways by ${overflow} px`)
        if (!scan) continue
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
        findings.push(...results.violations.map((v) => `${screen.name}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`))
      }
      expect(findings).toEqual([])
    } finally {
      await context.close()
      await host.stop()
    }
  })
}

test('every screen in Welsh at 320 px: no sideways scrolling with the longer words, and axe finds nothing', async ({ browser }) => {
  test.setTimeout(300_000)
  const host = await startWebHost()
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, reducedMotion: 'reduce' })
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    await page.getByTestId('course-list').waitFor()
    await page.evaluate(
      async ({ header, token }) => fetch('/api/settings.update', { method: 'POST', headers: { 'Content-Type': 'application/json', [header]: token }, body: JSON.stringify({ language: 'cy' }) }),
      { header: TOKEN_HEADER, token: host.token },
    )
    // Start on Settings, so that going to the library, the first screen, changes the heading too.
    await page.goto(`${host.url}#/settings`)
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Gosodiadau' }).waitFor()
    const findings: string[] = []
    // Each route once: the screens' own readiness checks look for English words, so here a screen is
    // ready when its main heading has changed and the page has fetched what it needs.
    for (const route of new Set(SCREENS.map((screen) => screen.route))) {
      const before = await page.locator('h1').first().textContent()
      await page.evaluate((to) => (location.hash = `#${to}`), route)
      await expect(page.locator('h1').first()).not.toHaveText(before ?? '')
      await page.waitForLoadState('networkidle')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (overflow > 0) findings.push(`${route}: scrolls sideways by ${overflow} px`)
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
      findings.push(...results.violations.map((v) => `${route}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`))
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('cy')
    expect(findings).toEqual([])
  } finally {
    await context.close()
    await host.stop()
  }
})
