import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { brandingArgument } from './args'

const cwd = path.resolve('/council/shortcuts')

describe('brandingArgument', () => {
  it('takes --branding <file> and --branding=<file>, relative to where the app started', () => {
    expect(brandingArgument(['/opt/Civic Learn/civic-learn', '--branding', 'anytown.yaml'], cwd)).toEqual({ file: path.join(cwd, 'anytown.yaml') })
    expect(brandingArgument(['electron', '.', '--no-sandbox', '--branding=../overlays/anytown.yaml'], cwd)).toEqual({ file: path.resolve(cwd, '../overlays/anytown.yaml') })
    const absolute = path.resolve('/etc/civic/branding.json')
    expect(brandingArgument(['civic-learn', '--branding', absolute], cwd)).toEqual({ file: absolute })
  })

  it('gives nothing when the option is absent', () => {
    expect(brandingArgument(['civic-learn', '--disable-gpu', '.'], cwd)).toEqual({})
  })

  it('says what is wrong when the option has no file', () => {
    for (const argv of [['civic-learn', '--branding'], ['civic-learn', '--branding='], ['civic-learn', '--branding', '--disable-gpu']]) {
      expect(brandingArgument(argv, cwd).problem, argv.join(' ')).toMatch(/--branding needs the path of an overlay file/)
      expect(brandingArgument(argv, cwd).file).toBeUndefined()
    }
  })
})
