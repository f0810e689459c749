import path from 'node:path'

/**
 * The branding overlay named on the command line, as the web host takes it: `--branding <file>`
 * or `--branding=<file>`, relative to the folder the app was started from. Council IT can then
 * point a desktop shortcut at an overlay kept outside the courses folder. `problem` says what was
 * wrong with the option, which the app logs and otherwise ignores.
 */
export function brandingArgument(argv: readonly string[], cwd: string): { file?: string; problem?: string } {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? ''
    const value = argument.startsWith('--branding=') ? argument.slice('--branding='.length) : argument === '--branding' ? argv[index + 1] : undefined
    if (value === undefined && argument !== '--branding') continue
    if (!value || value.startsWith('--')) return { problem: '--branding needs the path of an overlay file, e.g. --branding branding.yaml; the app starts with the overlay in the courses folder, if any.' }
    return { file: path.resolve(cwd, value) }
  }
  return {}
}
