import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** WCAG 2.2 AA and axe's best practices: what every screen is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/**
 * axe's findings on a page as it is now, in the light and the dark scheme, as lines naming where.
 * Light gets every rule; dark gets colour contrast again, the one rule a colour scheme changes
 * (both schemes share one DOM and one stylesheet apart from the colour tokens). Animations are let
 * finish first, so contrast is measured on the colours that stay. `within` narrows the scan.
 */
export async function axeFindings(page: Page, where: string, within?: string): Promise<string[]> {
  const found: string[] = []
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    // A page that follows the system's theme hears of the change when it next renders (a page
    // in the background may not render at all: it is not waited for long).
    await page.evaluate(() => new Promise((resolve) => {
      requestAnimationFrame(resolve)
      setTimeout(resolve, 250)
    }))
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState === 'finished'))
    let builder = new AxeBuilder({ page })
    if (within) builder = builder.include(within)
    builder = scheme === 'light' ? builder.withTags(AXE_TAGS) : builder.withRules(['color-contrast'])
    const results = await builder.analyze()
    found.push(...results.violations.map((v) => `${where} (${scheme}): ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`))
  }
  return found
}
