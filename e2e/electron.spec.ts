import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { METHOD_NAMES } from '../src/core/api/methods'

const ROOT = path.resolve(__dirname, '..')
const BUILT_MAIN = path.join(ROOT, 'out', 'main', 'index.js')
const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run `npx electron --version` after a normal npm ci to enable'

/** The Electron executable, or null: without its binary, the electron package throws on require. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(__filename)('electron')
    return typeof binary === 'string' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
if (binary === null) {
  console.log(`Skipping the Electron end-to-end tests: ${SKIP_REASON}`)
  test.skip(true, SKIP_REASON)
}

let app: ElectronApplication
let page: Page
let configHome: string

test.beforeEach(async () => {
  expect(existsSync(BUILT_MAIN), 'build the app first (npm run build)').toBe(true)
  configHome = await mkdtemp(path.join(os.tmpdir(), 'civic-electron-e2e-'))
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      // A dev shell's renderer URL would make the app load the dev server instead of the build.
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL',
    ),
  )
  app = await _electron.launch({
    executablePath: binary ?? undefined,
    // The project folder, not out/main/index.js: Electron then reads package.json (name, version,
    // main) and the app path is the folder whose courses/ the app lists, as `npm start` does.
    args: [ROOT],
    cwd: ROOT,
    // On Linux, userData lives under XDG_CONFIG_HOME: a fresh one keeps the learner's own settings
    // out of the test and gives each run its own single-instance lock.
    env: { ...env, XDG_CONFIG_HOME: configHome },
  })
  page = await app.firstWindow()
})

test.afterEach(async () => {
  await app.close()
  await rm(configHome, { recursive: true, force: true })
})

test('the home window shows Civic Learn and the course list', async () => {
  expect(new URL(page.url()).protocol).toBe('civic:')
  await expect(page).toHaveTitle(/Civic Learn/)
  await expect(page.getByRole('banner')).toContainText('Civic Learn')
  await expect(page.getByRole('heading', { level: 1, name: 'Your courses' })).toBeVisible()
  // The course for councillors first; the example for course authors after it, apart.
  await expect(page.getByTestId('course-list').getByRole('heading', { level: 2 })).toHaveText([/social media/i])
  await expect(page.getByTestId('example-list').getByRole('heading', { level: 2, name: 'First steps with Civic Learn' })).toBeVisible()
  await expect(page.getByRole('contentinfo')).toContainText('Desktop app')
})

test('the page gets the contract bridge and nothing of Node or Electron', async () => {
  await expect(page.getByTestId('course-list')).toBeVisible()
  const surface = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>
    const bridge = scope.civic as Record<string, unknown>
    return {
      methods: Object.keys(bridge).sort(),
      allFunctions: Object.values(bridge).every((value) => typeof value === 'function'),
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
    }
  })
  expect(surface).toEqual({
    methods: [...METHOD_NAMES].sort(),
    allFunctions: true,
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  })
})

test('the app protocol sends the CSP, and new windows are refused', async () => {
  await expect(page.getByTestId('course-list')).toBeVisible()
  const policy = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'))
  expect(policy).toContain("default-src 'none'")
  expect(policy).toContain("frame-ancestors 'none'")
  // file: is never handed to the system, so nothing opens outside the test either.
  expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true)
  expect(app.windows()).toHaveLength(1)
})

test('"Test this package" opens the exported package in a window of its own, without the API', async () => {
  await page.goto(`${new URL(page.url()).origin}/index.html#/export/example-first-steps`)
  await page.getByRole('button', { name: 'Export package' }).click()
  const opening = app.waitForEvent('window')
  await page.getByRole('link', { name: 'Test this package (opens a new window)' }).click()
  const preview = await opening
  expect(new URL(preview.url()).pathname).toBe('/preview.html')
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Test this package')
  await expect(preview.frameLocator('iframe.preview__frame').getByTestId('scorm-connection')).toHaveAttribute('data-connection', 'lms')
  await expect(preview.getByTestId('reported-status')).toContainText('incomplete')
  expect(await preview.evaluate(() => typeof (globalThis as unknown as Record<string, unknown>).civic)).toBe('undefined')
})
