import type { Component, InjectionKey } from 'vue'

/**
 * The branding pieces the app shell places in the shared header, footer and library page. The
 * desktop and web app provide them (see install.ts); the SCORM player, which shows its own brand
 * bar and must stay small, provides nothing, so none of this code or its strings is in its bundle.
 */
export interface BrandingUi {
  header: Component
  welcome: Component
  footer: Component
}

export const BRANDING_UI: InjectionKey<BrandingUi> = Symbol('branding-ui')
