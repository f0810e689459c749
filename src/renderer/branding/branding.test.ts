import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App, Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { AppBranding } from '../../core/api'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import AppFooter from '../components/app/AppFooter.vue'
import AppHeader from '../components/app/AppHeader.vue'
import { createAppI18n } from '../i18n'
import { installBranding } from './install'
import { applyColours, useBrandingStore } from './store'

const anytown: AppBranding = {
  branding: {
    organisation: 'Anytown Borough Council',
    logo: 'data:image/png;base64,iVBORw0KGgo=',
    logoAlt: 'The Anytown Borough Council crest',
    colours: { text: '#1b1f24', background: '#fffdf7', accent: '#6a1b4d', accentText: '#ffffff' },
    contact: 'Member services, 01234 567890',
  },
  problem: null,
}

const root = document.documentElement

/** Mounts a shared layout piece as the app shell does, or as the SCORM player does (no branding UI). */
async function mountShell(component: Component, answer: AppBranding, options: { language?: 'en' | 'cy'; shell?: 'app' | 'player' } = {}) {
  const api = fakeApi({ 'branding.get': async () => answer, 'profile.list': async () => ({ activeId: null, profiles: [] }) })
  const pinia: Pinia = createPinia()
  const i18n = createAppI18n(options.language ?? 'en')
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] })
  const branding = { install: (app: App) => installBranding(app, i18n) }
  const wrapper = mount(component, {
    global: { plugins: [pinia, i18n, router, ...(options.shell === 'player' ? [] : [branding])], provide: { [API_KEY as symbol]: api } },
  })
  setActivePinia(pinia)
  await wrapper.vm.$nextTick()
  await useBrandingStore().load()
  await flushPromises()
  return wrapper
}

beforeEach(() => root.removeAttribute('style'))
afterEach(() => root.removeAttribute('style'))

describe('branding in the app shell', () => {
  it('shows the organisation and logo in the header and sets the colours on the root element', async () => {
    const header = await mountShell(AppHeader, anytown)
    const band = header.get('[data-testid="brand-band"]')
    expect(band.text()).toBe('Provided by Anytown Borough Council')
    expect(band.get('img').attributes()).toMatchObject({ src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'The Anytown Borough Council crest' })
    expect(root.style.getPropertyValue('--brand-accent')).toBe('#6a1b4d')
    expect(root.style.getPropertyValue('--brand-accent-text')).toBe('#ffffff')
    expect(root.style.getPropertyValue('--brand-background')).toBe('#fffdf7')
    expect(root.style.getPropertyValue('--brand-text')).toBe('#1b1f24')
  })

  it('speaks Welsh, and names the organisation for the logo when no description is given', async () => {
    const { logoAlt: _alt, ...branding } = anytown.branding!
    const header = await mountShell(AppHeader, { branding, problem: null }, { language: 'cy' })
    expect(header.get('[data-testid="brand-band"]').text()).toBe('Darperir gan Anytown Borough Council')
    expect(header.get('img').attributes('alt')).toBe('Anytown Borough Council')
  })

  it('shows the contact in the footer, and the problem when the overlay could not be applied', async () => {
    expect((await mountShell(AppFooter, anytown)).get('[data-testid="brand-contact"]').text()).toBe('Help: Member services, 01234 567890')
    const broken = await mountShell(AppFooter, { branding: null, problem: 'The branding overlay branding.yaml has problems:\n  organisation: Required' })
    expect(broken.find('[data-testid="brand-contact"]').exists()).toBe(false)
    expect(broken.get('[data-testid="brand-problem"]').text()).toContain("The council's branding could not be applied")
    expect(broken.get('[data-testid="brand-problem"] pre').text()).toContain('organisation: Required')
  })

  it('shows nothing and sets no colour when unbranded', async () => {
    const header = await mountShell(AppHeader, { branding: null, problem: null })
    expect(header.find('[data-testid="brand-band"]').exists()).toBe(false)
    expect(root.getAttribute('style')).toBeNull()
  })

  it('leaves the header plain where the branding UI is not provided (the SCORM player)', async () => {
    const header = await mountShell(AppHeader, anytown, { shell: 'player' })
    expect(header.find('[data-testid="brand-band"]').exists()).toBe(false)
    expect(header.text()).not.toContain('Anytown')
  })
})

describe('applyColours', () => {
  it('gives the council’s colours to the palette as --brand-* variables, leaving the theme’s own alone', () => {
    applyColours(anytown.branding!.colours!, root)
    expect(root.style.getPropertyValue('--brand-accent')).toBe('#6a1b4d')
    expect(root.style.getPropertyValue('--brand-background')).toBe(anytown.branding!.colours!.background)
    // The palette takes them in the light theme only (palette.css); the dark theme keeps its own.
    expect(root.style.getPropertyValue('--accent')).toBe('')
  })
})
