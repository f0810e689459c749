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
  build: {
    outDir: resolve(__dirname, 'out/player'),
    emptyOutDir: true,
    minify: true,
    // One script and one stylesheet: fewer files for an LMS to serve, and no chunks to go missing.
    cssCodeSplit: false,
    rollupOptions: { input: resolve(__dirname, 'src/player/index.html'), output: { codeSplitting: false } },
  },
})
