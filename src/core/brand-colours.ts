import type { BrandingOverlay } from './branding'
import { darkAccent } from './colour'

export type BrandColours = NonNullable<BrandingOverlay['colours']>

const COLOUR_PROPERTIES: Record<keyof BrandColours, string> = { text: '--brand-text', background: '--brand-background', accent: '--brand-accent', accentText: '--brand-accent-text' }

/**
 * The council's colours as the page's --brand-* CSS variables (apart from branding.ts, whose
 * schemas the SCORM player does not carry). The light theme uses all four (the
 * overlay's contrast is checked for them together); the dark theme keeps its own background and
 * text, and takes the council's accent lightened until it reads on them (--brand-accent-dark).
 */
export function brandColourProperties(colours: BrandColours): [property: string, value: string][] {
  return [...(Object.entries(COLOUR_PROPERTIES) as [keyof BrandColours, string][]).map(([key, property]): [string, string] => [property, colours[key]]), ['--brand-accent-dark', darkAccent(colours.accent)]]
}
