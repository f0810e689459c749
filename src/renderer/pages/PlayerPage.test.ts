import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CivicApi } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { bilingualBundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { CourseBundle, Module } from '../../core/course/bundle'
import { emptyProgress } from '../../core/progress/schema'
import { API_KEY } from '../api'
import { fakeApi, fakeProgressHost } from '../api/fake-api'
import { createAppI18n } from '../i18n'
import { useCourseStore } from '../stores/course'
import PlayerPage from './PlayerPage.vue'
import { EVENTUALLY } from '../../../test/support/eventually'

const module = (id: string, pages: string[]): Module => moduleOf(id, pages.map((page) => pageOf(page, [{ type: 'text', markdown: `Words of ${page}.` }], `Page ${page}`)), { title: `Module ${id}` })

function course(): CourseBundle {
  const modules = [module('one', ['a', 'b']), module('two', ['c'])]
  return bilingualBundleOf(modules, modules)
}

const mounted: { unmount(): void }[] = []
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

async function mountPlayer(path: string, overrides: Partial<CivicApi> = {}, saved = emptyProgress('demo', '1.0.0')) {
  const { sent, record } = fakeProgressHost(course(), saved)
  const api = fakeApi({
    'course.get': async () => course(),
    'progress.get': async () => saved,
    'progress.record': record,
    ...overrides,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/course/:courseId/page/:pageId', component: PlayerPage },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(path)
  const pinia = createPinia()
  const wrapper = mount(PlayerPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n('en'), router], provide: { [API_KEY as symbol]: api } } })
  mounted.push(wrapper)
  // The page appears once its block components have loaded.
  await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true), EVENTUALLY)
  return { wrapper, router, sent, store: useCourseStore(pinia) }
}

describe('PlayerPage when it cannot open the course', () => {
  it('says the course cannot be opened, with the reason and a way home, and no stack trace', async () => {
    const { wrapper } = await mountPlayer('/course/demo/page/a', {
      'course.get': async () => {
        throw new ApiError({ code: 'NOT_FOUND', message: 'There is no course "demo" that can be opened.' })
      },
    })
    const alert = wrapper.get('[role="alert"]')
    expect(alert.get('h1').text()).toBe('This course cannot be opened')
    expect(alert.text()).not.toMatch(/at \w+ \(|Error:/)
    expect(alert.get('a').attributes('href')).toBe('/')
  })
})

describe('PlayerPage', () => {
  it('shows the page with its place in the module, an outline and the way on', async () => {
    const { wrapper, store, sent } = await mountPlayer('/course/demo/page/a')
    expect(wrapper.get('h1').text()).toBe('Page a')
    expect(wrapper.text()).toContain('Words of a.')
    expect(wrapper.text()).toContain('Page 1 of 2 in this module')
    const outline = wrapper.get('nav[aria-label="Pages in this module"]')
    expect(outline.findAll('a').map((link) => link.text().replace(/\s+/g, ' ').trim())).toEqual(['Page a (seen)', 'Page b'])
    // A tick beside the page seen, hidden from screen readers, which hear "(seen)".
    expect(outline.findAll('a').map((link) => link.find('svg').exists())).toEqual([true, false])
    expect(outline.get('a svg').attributes('aria-hidden')).toBe('true')
    expect(outline.get('[aria-current="page"]').text()).toContain('Page a')
    expect(wrapper.get('.player-page-nav').text()).toContain('Next page')
    expect(wrapper.find('.player-page-nav__link--previous').exists()).toBe(false)
    await store.flush()
    expect(sent[0]).toMatchObject({ type: 'page.viewed', pageId: 'a' })
  })

  it('moves to the next page with Alt+ArrowRight, across into the next module', async () => {
    const { wrapper, router } = await mountPlayer('/course/demo/page/b')
    // Across a module's edge the link names the module it leads to, not that module's first page.
    expect(wrapper.get('.player-page-nav__link--next').text()).toMatch(/Next module\s*Module two/)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true }))
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/course/demo/page/c')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }))
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/course/demo/page/b')
  })

  it('says when a page is not in the course', async () => {
    const { wrapper } = await mountPlayer('/course/demo/page/nowhere')
    expect(wrapper.get('h1').text()).toBe('This page is not in the course')
    expect(wrapper.get('a').attributes('href')).toBe('/course/demo')
  })

  it('tells the learner once, politely, when progress cannot be saved', async () => {
    const { wrapper, store } = await mountPlayer('/course/demo/page/a', {
      'progress.record': async () => {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'The web host is not responding.' })
      },
    })
    await store.flush()
    await flushPromises()
    const notice = wrapper.get('.player-save-notice')
    expect(notice.attributes('role')).toBe('status')
    expect(notice.text()).toContain('Your progress could not be saved just now.')
    await notice.get('button').trigger('click')
    expect(notice.text()).toBe('')
    store.record({ type: 'page.time', pageId: 'a', seconds: 3 })
    await store.flush()
    await flushPromises()
    expect(notice.text()).toBe('')
  })
})

describe('PlayerPage at the end of a module', () => {
  const seen = { viewedAt: '2026-11-20T10:00:00.000Z', seconds: 30 }
  const withPages = (pages: Record<string, typeof seen>) => ({ ...emptyProgress('demo', '1.0.0'), pages })
  const end = (wrapper: Awaited<ReturnType<typeof mountPlayer>>['wrapper']) => wrapper.find('[data-testid="module-end"]')

  it('shows nothing of the kind before the module’s last page', async () => {
    const { wrapper } = await mountPlayer('/course/demo/page/a')
    expect(end(wrapper).exists()).toBe(false)
  })

  it('lists, on the last page, the pages of the module not seen yet, each a link', async () => {
    const { wrapper } = await mountPlayer('/course/demo/page/b')
    await vi.waitFor(() => expect(end(wrapper).get('h2').text()).toBe('Before you finish this module'), EVENTUALLY)
    expect(end(wrapper).text()).toContain('You have not seen one page yet:')
    expect(end(wrapper).findAll('li a').map((link) => [link.text(), link.attributes('href')])).toEqual([['Page a', '/course/demo/page/a']])
  })

  it('marks the module done once every page is seen, and leads on to the next module', async () => {
    const { wrapper } = await mountPlayer('/course/demo/page/b', {}, withPages({ a: seen }))
    await vi.waitFor(() => expect(end(wrapper).get('h2').text()).toBe('Module complete'), EVENTUALLY)
    const next = end(wrapper).get('a.button')
    expect(next.text().replace(/\s+/g, ' ')).toBe('Start the next module: Module two')
    expect(next.attributes('href')).toBe('/course/demo/page/c')
    // The icon is decoration.
    expect(end(wrapper).get('svg').attributes('aria-hidden')).toBe('true')
  })

  it('ends a finished course with the course’s own moment; in a package, the LMS records it', async () => {
    const { wrapper } = await mountPlayer('/course/demo/page/c', {}, withPages({ a: seen, b: seen }))
    await vi.waitFor(() => expect(end(wrapper).get('h2').text()).toBe('Course complete'), EVENTUALLY)
    expect(end(wrapper).text()).toContain('Your learning platform has recorded that you finished.')
  })
})
