import type { App } from 'vue'
import type { createAppI18n } from '../i18n'
import cy from '../i18n/locales/cy/branding.json'
import en from '../i18n/locales/en/branding.json'
import BrandingFooter from './BrandingFooter.vue'
import BrandingHeader from './BrandingHeader.vue'
import BrandingWelcome from './BrandingWelcome.vue'
import { BRANDING_UI } from './ui'

/** Each language's branding strings, kept out of the shared catalogue that the SCORM player bundles. */
export const BRANDING_MESSAGES = { en, cy }

/** Gives the app shell the council's branding: its strings and the pieces the shared layout shows. */
export function installBranding(app: App, i18n: ReturnType<typeof createAppI18n>): void {
  i18n.global.mergeLocaleMessage('en', en as never)
  i18n.global.mergeLocaleMessage('cy', cy as never)
  app.provide(BRANDING_UI, { header: BrandingHeader, welcome: BrandingWelcome, footer: BrandingFooter })
}
