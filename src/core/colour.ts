/** Colour contrast as WCAG 2 measures it, for the council's colours and the app's own. No dependencies: the SCORM player uses it. */

/** WCAG 2 relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** WCAG AA for normal text. */
export const AA_CONTRAST = 4.5

/** The dark theme's page and card backgrounds (palette.css), which a council's dark accent is read on. */
export const DARK_BACKGROUNDS = ['#14171b', '#1f242a'] as const
/** Text on the dark theme's accent (palette.css). */
export const DARK_ACCENT_TEXT = '#0b1a26'

const hex = (channel: number) => Math.round(channel).toString(16).padStart(2, '0')

/**
 * A council's accent for the dark theme: its own colour mixed with white, a tenth at a time, until
 * it reads at WCAG AA on the dark theme's backgrounds and the dark accent text reads on it. The
 * council's colour stays recognisable (same hue), and dark mode no longer drops it.
 */
export function darkAccent(accent: string): string {
  const channels = [1, 3, 5].map((offset) => parseInt(accent.slice(offset, offset + 2), 16))
  for (let white = 0; white <= 10; white++) {
    const mixed = `#${channels.map((channel) => hex(channel + ((255 - channel) * white) / 10)).join('')}`
    const readable = DARK_BACKGROUNDS.every((background) => contrastRatio(mixed, background) >= AA_CONTRAST) && contrastRatio(mixed, DARK_ACCENT_TEXT) >= AA_CONTRAST
    if (readable) return mixed
  }
  return '#ffffff'
}
