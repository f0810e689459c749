import AxeBuilder from '@axe-core/playwright'
import axe from 'axe-core'
import type { Page } from '@playwright/test'

/** WCAG 2.2 AA and axe's best practices: what every screen is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

interface Violation {
  id: string
  help: string
  nodes: { target: unknown[] }[]
}

/**
 * axe's violations on the page as it is now. A page without frames gets axe once (it stays until
 * the page navigates) and runs it in place: putting axe's half a megabyte of script into the page
 * again for every scan was most of a walk's time on a loaded machine. A page with frames is scanned
 * through AxeBuilder, which carries axe into each frame.
 */
async function violations(page: Page, within: string | undefined, only: { tags: string[] } | { rules: string[] }): Promise<Violation[]> {
  if (page.frames().length > 1) {
    let builder = new AxeBuilder({ page })
    if (within) builder = builder.include(within)
    builder = 'tags' in only ? builder.withTags(only.tags) : builder.withRules(only.rules)
    return (await builder.analyze()).violations
  }
  // Evaluated, not a script tag: the app's CSP refuses inline scripts, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source)
  return page.evaluate(
    async ({ within, only }) => {
      const runner = (window as unknown as { axe: typeof axe }).axe
      const runOnly = 'tags' in only ? { type: 'tag' as const, values: only.tags } : { type: 'rule' as const, values: only.rules }
      const results = await runner.run(within ? { include: [[within]] } : document, { runOnly, resultTypes: ['violations'] })
      return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target as unknown[] })) }))
    },
    { within, only },
  )
}

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
    const seen = await violations(page, within, scheme === 'light' ? { tags: AXE_TAGS } : { rules: ['color-contrast'] })
    found.push(...seen.map((v) => `${where} (${scheme}): ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`))
  }
  return found
}
