import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppBranding } from '../../core/api'
import { darkAccent } from '../../core/colour'
import { useApi } from '../api'

type Colours = NonNullable<NonNullable<AppBranding['branding']>['colours']>

const PROPERTIES: Record<keyof Colours, string> = { text: '--brand-text', background: '--brand-background', accent: '--brand-accent', accentText: '--brand-accent-text' }

/**
 * The council's colours as the page's --brand-* CSS variables (set on the root element: the CSP
 * forbids style attributes in markup), in the app and the SCORM player. The light theme uses all
 * four (the overlay's contrast is checked for them together); the dark theme keeps its own
 * background and text, and takes the council's accent lightened until it reads on them
 * (--brand-accent-dark, from `darkAccent`).
 */
export function applyColours(colours: Colours, root: HTMLElement = document.documentElement): void {
  for (const [key, property] of Object.entries(PROPERTIES) as [keyof Colours, string][]) root.style.setProperty(property, colours[key])
  root.style.setProperty('--brand-accent-dark', darkAccent(colours.accent))
}

export const useBrandingStore = defineStore('branding', () => {
  const api = useApi()
  const branding = ref<AppBranding['branding']>(null)
  const problem = ref<string | null>(null)

  async function load(): Promise<void> {
    const answer = await api['branding.get']({})
    branding.value = answer.branding
    problem.value = answer.problem
    if (answer.branding?.colours) applyColours(answer.branding.colours)
  }

  return { branding, problem, load }
})
