import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers of DESIGN.md ("Layers"), checked on every import by the file it resolves to (so
 * src/renderer/components/player is renderer, src/player is the player) and on every npm package
 * by name. Everything is refused unless listed here:
 * - `layers`: the other layers it may import;
 * - `packages`: the npm packages it may import. Layers that run from node_modules at run time
 *   (core, node, main, preload, cli) may only list `dependencies`; renderer and player code is
 *   bundled by Vite, so their own packages are devDependencies (test/lint-layers.test.ts checks
 *   both, and that every dependency has a layer);
 * - `node`: whether it may use Node's built-in modules;
 * - `files`: other files of the repository it may import.
 * Tests beside the code (and the helpers only tests use) may also import test/support and
 * TEST_PACKAGES.
 */
const LAYERS = {
  core: { layers: [], node: false, packages: ['fastest-levenshtein', 'js-yaml', 'markdown-it', 'markdown-it-container', 'yaml', 'zod'] },
  node: {
    layers: ['core'],
    node: true,
    // dejavu-fonts-ttf is read by file (require.resolve), not imported, but belongs to this layer.
    packages: ['@pdf-lib/fontkit', 'csv-stringify', 'dejavu-fonts-ttf', 'js-yaml', 'lowdb', 'mime-types', 'pdf-lib', 'qrcode', 'range-parser', 'sanitize-html', 'ws', 'yaml', 'yauzl', 'yazl', 'zod'],
  },
  main: { layers: ['core', 'node'], node: true, packages: ['electron', 'zod'] },
  preload: { layers: ['core'], node: false, packages: ['electron'] },
  renderer: { layers: ['core'], node: false, packages: ['dompurify', 'lucide', 'minisearch', 'pinia', 'scorm-again', 'vue', 'vue-i18n', 'vue-router'] },
  // The player stays small: no zod (core's schema modules are not imported either, see progress-tracker.ts).
  player: { layers: ['core', 'renderer'], node: false, packages: ['lucide', 'pinia', 'vue', 'vue-i18n', 'vue-router'] },
  // The page phones open in a workshop: Vue and the session's types, nothing else (it must stay small).
  participant: { layers: ['core'], node: false, packages: ['vue'] },
  // The CLI prints the version it was built from.
  cli: { layers: ['core', 'node'], node: true, packages: [], files: ['package.json'] },
}

/** What tests beside the code may use on top of their layer's allowance. */
const TEST_PACKAGES = ['@vue/test-utils', 'fast-check', 'pdfjs-dist', 'scorm-again', 'vitest']

const layerMessage = 'src/{{from.type}} may not import {{#if to.type}}src/{{to.type}}{{else}}"{{dependency.source}}"{{/if}} (see DESIGN.md, "Layers", and LAYERS in eslint.config.mjs).'

const dependencies = (policies) => [
  'error',
  { default: 'disallow', checkAllOrigins: true, checkUnknownLocals: true, message: layerMessage, policies },
]

/** One block per layer, so that each file is judged against its own layer's allow-list alone. */
const layerBlocks = Object.entries(LAYERS).map(([layer, rule]) => ({
  files: [`src/${layer}/**`],
  rules: {
    'boundaries/dependencies': dependencies([
      {
        from: { element: { type: layer } },
        allow: [
          { to: { element: { type: [layer, ...rule.layers] } } },
          { to: { module: { origin: 'external', source: rule.packages } } },
          ...(rule.node ? [{ to: { module: { origin: 'core' } } }] : []),
          ...(rule.files ?? []).map((file) => ({ to: { file: { path: file } } })),
        ],
      },
      {
        from: { element: { type: layer }, file: { categories: 'test' } },
        allow: [
          { to: { element: { type: 'test-support' } } },
          { to: { module: { origin: 'external', source: TEST_PACKAGES } } },
          { to: { module: { origin: 'core' } } },
        ],
      },
    ]),
  },
}))

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
    files: ['*.config.{ts,mjs,js}', 'scripts/**', 'e2e/**', 'test/**', 'src/node/**', 'src/cli/**', 'src/main/**', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**', 'src/player/**', 'src/participant/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**', 'test/support/**'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': [
        ...Object.keys(LAYERS).map((layer) => ({ type: layer, pattern: `src/${layer}`, partialMatch: false })),
        { type: 'test-support', pattern: 'test/support', partialMatch: false },
      ],
      // Tests, and the helpers only tests import (block-testing.ts, test-setup.ts).
      'boundaries/files': [{ category: 'test', pattern: ['**/*.test.ts', '**/*-testing.ts', '**/test-setup.ts'] }],
      'import/resolver': { node: { extensions: ['.ts', '.mts', '.js', '.mjs', '.vue', '.json'] } },
    },
  },
  ...layerBlocks,
  {
    // Test helpers serve every layer's tests, and nothing ships them.
    files: ['test/support/**'],
    rules: {
      'boundaries/dependencies': dependencies([
        { from: { element: { type: 'test-support' } }, allow: [{ to: { element: { type: '*' } } }, { to: { module: { origin: ['external', 'core'] } } }] },
      ]),
    },
  },
  {
    // A switch over a union must name every member (or say what the rest do): a type added to a
    // union is then an error wherever it is not handled, instead of falling through silently.
    // Type-aware, so limited to the source files (tests and .vue templates are linted without types).
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }] },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
)
