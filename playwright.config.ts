import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/support/browser'

/**
 * End-to-end tests drive Chromium through the web host: the one CHROMIUM_PATH names, else
 * Debian's (/usr/bin/chromium, what CI installs), else Playwright's own once downloaded with
 * `npx playwright install chromium` (e2e/support/browser.ts).
 */
function launchOptions(): ReturnType<typeof chromiumLaunchOptions> {
  try {
    return chromiumLaunchOptions()
  } catch (error) {
    // What to install, alone: a stack trace through the config loader would only bury it.
    console.error((error as Error).message)
    process.exit(1)
  }
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Two files at a time, each test with its own web host, data folder and free ports: CI's two
  // cores are both used, and a file's tests still run in order. The axe walks over many screens
  // have four minutes each: under stress-ng beside a second worker one took over two.
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  reporter: [['list'], ['./e2e/support/skip-reasons-reporter.ts']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: launchOptions(),
    screenshot: 'only-on-failure',
  },
})
