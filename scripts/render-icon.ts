// Renders resources/icon.svg to the PNG electron-builder turns into each platform's icon format.
// Run after editing the SVG: node scripts/render-icon.mjs (needs Chromium; set CHROMIUM_PATH).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const svg = await readFile(path.join(root, 'resources/icon.svg'), 'utf8')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body>`)
await page.locator('svg').screenshot({ path: path.join(root, 'resources/icon.png'), omitBackground: true })
await browser.close()
