import { describe, expect, it } from 'vitest'
import { BrandingOverlaySchema, contrastProblems } from './branding'
import { contrastRatio } from './colour'

describe('branding overlay', () => {
  it('measures contrast as WCAG 2 does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })

  it('names every pair below AA', () => {
    expect(contrastProblems({ text: '#1b1f24', background: '#ffffff', accent: '#00558c', accentText: '#ffffff' })).toEqual([])
    expect(contrastProblems({ text: '#777777', background: '#ffffff', accent: '#ffcc00', accentText: '#ffffff' })).toEqual([
      'colours.text (#777777) on colours.background (#ffffff) has a contrast of 4.48:1; WCAG AA needs at least 4.5:1.',
      'colours.accentText (#ffffff) on colours.accent (#ffcc00) has a contrast of 1.51:1; WCAG AA needs at least 4.5:1.',
      'colours.accent (#ffcc00) on colours.background (#ffffff) has a contrast of 1.51:1; WCAG AA needs at least 4.5:1.',
    ])
  })

  it('hides no module unless told', () => {
    expect(BrandingOverlaySchema.parse({ organisation: 'Anytown' }).hideModules).toEqual([])
    expect(BrandingOverlaySchema.safeParse({ organisation: 'Anytown', hideModules: ['Not An Id'] }).success).toBe(false)
  })
})
