import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CivicApi } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { CourseBundle } from '../../core/course/bundle'
import { emptyProgress } from '../../core/progress/schema'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import CoursePageState from '../components/course/CoursePageState.vue'
import { createAppI18n } from '../i18n'
import { useCourseStore } from '../stores/course'
import { useRouteCourse } from './useRouteCourse'

/** A course screen at its simplest: the guard, the shell, and the course's title once it is there. */
const Screen = defineComponent({
  setup() {
    const { view, error, coursePath, content, page, module } = useRouteCourse()
    return () =>
      h(
        CoursePageState,
        { view: view.value, reason: error.value, coursePath: coursePath.value },
        { default: () => h('h1', { 'data-testid': 'loaded' }, [content.value?.title, page.value ? ` / ${page.value.page.title}` : '', module.value ? ` / ${module.value.title}` : '']) },
      )
  },
})

/** A course with a page every course has, and one only it has. */
function course(id: string, title: string): CourseBundle {
  return bundleOf([moduleOf('m', [pageOf('p', [], 'Page'), pageOf(`only-in-${id}`, [], `Only in ${id}`)], { title: 'Module' })], { id, title })
}

/** course.get answers only when the test says so, so a test can look while the course is still opening. */
function slowApi(overrides: Partial<CivicApi> = {}) {
  const asked: string[] = []
  const waiting: (() => void)[] = []
  const api = fakeApi({
    'course.get': ({ courseId }) => {
      asked.push(courseId)
      return new Promise((resolve) => waiting.push(() => resolve(course(courseId, `Course ${courseId}`))))
    },
    'progress.get': async ({ courseId }) => emptyProgress(courseId, '1.0.0'),
    'progress.record': ({ courseId }) => new Promise((resolve) => waiting.push(() => resolve({ revision: '1', progress: emptyProgress(courseId, '1.0.0') }))),
    ...overrides,
  })
  return { api, asked, answer: () => waiting.splice(0).forEach((resolve) => resolve()) }
}

const mounted: { unmount(): void }[] = []
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

async function mountAt(path: string, api: CivicApi) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/course/:courseId', component: Screen },
      { path: '/course/:courseId/page/:pageId', component: Screen },
      { path: '/course/:courseId/module/:moduleId/handout', component: Screen },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(path)
  const pinia = createPinia()
  const wrapper = mount(Screen, {
    global: { plugins: [pinia, createAppI18n('en'), router], provide: { [API_KEY as symbol]: api } },
  })
  mounted.push(wrapper)
  await flushPromises()
  return { wrapper, router, store: useCourseStore(pinia) }
}

describe('useRouteCourse with CoursePageState', () => {
  it('says the course is opening, in a status line, until it has it; then shows the screen', async () => {
    const { api, asked, answer } = slowApi()
    const { wrapper } = await mountAt('/course/demo', api)
    expect(wrapper.get('[role="status"]').text()).toBe('Opening the course…')
    expect(wrapper.find('[data-testid="loaded"]').exists()).toBe(false)
    answer()
    await flushPromises()
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="loaded"]').text()).toBe('Course demo')
    expect(asked).toEqual(['demo'])
  })

  it('says the course cannot be opened, as a screen of its own with the reason and a way home', async () => {
    const { api } = slowApi({
      'course.get': async () => {
        throw new ApiError({ code: 'NOT_FOUND', message: 'There is no course "gone" that can be opened.' })
      },
    })
    const { wrapper } = await mountAt('/course/gone', api)
    const alert = wrapper.get('[role="alert"]')
    expect(alert.classes()).toEqual(['notice', 'notice--error'])
    expect(alert.get('h1').text()).toBe('This course cannot be opened')
    expect(alert.text()).toContain('There is no course "gone" that can be opened.')
    expect(alert.get('a').attributes('href')).toBe('/')
    expect(alert.find('button').exists()).toBe(false)
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="loaded"]').exists()).toBe(false)
  })

  it('finds the page or the module the route names', async () => {
    const { api, answer } = slowApi()
    const { wrapper, router } = await mountAt('/course/demo/page/p', api)
    answer()
    await flushPromises()
    expect(wrapper.get('[data-testid="loaded"]').text()).toBe('Course demo / Page')
    await router.push('/course/demo/module/m/handout')
    await flushPromises()
    expect(wrapper.get('[data-testid="loaded"]').text()).toBe('Course demo / Module')
  })

  it('says a page or a module the course does not have is not in it, with the way back to the course', async () => {
    const { api, answer } = slowApi()
    const { wrapper, router } = await mountAt('/course/demo/page/nowhere', api)
    answer()
    await flushPromises()
    for (const path of ['/course/demo/page/nowhere', '/course/demo/module/nowhere/handout']) {
      await router.push(path)
      await flushPromises()
      const missing = wrapper.get('section[aria-labelledby="course-part-missing"]')
      expect(missing.get('h1#course-part-missing').text()).toBe('This page is not in the course')
      expect(missing.get('a').attributes('href')).toBe('/course/demo')
      expect(wrapper.find('[data-testid="loaded"]').exists()).toBe(false)
    }
  })

  it('shows nothing of the course it came from, nor calls a page missing, while the next course opens', async () => {
    const { api, asked, answer } = slowApi()
    const { wrapper, router, store } = await mountAt('/course/demo/page/p', api)
    answer()
    await flushPromises()
    // The store first sends what the last course still holds; until that is done, it holds that course, ready.
    store.record({ type: 'page.viewed', at: '2026-11-20T10:00:00.000Z', pageId: 'p' })
    for (const pageId of ['p', 'only-in-other']) {
      await router.push(`/course/other/page/${pageId}`)
      await flushPromises()
      expect([store.state, store.bundle?.id]).toEqual(['ready', 'demo'])
      expect(wrapper.get('[role="status"]').text()).toBe('Opening the course…')
      expect(wrapper.find('[data-testid="loaded"]').exists()).toBe(false)
      expect(wrapper.find('#course-part-missing').exists()).toBe(false)
    }
    answer()
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Opening the course…')
    answer()
    await flushPromises()
    expect(wrapper.get('[data-testid="loaded"]').text()).toBe('Course other / Only in other')
    expect(asked).toEqual(['demo', 'other'])
  })
})
