import type { TextSize, Theme } from './app-defaults'

/** The root element's font size for each text size: the styles are in rem, so everything scales with it. */
export const FONT_SIZES: Readonly<Record<TextSize, string>> = Object.freeze({ normal: '100%', large: '125%', larger: '150%' })

/** What `applyDisplay` touches of the root element (document.documentElement in a page). */
export interface DisplayRoot {
  dataset: Record<string, string | undefined>
  style: { fontSize: string }
}

/** The system's dark-mode query (matchMedia('(prefers-color-scheme: dark)')), where there is one. */
export interface DarkQuery {
  readonly matches: boolean
  addEventListener(type: 'change', listener: () => void): void
  removeEventListener(type: 'change', listener: () => void): void
}

/**
 * Shows a page as the display settings say: `data-theme` on the root element is "light" or "dark"
 * (the palette's colours follow it), the system's choice followed for as long as the setting is
 * "system"; and the root font size. Every page of the app, the SCORM player and the workshop's
 * phone page call it once they know the settings. Returns what stops following the system.
 */
export function applyDisplay(settings: { theme: Theme; textSize: TextSize }, root: DisplayRoot, dark: DarkQuery | undefined): () => void {
  const apply = () => {
    root.dataset.theme = settings.theme === 'system' ? (dark?.matches ? 'dark' : 'light') : settings.theme
  }
  apply()
  root.style.fontSize = FONT_SIZES[settings.textSize]
  if (settings.theme !== 'system' || !dark) return () => undefined
  dark.addEventListener('change', apply)
  return () => dark.removeEventListener('change', apply)
}
