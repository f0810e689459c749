import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { baseCompile } from '@intlify/message-compiler'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { DEFAULT_LANGUAGE, UI_LANGUAGES } from './src/core/app-defaults'

const __dirname = dirname(fileURLToPath(import.meta.url))

const CATALOGUE = /[\\/]locales[\\/]([a-z]{2})[\\/][\w-]+\.json$/

/**
 * The UI languages whose strings the player fetches when a learner chooses them (from
 * `ui/<language>.json`, see src/player/ui-strings.ts) rather than carrying in its script: all but
 * the default. Most learners read one language, and every learner loads the whole script.
 */
const FETCHED_UI_LANGUAGES: readonly string[] = UI_LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE)

/**
 * vue-i18n's runtime answers a message with a static text (`s`) from that text alone, so the
 * parts it was compiled from (`i`) are left out: most UI strings are static.
 */
function withoutStaticItems(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutStaticItems)
  if (typeof node !== 'object' || node === null) return node
  const entries = Object.entries(node).filter(([key]) => !(key === 'i' && 's' in node))
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutStaticItems(value)]))
}

/**
 * The UI strings as vue-i18n message ASTs instead of source text, so the player ships without
 * vue-i18n's message compiler (__INTLIFY_DROP_MESSAGE_COMPILER__). A message that does not compile
 * fails the build rather than showing its key to a learner. The strings of the fetched languages
 * go to their own files instead of the script (their modules are left empty); the first-screen
 * renderer, which runs at export, fetches nothing and keeps them all.
 */
export function precompiledMessages(fetchedLanguages: readonly string[] = FETCHED_UI_LANGUAGES): Plugin {
  /** The fetched languages' strings, by language, as the files they are written to. */
  const fetched = new Map<string, Record<string, unknown>>()
  const compile = (value: unknown, file: string, key: string): unknown => {
    if (typeof value === 'string') {
      return withoutStaticItems(baseCompile(value, {
        jit: true,
        // One-letter property names, which vue-i18n's runtime reads as well as the long ones.
        minify: true,
        location: false,
        onError: (error) => {
          throw new Error(`${file}: message ${key} does not compile: ${error.message}`)
        },
      }).ast)
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, compile(item, file, key ? `${key}.${name}` : name)]))
    }
    return value
  }
  return {
    name: 'civic-learn:precompiled-messages',
    enforce: 'pre',
    buildStart() {
      fetched.clear()
    },
    transform(code, id) {
      const language = CATALOGUE.exec(id)?.[1]
      if (!language) return null
      const messages = compile(JSON.parse(code), id, '') as Record<string, unknown>
      if (!fetchedLanguages.includes(language)) return { code: JSON.stringify(messages), map: null }
      // Each file's top-level key is its area, so the areas of a language merge side by side.
      fetched.set(language, { ...fetched.get(language), ...messages })
      return { code: '{}', map: null }
    },
    generateBundle() {
      for (const [language, messages] of fetched) this.emitFile({ type: 'asset', fileName: `ui/${language}.json`, source: JSON.stringify(messages) })
    },
  }
}

/**
 * The SCORM player: the renderer's app with a SCORM transport, built on its own into out/player,
 * from where the exporter copies it into every package. Relative paths (base './') because an
 * LMS serves a package from a folder of its choosing.
 */
/**
 * The app uses the Composition API only (vue-i18n in composition mode): leaving out the Options
 * API, the legacy i18n API, devtools hooks and the message compiler (messages come precompiled)
 * keeps the package's runtime small. The first-screen renderer (vite.player-server.config.mts)
 * is built the same way.
 */
export const PLAYER_DEFINES = {
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
}

export default defineConfig({
  root: resolve(__dirname, 'src/player'),
  base: './',
  publicDir: false,
  plugins: [vue(), precompiledMessages()],
  define: PLAYER_DEFINES,
  build: {
    outDir: resolve(__dirname, 'out/player'),
    emptyOutDir: true,
    minify: true,
    // One script and one stylesheet: fewer files for an LMS to serve, and no chunks to go missing.
    cssCodeSplit: false,
    rollupOptions: { input: resolve(__dirname, 'src/player/index.html'), output: { codeSplitting: false } },
  },
})
