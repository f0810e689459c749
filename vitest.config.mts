import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

/**
 * Suites whose work is large by design: killed processes (twice 100), 10,000 fuzzed courses, ESLint over
 * the layer probes, an external package checker. Each is bounded by a count, never by the clock,
 * and runs in the 'heavy' project after the others, with timeouts sized for a 2-core machine
 * under full load (each file sets its own).
 */
const HEAVY = ['test/store-crash.test.ts', 'test/api-crash.test.ts', 'test/scorm-check.test.ts', 'test/lint-layers.test.ts', 'src/node/course-fuzz.test.ts']

/**
 * Unit tests prove behaviour, not speed: their timeout only catches a hang, so it is far above
 * what any of them takes on a loaded machine (a test that waits for time uses fake timers).
 */
const HANG = 60_000

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{core,node,main,preload,cli}/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts', 'e2e/support/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...HEAVY],
          testTimeout: HANG,
          hookTimeout: HANG,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.ts', 'src/player/**/*.test.ts', 'src/participant/**/*.test.ts'],
          setupFiles: ['src/renderer/test-setup.ts'],
          testTimeout: HANG,
          hookTimeout: HANG,
        },
      },
      {
        test: {
          name: 'heavy',
          environment: 'node',
          include: HEAVY,
          testTimeout: HANG,
          hookTimeout: HANG,
          // After the other projects, so the quick tests never share the cores with these.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
