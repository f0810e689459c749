import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppBranding } from '../../core/api'
import { brandColourProperties, type BrandColours } from '../../core/brand-colours'
import { useApi } from '../api'

/**
 * The council's colours (brandColourProperties) set on the root element, in the app and the
 * SCORM player: the CSP forbids style attributes in markup.
 */
export function applyColours(colours: BrandColours, root: HTMLElement = document.documentElement): void {
  for (const [property, value] of brandColourProperties(colours)) root.style.setProperty(property, value)
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
