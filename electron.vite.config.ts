import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // lowdb is published as ES modules only; bundling it keeps the CommonJS main process simple.
      externalizeDeps: { exclude: ['lowdb'] },
      // The main process, and the course loader's own thread (src/node/course-worker.ts).
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts'), 'course-worker': resolve(__dirname, 'src/node/course-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // The app, and the window that tests an exported package in a strict LMS (src/renderer/preview).
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html'), preview: resolve(__dirname, 'src/renderer/preview.html') } },
    },
  },
})
