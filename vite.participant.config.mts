import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const __dirname = dirname(fileURLToPath(import.meta.url))

/**
 * The page phones open to join a workshop (src/participant), built on its own into
 * out/participant and served only by the room server. Small on purpose: Vue's runtime, the
 * page and its strings, no router, no i18n library, nothing of the app's.
 */
export default defineConfig({
  root: resolve(__dirname, 'src/participant'),
  base: '/',
  publicDir: false,
  plugins: [vue()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: resolve(__dirname, 'out/participant'),
    emptyOutDir: true,
    minify: true,
    cssCodeSplit: false,
    rollupOptions: { input: resolve(__dirname, 'src/participant/index.html'), output: { codeSplitting: false } },
  },
})
