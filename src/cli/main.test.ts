import { describe, expect, it, vi } from 'vitest'
import { runCli, stopServing, USAGE } from './main'

async function run(argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) }, { version: '9.9.9', baseDir: '.' })
  return { code, out, err }
}

describe('civic-learn CLI', () => {
  it.each([
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [[], 'No command given.'],
    [['serve', '--colour', 'blue'], "Unknown option '--colour'"],
    [['serve', '--port'], "Option '--port <value>' argument missing"],
    [['serve', 'extra'], "Unexpected argument 'extra'"],
    [['serve', '--port', 'eighty'], '--port must be a number from 0 to 65535, not "eighty".'],
    [['serve', '--port', '70000'], '--port must be a number from 0 to 65535'],
    [['serve', '--branding'], "Option '--branding <value>' argument missing"],
    [['serve', '--branding', 'no-such-branding.yaml'], '--branding names no file:'],
    [['serve', '--room-address', '192.168.1.20'], '--room-address takes a loopback address (127.x.x.x), not "192.168.1.20"'],
    [['serve', '--room-address', '127.0.0.2', '--room-address', 'localhost'], 'not "localhost"'],
  ])('%j prints what is wrong and the usage, and exits 2', async (argv, message) => {
    const { code, err, out } = await run(argv)
    expect(code).toBe(2)
    expect(err).toContain(message)
    expect(err).toContain(USAGE)
    expect(out).toBe('')
  })

  it('documents --branding for serve in the usage', () => {
    expect(USAGE).toMatch(/--branding <file> +a branding overlay \(YAML or JSON\) for the app/)
  })

  it('prints usage for help and the version for --version', async () => {
    await expect(run(['help'])).resolves.toMatchObject({ code: 0, out: USAGE })
    // As the README has it: `npm run serve -- --help`, and any other command's --help.
    for (const argv of [['serve', '--help'], ['validate', '-h'], ['export', '--out', 'x.zip', '--help']]) await expect(run(argv)).resolves.toMatchObject({ code: 0, out: USAGE })
    await expect(run(['--version'])).resolves.toMatchObject({ code: 0, out: '9.9.9\n' })
  })

  it('explains how to build when the renderer is missing', async () => {
    const { code, err } = await run(['serve', '--port', '0'])
    expect(code).toBe(1)
    expect(err).toContain('npm run build')
  })
})

describe('stopping the web host', () => {
  it('exits 0 when everything is saved, and 1 with each unsaved file and where it was kept otherwise', async () => {
    const saved = { out: vi.fn(), err: vi.fn() }
    expect(await stopServing({ stop: async () => undefined }, saved)).toBe(0)
    expect(saved.err).not.toHaveBeenCalled()
    const full = { out: vi.fn(), err: vi.fn() }
    const failure = new Error('Civic Learn could not save settings.json: the disk is full (ENOSPC). Free some space, then try again. The changes it could not save were kept in settings.json.unsaved-2026-12-05.')
    expect(await stopServing({ stop: async () => Promise.reject(failure) }, full)).toBe(1)
    expect(full.err).toHaveBeenCalledWith(expect.stringMatching(/not everything could be saved:\nCivic Learn could not save settings\.json: the disk is full.*kept in/))
  })
})
