import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

const __dirname = dirname(fileURLToPath(import.meta.url))

/** The civic-learn command: a plain Node program built beside the desktop app in out/. */
export default defineConfig({
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    ssr: resolve(__dirname, 'src/cli/index.ts'),
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      // lowdb is published as ES modules only, so it is bundled into this CommonJS program.
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...Object.keys(pkg.dependencies).filter((name) => name !== 'lowdb')],
      output: { format: 'cjs', entryFileNames: 'index.js', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: [] },
})
