import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

const __dirname = dirname(fileURLToPath(import.meta.url))

/** Dependencies left for Node to load from node_modules when first needed. */
const LOADED_LATER = ['pdf-lib', '@pdf-lib/fontkit', 'dejavu-fonts-ttf']

/** The civic-learn command: a plain Node program built beside the desktop app in out/. */
export default defineConfig({
  resolve: {
    // markdown-it needs only the decoder; the package's index also builds the encoder's tables at load.
    alias: [{ find: /^entities$/, replacement: 'entities/lib/decode.js' }],
  },
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    sourcemap: true,
    // Less to parse at every start of a command; the source map keeps stack traces readable.
    minify: true,
    rollupOptions: {
      // The libraries every command needs (zod, the YAML and Markdown parsers, lowdb) are bundled in:
      // resolving and loading their hundreds of files was most of a command's start-up. The PDF
      // libraries and their font stay outside, loaded on the first certificate or notebook.
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...LOADED_LATER],
      // The command, and the course loader's own thread (src/node/course-worker.ts).
      input: { index: resolve(__dirname, 'src/cli/index.ts'), 'course-worker': resolve(__dirname, 'src/node/course-worker.ts') },
      output: { format: 'cjs', entryFileNames: '[name].js', banner: (chunk) => (chunk.name === 'index' ? '#!/usr/bin/env node' : '') },
    },
  },
  ssr: { noExternal: Object.keys(pkg.dependencies).filter((name) => !LOADED_LATER.includes(name)) },
})
