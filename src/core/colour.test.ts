import { describe, expect, it } from 'vitest'
import { AA_CONTRAST, contrastRatio, DARK_ACCENT_TEXT, DARK_BACKGROUNDS, darkAccent } from './colour'

describe('darkAccent', () => {
  it.each(['#6a1b4d', '#00558c', '#1b6b32', '#000000', '#9a4d00', '#7cc4ff'])('makes %s read at AA on the dark theme, with the dark accent text on it', (accent) => {
    const dark = darkAccent(accent)
    for (const background of DARK_BACKGROUNDS) expect(contrastRatio(dark, background)).toBeGreaterThanOrEqual(AA_CONTRAST)
    expect(contrastRatio(dark, DARK_ACCENT_TEXT)).toBeGreaterThanOrEqual(AA_CONTRAST)
  })

  it('keeps the council’s colour: it only mixes in white, so the hue stays and a light enough colour stays as it is', () => {
    expect(darkAccent('#7cc4ff')).toBe('#7cc4ff')
    const [r, g, b] = [1, 3, 5].map((offset) => parseInt(darkAccent('#6a1b4d').slice(offset, offset + 2), 16)) as [number, number, number]
    // Maroon stays reddish-purple: red above blue above green.
    expect(r).toBeGreaterThan(b)
    expect(b).toBeGreaterThan(g)
  })
})

describe('contrastRatio', () => {
  it('gives 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21)
    expect(contrastRatio('#6a1b4d', '#6a1b4d')).toBe(1)
  })
})
