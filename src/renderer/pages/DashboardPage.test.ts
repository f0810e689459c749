import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CivicApi, CourseSummary } from '../../core/api'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { createDeviceI18n } from '../device/install'
import { useSettingsStore } from '../stores/settings'
import DashboardPage from './DashboardPage.vue'

const calls: string[] = []
const API: CivicApi = fakeApi({
  'course.list': async (): Promise<CourseSummary[]> => [
    { status: 'ready', id: 'done', title: 'Done course', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 30, modules: 2 },
    { status: 'ready', id: 'half', title: 'Half course', summary: 'S', language: 'en', languages: ['en', 'cy'], localized: { en: { title: 'Half course', summary: 'S' }, cy: { title: 'Cwrs hanner ffordd', summary: 'C' } }, minutes: 30, modules: 2 },
    { status: 'ready', id: 'failed', title: 'Failed course', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 30, modules: 2 },
  ],
  'progress.overview': async () => [
    { courseId: 'done', progress: 1, complete: true, passed: true, score: 90, quizzes: { total: 2, taken: 2, passed: 2, meanTaken: 90 }, secondsSpent: 3900, startedAt: '2026-03-02T10:00:00.000Z', completedAt: '2026-03-09T10:00:00.000Z' },
    { courseId: 'half', progress: 0.5, complete: false, passed: null, score: null, quizzes: { total: 0, taken: 0, passed: 0, meanTaken: null }, secondsSpent: 600, startedAt: '2026-03-05T10:00:00.000Z' },
    // Every quiz passed by its own, lower pass mark, but the mean below the course's: complete, not passed.
    { courseId: 'failed', progress: 1, complete: true, passed: false, score: 60, quizzes: { total: 3, taken: 3, passed: 3, meanTaken: 60 }, secondsSpent: 0, startedAt: '2026-03-05T10:00:00.000Z', completedAt: '2026-03-06T10:00:00.000Z' },
  ],
  'profile.list': async () => ({ activeId: 'a', profiles: [{ id: 'a', name: 'Learner', createdAt: '2026-01-01T00:00:00.000Z', hasPin: false }] }),
  'certificate.create': async ({ courseId }) => {
    calls.push(courseId)
    return { fileName: `certificate-${courseId}.pdf`, mediaType: 'application/pdf', base64: btoa('%PDF-1.7') }
  },
})

async function mountPage(locale: 'en' | 'cy' = 'en', api = API) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: DashboardPage }] })
  const pinia = createPinia()
  const wrapper = mount(DashboardPage, {
    global: { plugins: [pinia, createDeviceI18n(locale), router], provide: { [API_KEY as symbol]: api } },
  })
  // The learner's language lives in the settings store, which the app fills from the API at start.
  useSettingsStore(pinia).settings.language = locale
  await flushPromises()
  return wrapper
}

describe('DashboardPage', () => {
  it('tabulates progress, time, score and dates per course, with a chart described in text', async () => {
    const wrapper = await mountPage()
    expect(wrapper.get('[data-testid="dashboard-summary"]').text()).toBe('2 of 3 courses complete. Time spent learning: 1 h 15 min.')
    const done = wrapper.get('[data-testid="dashboard-row-done"]').findAll('td').map((cell) => cell.text())
    expect(done.slice(0, 5)).toEqual(['100%', '1 h 5 min', '2 of 2 passed; average 90% in those taken', '2 March 2026', '9 March 2026'])
    const half = wrapper.get('[data-testid="dashboard-row-half"]').findAll('td').map((cell) => cell.text())
    expect(half).toEqual(['50%', '10 minutes', 'No quiz', '5 March 2026', 'Not yet', 'When the course is complete and any assessment passed'])
    const svg = wrapper.get('svg[role="img"]')
    expect(svg.get('desc').text()).toBe('Done course: 100% done; Half course: 50% done; Failed course: 100% done')
    expect(svg.findAll('rect.dashboard-chart__bar').map((bar) => Number(bar.attributes('width')))).toEqual([540, 270, 540])
    expect(wrapper.get('[data-testid="name-invite"]').text()).toContain('Your name goes on your certificates.')
  })

  it('counts one quiz as one, in both languages', async () => {
    const api = fakeApi({
      'course.list': async () => [{ status: 'ready', id: 'one', title: 'One quiz course', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 30, modules: 1 }],
      'progress.overview': async () => [{ courseId: 'one', progress: 0.2, complete: false, passed: null, score: null, quizzes: { total: 1, taken: 0, passed: 0, meanTaken: null }, secondsSpent: 60, startedAt: '2026-03-05T10:00:00.000Z' }],
      'profile.list': async () => ({ activeId: 'a', profiles: [{ id: 'a', name: 'Learner', createdAt: '2026-01-01T00:00:00.000Z', hasPin: false }] }),
    })
    const cells = async (locale: 'en' | 'cy') => (await mountPage(locale, api)).get('[data-testid="dashboard-row-one"]').findAll('td').map((cell) => cell.text())
    expect((await cells('en'))[2]).toBe('One quiz, not taken yet')
    expect((await cells('cy'))[2]).toBe('1 cwis, dim un wedi’i wneud eto')
  })

  it('downloads the certificate of a completed and passed course only', async () => {
    const wrapper = await mountPage()
    const buttons = wrapper.findAll('button').filter((button) => button.text().startsWith('Download certificate'))
    expect(buttons.map((button) => button.text())).toEqual(['Download certificate for Done course'])
    await buttons[0]?.trigger('click')
    await flushPromises()
    expect(calls).toEqual(['done'])
    expect(wrapper.text()).toContain('Your certificate for Done course has been downloaded.')
  })

  it('is in Welsh', async () => {
    const wrapper = await mountPage('cy')
    expect(wrapper.get('h1').text()).toBe('Fy nghynnydd')
    expect(wrapper.get('[data-testid="dashboard-row-half"]').text()).toContain('10 munud')
    // Each course's title in Welsh where the course has it, marked as Welsh; in English, marked so, where not.
    expect(wrapper.get('[data-testid="dashboard-row-half"] th a').text()).toBe('Cwrs hanner ffordd')
    expect(wrapper.get('[data-testid="dashboard-row-half"] th a').attributes('lang')).toBe('cy')
    expect(wrapper.get('[data-testid="dashboard-row-done"] th a').attributes('lang')).toBe('en-GB')
  })
})
