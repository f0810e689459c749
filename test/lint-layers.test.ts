import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '..')
/**
 * The project's own config, less its one type-aware rule: the probes are snippets linted as files
 * that do not exist, which no tsconfig includes, and the layer rules need no types.
 */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/switch-exhaustiveness-check': 'off' } },
})
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
const LAYERS = ['core', 'node', 'main', 'preload', 'renderer', 'player', 'cli'] as const
type Layer = (typeof LAYERS)[number]
/** Layers that run from node_modules (the Electron main process, its preload, the CLI), not from a Vite bundle. */
const RUNTIME: Layer[] = ['core', 'node', 'main', 'preload', 'cli']
const RULE = 'boundaries/dependencies'
/** The first ESLint run loads every plugin and parser: tens of seconds on a loaded machine. */
const TIMEOUT = 300_000

/** Lints a snippet as if it were the given file (which need not exist). */
async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result?.messages ?? []
}

/** The file a relative import resolves to (as Vite and the lint resolver find it), or null. */
function resolveLocal(file: string, specifier: string): string | null {
  const base = path.resolve(root, path.dirname(file), specifier)
  const isFile = (candidate: string) => statSync(candidate, { throwIfNoEntry: false })?.isFile() === true
  return [base, `${base}.ts`, `${base}.vue`, path.join(base, 'index.ts')].find(isFile) ?? null
}

const importOf = (specifier: string) => `import * as probe from '${specifier}'\nexport const x = probe\n`

/**
 * Imports each layer may not make, by resolved path (so src/renderer/components/player is the
 * renderer, src/player the player) and by package. Every relative probe names a module that
 * exists, so that what fails is the layer rule and not a missing file.
 */
const FORBIDDEN: [file: string, specifier: string][] = [
  ['src/core/bad.ts', 'node:path'],
  ['src/core/bad.ts', 'fs'],
  ['src/core/bad.ts', 'vue'],
  ['src/core/bad.ts', 'electron'],
  ['src/core/bad.ts', 'lowdb'],
  ['src/core/bad.ts', 'yazl'],
  ['src/core/bad.ts', 'pdf-lib'],
  ['src/core/bad.ts', '../node/course-catalog'],
  ['src/core/bad.ts', '../renderer/i18n'],
  ['src/node/bad.ts', 'electron'],
  ['src/node/bad.ts', 'vue'],
  ['src/node/bad.ts', '../main/args'],
  ['src/node/bad.ts', '../cli/main'],
  ['src/node/bad.ts', '../renderer/i18n'],
  ['src/main/bad.ts', '../renderer/App.vue'],
  ['src/main/bad.ts', '../player/scorm-runtime'],
  ['src/main/bad.ts', '../cli/main'],
  ['src/main/bad.ts', 'vue'],
  ['src/preload/bad.ts', 'node:fs'],
  ['src/preload/bad.ts', 'lowdb'],
  ['src/preload/bad.ts', '../node/paths'],
  ['src/renderer/pages/BadPage.ts', 'node:fs'],
  ['src/renderer/pages/BadPage.ts', 'fs'],
  ['src/renderer/stores/bad.ts', 'electron'],
  ['src/renderer/stores/bad.ts', 'lowdb'],
  ['src/renderer/stores/bad.ts', 'yazl'],
  ['src/renderer/stores/bad.ts', 'yauzl'],
  ['src/renderer/stores/bad.ts', '../../node/paths'],
  ['src/renderer/pages/BadPage.ts', '../../player/progress-tracker'],
  ['src/renderer/components/player/bad.ts', '../../../player/scorm-runtime'],
  ['src/player/bad.ts', 'zod'],
  ['src/player/bad.ts', 'node:fs'],
  ['src/player/bad.ts', '../node/paths'],
  ['src/player/bad.ts', '../main/args'],
  ['src/cli/bad.ts', 'electron'],
  ['src/cli/bad.ts', 'vue'],
  ['src/cli/bad.ts', '../main/args'],
  ['src/cli/bad.ts', '../renderer/i18n'],
  // Test tools and helpers are for tests only, and a test obeys its layer otherwise.
  ['src/node/bad.ts', 'vitest'],
  ['src/node/bad.ts', '../../test/support/scorm-courses'],
  ['src/core/bad.test.ts', '../node/paths'],
  ['src/renderer/stores/bad.test.ts', 'lowdb'],
]

/** Imports each layer may make: a module of its own or a lower layer, and its own packages. */
const ALLOWED: [file: string, specifier: string][] = [
  ['src/core/good.ts', './api'],
  ['src/core/good.ts', 'zod'],
  ['src/node/good.ts', 'node:path'],
  ['src/node/good.ts', '../core/api'],
  ['src/node/good.ts', 'lowdb'],
  ['src/node/good.ts', 'yazl'],
  ['src/main/good.ts', 'electron'],
  ['src/main/good.ts', '../node/paths'],
  ['src/preload/good.ts', 'electron'],
  ['src/preload/good.ts', '../core/api/methods'],
  ['src/renderer/stores/good.ts', '../../core/api'],
  ['src/renderer/stores/good.ts', 'pinia'],
  ['src/renderer/pages/GoodPage.ts', '../components/player/player-navigation'],
  ['src/player/good.ts', '../renderer/i18n'],
  ['src/player/good.ts', '../core/api/methods'],
  ['src/player/good.ts', 'vue'],
  ['src/cli/good.ts', 'node:fs'],
  ['src/cli/good.ts', '../node/paths'],
  ['src/core/good.test.ts', 'vitest'],
  ['src/core/good.test.ts', '../../test/support/scorm-courses'],
  ['src/renderer/stores/good.test.ts', '@vue/test-utils'],
]

describe('layer boundaries (DESIGN.md) are enforced by lint', { timeout: TIMEOUT }, () => {
  it.each([...FORBIDDEN, ...ALLOWED].filter(([, specifier]) => specifier.startsWith('.')))('%s: the probe %s names a module that exists', (file, specifier) => {
    expect(resolveLocal(file, specifier)).not.toBeNull()
  })

  it.each(FORBIDDEN)('%s may not import %s', async (file, specifier) => {
    const messages = await lint(file, importOf(specifier))
    expect(messages.map((message) => message.ruleId)).toContain(RULE)
  })

  it.each(ALLOWED)('%s may import %s', async (file, specifier) => {
    expect(await lint(file, importOf(specifier))).toEqual([])
  })

  it('rejects DOM and Node globals in src/core', async () => {
    for (const code of ['export const x = () => document.title\n', 'export const x = () => process.env\n']) {
      expect((await lint('src/core/bad.ts', code)).map((message) => message.ruleId)).toContain('no-restricted-globals')
    }
  })
})

describe('every npm package has a layer', { timeout: TIMEOUT }, () => {
  const packages = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].sort()
  const allowed = new Map<Layer, string[]>()
  const layersAllowing = (name: string) => LAYERS.filter((layer) => allowed.get(layer)?.includes(name))

  beforeAll(async () => {
    // One probe per layer importing every package of package.json, one a line.
    const code = `${packages.map((name, index) => `import * as p${index} from '${name}'`).join('\n')}\nexport const all = [${packages.map((_, index) => `p${index}`).join(', ')}]\n`
    for (const layer of LAYERS) {
      const refused = new Set((await lint(`src/${layer}/probe.ts`, code)).filter((message) => message.ruleId === RULE).map((message) => packages[message.line - 1]))
      allowed.set(layer, packages.filter((name) => !refused.has(name)))
    }
  }, TIMEOUT)

  it('places every dependency in a layer', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => layersAllowing(name).length === 0)).toEqual([])
  })

  it('ships what the Electron main process, its preload and the CLI load from node_modules at run time', () => {
    // electron is the runtime itself, and electron-builder wants it among the devDependencies.
    const needed = new Set(RUNTIME.flatMap((layer) => allowed.get(layer) ?? []))
    expect([...needed].filter((name) => !(name in pkg.dependencies) && name !== 'electron')).toEqual([])
  })

  it('keeps the packages only the renderer and the player use (Vite bundles them) out of the dependencies', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => layersAllowing(name).every((layer) => !RUNTIME.includes(layer)))).toEqual([])
  })

  it('confines Node-only, Electron and Vue packages to their layers, and keeps zod out of the player', () => {
    for (const name of ['lowdb', 'yazl', 'yauzl', 'pdf-lib']) expect(layersAllowing(name), name).toEqual(['node'])
    expect(layersAllowing('electron')).toEqual(['main', 'preload'])
    for (const name of ['vue', 'pinia', 'vue-router', 'vue-i18n']) expect(layersAllowing(name), name).toEqual(['renderer', 'player'])
    expect(layersAllowing('zod')).toEqual(['core', 'node', 'main'])
    for (const name of ['vitest', 'eslint', 'vite', 'electron-builder', '@playwright/test']) expect(layersAllowing(name), name).toEqual([])
  })
})
