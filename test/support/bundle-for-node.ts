import { build } from 'esbuild'

/**
 * Bundles a TypeScript entry and what it imports into one CommonJS file Node runs directly: for
 * the child processes and threads tests start, once, so each start takes milliseconds (the
 * course loader's thread is built this way as the CLI and main bundles build it).
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' })
}
