// Renders resources/icon.svg to the PNG electron-builder turns into each platform's icon format.
// Run after editing the SVG: npx tsx scripts/render-icon.ts (needs Chromium: see e2e/support/browser.ts).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../e2e/support/browser'

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..')
  const svg = await readFile(path.join(root, 'resources/icon.svg'), 'utf8')
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
    await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body>`)
    await page.locator('svg').screenshot({ path: path.join(root, 'resources/icon.png'), omitBackground: true })
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.message : error)}\n`)
  process.exitCode = 1
})
