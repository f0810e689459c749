import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/**
 * Flags for every Chromium the tests and scripts launch: no sandbox (CI runs as root), no GPU, and
 * no background traffic, updates or sync, so a run touches nothing outside this machine.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Debian's chromium package (the one .ci/run installs). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export const INSTALL_HINT = 'npx playwright install chromium'

/** What finding a browser looks at; the defaults are this machine's. */
export interface BrowserLookup {
  env: Record<string, string | undefined>
  exists: (file: string) => boolean
  /** Where Playwright keeps the Chromium `npx playwright install chromium` downloads. */
  playwrightChromium: () => string
}

const thisMachine: BrowserLookup = {
  env: process.env,
  exists: existsSync,
  playwrightChromium: () => chromium.executablePath(),
}

/**
 * The Chromium to drive, in this order: the one CHROMIUM_PATH names; Debian's; Playwright's own,
 * once downloaded. Throws one message saying what to install when there is none.
 */
export function findChromium(lookup: BrowserLookup = thisMachine): string {
  const named = lookup.env.CHROMIUM_PATH
  if (named) {
    if (lookup.exists(named)) return named
    throw new Error(`CHROMIUM_PATH is ${named}, which does not exist. Point it at a Chromium or Chrome executable, or unset it.`)
  }
  if (lookup.exists(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM
  let bundled: string | undefined
  try {
    bundled = lookup.playwrightChromium()
  } catch {
    // Playwright has no build for this platform; the message below still applies.
  }
  if (bundled && lookup.exists(bundled)) return bundled
  throw new Error(
    `No Chromium found for the end-to-end tests. Run \`${INSTALL_HINT}\` to download Playwright's ` +
      `(on Linux, \`npx playwright install --with-deps chromium\` also installs the libraries it needs), ` +
      `or install Debian's chromium package, or set CHROMIUM_PATH to a Chromium or Chrome executable.`,
  )
}

/** Launch options for playwright's `chromium.launch` and for `use.launchOptions`. */
export function chromiumLaunchOptions(lookup?: BrowserLookup): { executablePath: string; args: string[] } {
  return { executablePath: findChromium(lookup), args: [...CHROMIUM_ARGS] }
}
