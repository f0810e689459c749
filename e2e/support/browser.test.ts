import { describe, expect, it } from 'vitest'
import { chromiumLaunchOptions, findChromium, INSTALL_HINT, SYSTEM_CHROMIUM, type BrowserLookup } from './browser'

const PLAYWRIGHTS = '/home/dev/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'

/** A machine holding exactly `files`, with the given environment. */
function machine(files: string[], env: Record<string, string | undefined> = {}, playwrightChromium: () => string = () => PLAYWRIGHTS): BrowserLookup {
  return { env, exists: (file) => files.includes(file), playwrightChromium }
}

describe('findChromium', () => {
  it('takes the Chromium CHROMIUM_PATH names before any other', () => {
    expect(findChromium(machine(['/opt/chrome', SYSTEM_CHROMIUM, PLAYWRIGHTS], { CHROMIUM_PATH: '/opt/chrome' }))).toBe('/opt/chrome')
  })

  it('refuses a CHROMIUM_PATH that does not exist rather than quietly using another browser', () => {
    expect(() => findChromium(machine([SYSTEM_CHROMIUM], { CHROMIUM_PATH: '/opt/missing' }))).toThrow('CHROMIUM_PATH is /opt/missing, which does not exist')
  })

  it('ignores an empty CHROMIUM_PATH', () => {
    expect(findChromium(machine([SYSTEM_CHROMIUM], { CHROMIUM_PATH: '' }))).toBe(SYSTEM_CHROMIUM)
  })

  it("uses Debian's Chromium where it is installed, before Playwright's", () => {
    expect(findChromium(machine([SYSTEM_CHROMIUM, PLAYWRIGHTS]))).toBe('/usr/bin/chromium')
  })

  it("uses Playwright's own Chromium once downloaded (macOS, Windows, other Linux)", () => {
    expect(findChromium(machine([PLAYWRIGHTS]))).toBe(PLAYWRIGHTS)
  })

  it('says which command installs a browser when there is none', () => {
    expect(() => findChromium(machine([]))).toThrow(`Run \`${INSTALL_HINT}\``)
    expect(INSTALL_HINT).toBe('npx playwright install chromium')
  })

  it('says the same when Playwright has no Chromium for this platform', () => {
    const unsupported = machine([], {}, () => {
      throw new Error('unsupported platform')
    })
    expect(() => findChromium(unsupported)).toThrow(INSTALL_HINT)
  })
})

describe('chromiumLaunchOptions', () => {
  it('launches the Chromium found with the flags that keep a run on this machine', () => {
    expect(chromiumLaunchOptions(machine([SYSTEM_CHROMIUM]))).toEqual({
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  })
})
