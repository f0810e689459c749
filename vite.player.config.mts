import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const __dirname = dirname(fileURLToPath(import.meta.url))

/**
 * The SCORM player: the renderer's app with a SCORM transport, built on its own into out/player,
 * from where the exporter copies it into every package. Relative paths (base './') because an
 * LMS serves a package from a folder of its choosing.
 */
export default defineConfig({
  root: resolve(__dirname, 'src/player'),
  base: './',
  publicDir: false,
  plugins: [vue()],
  // The app uses the Composition API only (vue-i18n in composition mode): leaving out the Options
  // API, the legacy i18n API and devtools hooks keeps the package's runtime small.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: resolve(__dirname, 'out/player'),
    emptyOutDir: true,
    minify: true,
    // One script and one stylesheet: fewer files for an LMS to serve, and no chunks to go missing.
    cssCodeSplit: false,
    rollupOptions: { input: resolve(__dirname, 'src/player/index.html'), output: { codeSplitting: false } },
  },
})
