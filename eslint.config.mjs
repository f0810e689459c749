import { builtinModules } from 'node:module'
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')), ...builtinModules.map((name) => `node:${name}`)]

/** The layers of DESIGN.md: which folders each layer may not import from. */
const layerImport = (...layers) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
  message: `This layer may not import from src/${layers.join(', src/')} (see DESIGN.md, "Layers").`,
})
const noNode = { group: ['node:*'], message: 'Node modules are not available in this layer.' }
const restrict = (patterns, paths = []) => ['error', { patterns, paths }]
const forbidPackages = (names, why) => names.map((name) => ({ name, message: why }))
const nodeBuiltinPaths = forbidPackages(nodeBuiltins, 'Node modules are not available in this layer.')
const electronPath = forbidPackages(['electron'], 'Only src/main and src/preload may use Electron.')
const vuePackages = ['vue', 'vue-router', 'pinia', 'vue-i18n']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/component-api-style': ['error', ['script-setup']],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.name="eval"]', message: 'No eval.' }],
    },
  },
  {
    files: ['*.config.{ts,mjs,js}', 'scripts/**', 'e2e/**', 'src/node/**', 'src/cli/**', 'src/main/**', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': restrict(
        [noNode, layerImport('node', 'main', 'preload', 'renderer', 'cli', 'player')],
        [...nodeBuiltinPaths, ...electronPath, ...forbidPackages(vuePackages, 'src/core is pure TypeScript: no Vue.')],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/node/**'],
    rules: {
      'no-restricted-imports': restrict(
        [layerImport('main', 'preload', 'renderer', 'cli', 'player')],
        [...electronPath, ...forbidPackages(vuePackages, 'src/node has no UI.')],
      ),
    },
  },
  {
    files: ['src/main/**'],
    rules: {
      'no-restricted-imports': restrict(
        [layerImport('renderer', 'cli', 'player', 'preload')],
        forbidPackages(vuePackages, 'The Electron shell has no UI code.'),
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        [noNode, layerImport('node', 'main', 'renderer', 'cli', 'player')],
        [...nodeBuiltinPaths, ...forbidPackages(vuePackages, 'The preload only bridges the API.')],
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrict(
        [noNode, layerImport('node', 'main', 'preload', 'cli')],
        [...nodeBuiltinPaths, ...electronPath],
      ),
    },
  },
  {
    files: ['src/player/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [noNode, layerImport('node', 'main', 'preload', 'cli')],
        [...nodeBuiltinPaths, ...electronPath],
      ),
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': restrict(
        [layerImport('main', 'preload', 'renderer', 'player')],
        [...electronPath, ...forbidPackages(vuePackages, 'The CLI has no UI.')],
      ),
    },
  },
)
