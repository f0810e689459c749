import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinModules } from 'node:module'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { PLAYER_DEFINES, precompiledMessages } from './vite.player.config.mjs'

const __dirname = dirname(fileURLToPath(import.meta.url))

/**
 * The SCORM player's first-screen renderer (src/player/first-screen.ts): the player's own
 * components rendered in Node, which the exporter loads to write a package's first screen into
 * its index.html. One CommonJS file with everything it uses bundled in, so the command line and
 * the desktop app load it as they are, without the app's node_modules. Its styles are the
 * player's (out/player), so none are written here.
 */
export default defineConfig({
  // The player's root, as in vite.player.config.mts: scoped styles are named from each file's path
  // from the root, and the markup rendered here must carry the names the player's styles use.
  root: resolve(__dirname, 'src/player'),
  publicDir: false,
  plugins: [vue(), precompiledMessages([])],
  define: PLAYER_DEFINES,
  build: {
    outDir: resolve(__dirname, 'out/player-server'),
    emptyOutDir: true,
    ssr: resolve(__dirname, 'src/player/first-screen.ts'),
    target: 'node20',
    minify: true,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { format: 'cjs', entryFileNames: 'first-screen.js', codeSplitting: false },
    },
  },
  ssr: { noExternal: true, target: 'node' },
})
