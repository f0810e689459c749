import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { bilingualBundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { CourseBundle, Module } from '../../core/course/bundle'
import { emptyProgress, type CourseProgress } from '../../core/progress/schema'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { createDeviceI18n, DEVICE_COMPONENTS } from '../device/install'
import { DEVICE_UI } from '../device/ui'
import { createAppI18n } from '../i18n'
import CoursePage from './CoursePage.vue'

const module = (id: string, pages: string[], extra: Partial<Module> = {}): Module => moduleOf(id, pages.map((page) => pageOf(page, [], `Page ${page}`)), { title: `Module ${id}`, objectives: [`Do ${id}.`], ...extra })

function course(): CourseBundle {
  const modules = [module('one', ['a', 'b'], { lastReviewed: '2026-06-30', jurisdiction: ['wales'] }), module('two', ['c']), module('three', ['d'])]
  return bilingualBundleOf(modules, modules)
}

function longCourse(count: number): CourseBundle {
  const modules = Array.from({ length: count }, (_, index) => module(`m${index + 1}`, [`p${index + 1}`]))
  return bilingualBundleOf(modules, modules)
}

/** The course page as a package shows it, or (`device`) as the app does, with the pieces only it has. */
async function mountCourse(progress: Partial<CourseProgress>, bundle = course(), device = false) {
  const api = fakeApi({
    'course.get': async () => bundle,
    'progress.get': async () => ({ ...emptyProgress('demo', '1.0.0'), ...progress }),
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/course/:courseId', component: CoursePage }, { path: '/:rest(.*)*', component: { render: () => null } }] })
  await router.push('/course/demo')
  const provide = { [API_KEY as symbol]: api, ...(device ? { [DEVICE_UI as symbol]: DEVICE_COMPONENTS } : {}) }
  const wrapper = mount(CoursePage, { global: { plugins: [createPinia(), device ? createDeviceI18n('en') : createAppI18n('en'), router], provide } })
  await flushPromises()
  return wrapper
}

const seen = { viewedAt: '2026-11-20T10:00:00.000Z', seconds: 30 }

describe('CoursePage', () => {
  it('shows a long course’s first dozen cards at once and the rest once the page is painted', async () => {
    const wrapper = await mountCourse({}, longCourse(30))
    const cards = () => wrapper.findAll('[data-testid="module-list"] article')
    expect(cards()).toHaveLength(12)
    await vi.waitFor(() => expect(cards()).toHaveLength(30))
    expect(cards().at(-1)?.text()).toContain('Module m30')
    wrapper.unmount()
  })

  it('lists each module with its status, time, objectives and review date, opening where the learner left off', async () => {
    const wrapper = await mountCourse({ pages: { a: seen, c: seen }, location: { pageId: 'a', scroll: 0.5 } })
    const cards = wrapper.findAll('[data-testid="module-list"] article')
    expect(cards.map((card) => card.get('[data-testid="module-status"]').text())).toEqual(['In progress', 'Completed', 'Not started'])
    expect(cards[0]?.text()).toContain('Do one.')
    expect(cards[0]?.text()).toContain('Last reviewed 30 June 2026')
    expect(cards[0]?.text()).toContain('Applies in: Wales')
    expect(cards[1]?.text()).not.toContain('Last reviewed')
    expect(cards.map((card) => card.get('a.button').attributes('href'))).toEqual(['/course/demo/page/a', '/course/demo/page/c', '/course/demo/page/d'])
    expect(cards.map((card) => card.get('a.button').text())).toEqual(['Continue: Module one', 'Look again: Module two', 'Start: Module three'])
    const resume = wrapper.get('[data-testid="resume"]')
    expect(resume.text()).toBe('Continue where you left off: Page a')
    expect(resume.attributes('href')).toBe('/course/demo/page/a')
    expect(wrapper.text()).toContain('50% done: you have seen 2 of 4 pages.')
  })

  it('shows the course’s cover and each module’s picture as decoration, and each module’s pages seen', async () => {
    const modules = [module('one', ['a', 'b'], { illustration: 'media/one.webp' }), module('two', ['c'])]
    const wrapper = await mountCourse({ pages: { a: seen } }, { ...bilingualBundleOf(modules, modules), cover: 'media/cover.webp' })
    expect(wrapper.get('.course-page__cover').attributes()).toMatchObject({ src: 'courses/demo/media/cover.webp', alt: '' })
    const cards = wrapper.findAll('[data-testid="module-list"] article')
    expect(cards[0]?.get('img').attributes()).toMatchObject({ src: 'courses/demo/media/one.webp', alt: '' })
    expect(cards[1]?.find('img').exists()).toBe(false)
    expect(cards.map((card) => card.get('.module-card__progress').text())).toEqual(['1 of 2 pages seen', '0 of 1 pages seen'])
    expect(cards[0]?.get('progress').attributes()).toMatchObject({ max: '2', value: '1' })
  })

  it('goes on to the next module once the learner finished one on its last page, and says it is up next', async () => {
    const wrapper = await mountCourse({ pages: { a: seen, b: seen }, location: { pageId: 'b', scroll: 1 } })
    const resume = wrapper.get('[data-testid="resume"]')
    expect(resume.attributes('href')).toBe('/course/demo/page/c')
    expect(resume.text()).toBe('Continue where you left off: Page c')
    expect(wrapper.get('.course-page__resume-where').text()).toBe('Up next: Page c (Module two)')
    // Mid-module, it is where they were.
    const midway = await mountCourse({ pages: { a: seen }, location: { pageId: 'a', scroll: 0 } })
    expect(midway.get('.course-page__resume-where').text()).toBe('You were on: Page a (Module one)')
  })

  it('offers the certificate of a finished course where the record is on the device, and not in a package, whose LMS issues it', async () => {
    const finished = { pages: { a: seen, b: seen, c: seen, d: seen } }
    const inApp = await mountCourse(finished, course(), true)
    expect(inApp.get('.course-page__certificate button').text()).toBe('Download certificate for Demo')
    const inPackage = await mountCourse(finished)
    expect(inPackage.text()).toContain('100% done')
    expect(inPackage.find('.course-page__certificate').exists()).toBe(false)
  })

  it('starts a new learner at the first page and asks where they serve', async () => {
    const wrapper = await mountCourse({})
    expect(wrapper.get('[data-testid="resume"]').text()).toBe('Start the course')
    expect(wrapper.findAll('input[type="radio"]').map((input) => input.attributes('value'))).toEqual(['england', 'wales', 'scotland', 'northern-ireland', 'outside-uk'])
  })
})
