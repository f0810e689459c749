import { createPinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import LearnerHeaderNav from '../components/learner/LearnerHeaderNav.vue'
import { createAppI18n } from '../i18n'
import { createAppRouter } from '.'
import { APP_ROUTES } from './app-routes'

const APP_ONLY = ['progress', 'notebook', 'learners', 'data', 'export']

describe('createAppRouter', () => {
  it('gives the SCORM player the learning screens and none of the app-only ones', () => {
    const router = createAppRouter()
    expect(['home', 'course', 'player', 'handout', 'search', 'settings', 'not-found'].every((name) => router.hasRoute(name))).toBe(true)
    expect(APP_ONLY.filter((name) => router.hasRoute(name))).toEqual([])
    expect(router.resolve('/export/some-course').name).toBe('not-found')
  })

  it('adds the app-only screens before the catch-all, so they resolve', () => {
    const router = createAppRouter(APP_ROUTES)
    expect(APP_ONLY.map((name) => router.hasRoute(name))).toEqual(APP_ONLY.map(() => true))
    expect(router.resolve('/export/some-course').name).toBe('export')
    expect(router.resolve('/no-such-screen').name).toBe('not-found')
  })
})

describe('LearnerHeaderNav', () => {
  async function mountNav(extraRoutes = APP_ROUTES) {
    const router = createAppRouter(extraRoutes)
    await router.push('/')
    return mount(LearnerHeaderNav, {
      global: { plugins: [createPinia(), createAppI18n(), router], provide: { [API_KEY as symbol]: api } },
    })
  }
  const api = fakeApi({
    'profile.list': async () => ({ activeId: 'p1', profiles: [{ id: 'p1', name: 'Ceri', createdAt: '2026-01-01T00:00:00.000Z', hasPin: false }] }),
  })

  it('links to the learner screens the app has', async () => {
    const nav = await mountNav()
    await flushPromises()
    expect(nav.findAll('a').map((link) => link.attributes('href'))).toEqual(['#/progress', '#/notebook', '#/data', '#/learners'])
  })

  it('shows no navigation at all where those screens do not exist (inside a package)', async () => {
    const nav = await mountNav([])
    await flushPromises()
    expect(nav.find('nav').exists()).toBe(false)
  })
})
