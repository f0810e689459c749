import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createRouter, createMemoryHistory } from 'vue-router'
import type { CivicApi, CourseSummary } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { createDeviceI18n, DEVICE_COMPONENTS } from '../device/install'
import { DEVICE_UI } from '../device/ui'
import { useLearnersStore } from '../stores/learners'
import { useSettingsStore } from '../stores/settings'
import HomePage from './HomePage.vue'

function apiListing(list: () => Promise<CourseSummary[]>): CivicApi {
  return fakeApi({ 'course.list': list })
}

async function mountHome(api: CivicApi, locale: 'en' | 'cy' = 'en') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: HomePage }] })
  const pinia = createPinia()
  const wrapper = mount(HomePage, {
    global: { plugins: [pinia, createDeviceI18n(locale), router], provide: { [API_KEY as symbol]: api, [DEVICE_UI as symbol]: DEVICE_COMPONENTS } },
  })
  // The learner's language lives in the settings store, which the app fills from the API at start.
  useSettingsStore(pinia).settings.language = locale
  await flushPromises()
  return wrapper
}

describe('HomePage', () => {
  it('lists ready courses and shows broken ones as unavailable with their located problems', async () => {
    const wrapper = await mountHome(
      apiListing(async () => [
        { status: 'ready', id: 'social-media', title: 'Social media for local leaders', summary: 'Nine modules.', language: 'en', languages: ['en'], localized: {}, minutes: 30, modules: 3 },
        {
          status: 'unavailable',
          folder: 'broken-course',
          problems: [{ file: 'broken-course/course.yaml', line: 3, column: 7, severity: 'error', message: 'title: Required' }],
        },
      ]),
    )
    const headings = wrapper.findAll('h2').map((h) => h.text())
    expect(headings).toEqual(['Social media for local leaders', 'broken-course'])
    expect(wrapper.text()).toContain('2 courses')
    expect(wrapper.text()).toContain('This course cannot be opened')
    expect(wrapper.text()).toContain('broken-course/course.yaml, line 3, column 7: title: Required')
  })

  it('shows each course’s time, modules and the learner’s progress, linking to the course page', async () => {
    const wrapper = await mountHome(
      fakeApi({
        'course.list': async () => [
          { status: 'ready', id: 'started', title: 'Started', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 45, modules: 3 },
          { status: 'ready', id: 'fresh', title: 'Fresh', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 1, modules: 1 },
        ],
        'progress.overview': async () => [
          { courseId: 'started', progress: 0.4, complete: false, passed: false, score: 0, quizzes: { total: 1, taken: 0, passed: 0, meanTaken: null }, secondsSpent: 120, startedAt: '2026-11-20T10:00:00.000Z' },
          { courseId: 'fresh', progress: 0, complete: false, passed: null, score: null, quizzes: { total: 0, taken: 0, passed: 0, meanTaken: null }, secondsSpent: 0 },
        ],
      }),
    )
    const [started, fresh] = wrapper.findAll('article')
    expect(started?.text()).toContain('About 45 minutes')
    expect(started?.text()).toContain('3 modules')
    expect(started?.get('[data-testid="course-progress"]').text()).toBe('In progress: 40% done')
    expect(started?.get('progress').attributes('value')).toBe('40')
    expect(started?.get('h2 a').attributes('href')).toBe('/course/started')
    expect(fresh?.text()).toContain('About one minute')
    expect(fresh?.get('[data-testid="course-progress"]').text()).toBe('Not started')
    expect(fresh?.find('progress').exists()).toBe(false)
  })

  it('lists the courses for learners first, and examples for course authors after them, apart', async () => {
    const wrapper = await mountHome(
      apiListing(async () => [
        { status: 'ready', id: 'example', title: 'First steps', summary: 'How a course is made.', language: 'en', languages: ['en'], localized: {}, minutes: 10, modules: 2, example: true },
        { status: 'ready', id: 'social-media', title: 'Social media for local leaders', summary: 'Nine modules.', language: 'en', languages: ['en'], localized: {}, minutes: 30, modules: 3 },
      ]),
    )
    expect(wrapper.get('[data-testid="course-list"]').findAll('h2').map((h) => h.text())).toEqual(['Social media for local leaders'])
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Social media for local leaders', 'Examples for course authors', 'First steps'])
    expect(wrapper.get('[data-testid="example-list"]').text()).toContain('First steps')
  })

  it('says so when there are no courses', async () => {
    const wrapper = await mountHome(apiListing(async () => []))
    expect(wrapper.text()).toContain('No courses were found')
  })

  it('shows a failure as a message with a retry button, never a stack trace', async () => {
    let calls = 0
    const wrapper = await mountHome(
      apiListing(async () => {
        calls += 1
        if (calls === 1) throw new ApiError({ code: 'UNAVAILABLE', message: 'The web host is not responding.' })
        return [{ status: 'ready', id: 'a', title: 'Recovered', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 30, modules: 3 }]
      }),
    )
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain('Civic Learn could not load the courses: The web host is not responding.')
    expect(alert.text()).not.toMatch(/at .*\.(ts|js):\d+/)
    await alert.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe('Recovered')
  })

  it('shows each course in the learner’s language when the course offers it', async () => {
    const wrapper = await mountHome(
      apiListing(async () => [
        {
          status: 'ready',
          id: 'social-media',
          title: 'Social media for local leaders',
          summary: 'Nine modules.',
          language: 'en',
          languages: ['en', 'cy'],
          localized: { en: { title: 'Social media for local leaders', summary: 'Nine modules.' }, cy: { title: 'Cyfryngau cymdeithasol i arweinwyr lleol', summary: 'Naw modiwl.' } },
          minutes: 30,
          modules: 9,
        },
      ]),
      'cy',
    )
    const heading = wrapper.get('h2')
    expect(heading.text()).toBe('Cyfryngau cymdeithasol i arweinwyr lleol')
    expect(heading.attributes('lang')).toBe('cy')
  })

  it('speaks Welsh when the locale is cy', async () => {
    const wrapper = await mountHome(apiListing(async () => []), 'cy')
    expect(wrapper.get('h1').text()).toBe('Eich cyrsiau')
  })
})

describe('HomePage: the first learner’s name', () => {
  /** A device whose one learner is still called "Learner"; renaming goes through the API as in the app. */
  function firstRunApi(renameFails = false) {
    const profile = { id: 'p1', name: 'Learner', createdAt: '2026-12-01T10:00:00.000Z', hasPin: false }
    const renamed: string[] = []
    const api = fakeApi({
      'course.list': async () => [],
      'profile.list': async () => ({ activeId: profile.id, profiles: [{ ...profile }] }),
      'profile.rename': async ({ name }) => {
        if (renameFails) throw new ApiError({ code: 'UNAVAILABLE', message: 'The disk is full.' })
        renamed.push(name)
        profile.name = name
        return { ...profile }
      },
    })
    return { api, renamed }
  }

  async function mountFirstRun(api: CivicApi) {
    const wrapper = await mountHome(api)
    await wrapper.vm.$.appContext.app.runWithContext(() => useLearnersStore().load())
    await flushPromises()
    return wrapper
  }

  it('asks for it on the library, saves it as the learner’s name, then says so and asks no more', async () => {
    const { api, renamed } = firstRunApi()
    const wrapper = await mountFirstRun(api)
    expect(wrapper.get('.name-prompt h2').text()).toBe('Welcome. What is your name?')
    await wrapper.get('.name-prompt form').trigger('submit')
    expect(wrapper.get('.name-prompt [role="alert"]').text()).toBe('Type your name, or choose “Not now”.')
    expect(renamed).toEqual([])
    await wrapper.get('#name-prompt-name').setValue('  Cllr Alys Morgan ')
    await wrapper.get('.name-prompt form').trigger('submit')
    await flushPromises()
    expect(renamed).toEqual(['Cllr Alys Morgan'])
    expect(wrapper.find('.name-prompt').exists()).toBe(false)
    expect(wrapper.get('[data-testid="name-saved"]').text()).toBe('Thank you, Cllr Alys Morgan. Your name is saved.')
  })

  it('puts the question away on “Not now” without renaming anyone', async () => {
    const { api, renamed } = firstRunApi()
    const wrapper = await mountFirstRun(api)
    await wrapper.findAll('.name-prompt button').find((button) => button.text() === 'Not now')?.trigger('click')
    expect(wrapper.find('.name-prompt').exists()).toBe(false)
    expect(renamed).toEqual([])
  })

  it('keeps the question and the typed name when saving fails, and says what to do', async () => {
    const { api } = firstRunApi(true)
    const wrapper = await mountFirstRun(api)
    await wrapper.get('#name-prompt-name').setValue('Cllr Alys Morgan')
    await wrapper.get('.name-prompt form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('.name-prompt [role="alert"]').text()).toBe('Your name could not be saved. Try again, or change it later under Learner.')
    expect((wrapper.get('#name-prompt-name').element as HTMLInputElement).value).toBe('Cllr Alys Morgan')
  })

  it('asks nobody who has a name already, and asks in Welsh', async () => {
    const named = fakeApi({ 'course.list': async () => [], 'profile.list': async () => ({ activeId: 'p1', profiles: [{ id: 'p1', name: 'Alys', createdAt: '2026-12-01T10:00:00.000Z', hasPin: false }] }) })
    expect((await mountFirstRun(named)).find('.name-prompt').exists()).toBe(false)
    const welsh = await mountHome(firstRunApi().api, 'cy')
    await welsh.vm.$.appContext.app.runWithContext(() => useLearnersStore().load())
    await flushPromises()
    expect(welsh.get('.name-prompt h2').text()).toBe('Croeso. Beth yw eich enw?')
  })
})
