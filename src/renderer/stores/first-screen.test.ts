import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import type { CivicApi, CourseOverview } from '../../core/api'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { useCoursesStore } from './courses'
import { useLearnersStore } from './learners'
import { useNoticesStore } from './notices'

/** Counts the calls to each method, answering each once the test lets it. */
function countingApi() {
  const calls: Record<string, number> = {}
  const waiting: (() => void)[] = []
  const held = <T>(method: string, answer: T) => () => {
    calls[method] = (calls[method] ?? 0) + 1
    return new Promise<T>((resolve) => waiting.push(() => resolve(answer)))
  }
  const overview: CourseOverview[] = []
  const api = fakeApi({
    'profile.list': held('profile.list', { activeId: null, profiles: [] }),
    'store.status': held('store.status', { readOnly: false, notices: [] }),
    'course.list': held('course.list', []),
    'progress.overview': held('progress.overview', overview),
  })
  const answerAll = async () => {
    while (waiting.length > 0) waiting.shift()?.()
    await flushPromises()
  }
  return { api, calls, answerAll }
}

function setup(api: CivicApi) {
  const app = createApp({})
  app.provide(API_KEY, api)
  const pinia = createPinia()
  app.use(pinia)
  setActivePinia(pinia)
  return app.runWithContext(() => ({ courses: useCoursesStore(), learners: useLearnersStore(), notices: useNoticesStore() }))
}

describe('the first screen’s data', () => {
  it('asks the host once for what the app’s start and the first screen both want', async () => {
    const { api, calls, answerAll } = countingApi()
    const { courses, learners, notices } = setup(api)
    // The app's start asks, then the shell and the library mount while the answers are on their way.
    const started = [learners.load(), notices.load()]
    courses.prefetch()
    const mounted = [learners.load(), notices.refresh()]
    courses.show()
    await answerAll()
    await Promise.all([...started, ...mounted])
    expect(calls).toEqual({ 'profile.list': 1, 'store.status': 1, 'course.list': 1, 'progress.overview': 1 })
  })

  it('reads the learner’s progress again each time the library is shown after the first', async () => {
    const { api, calls, answerAll } = countingApi()
    const { courses } = setup(api)
    courses.prefetch()
    await answerAll()
    courses.show()
    await answerAll()
    expect(calls['progress.overview']).toBe(1)
    courses.show()
    await answerAll()
    expect(calls['progress.overview']).toBe(2)
    expect(calls['course.list']).toBe(1)
  })

  it('reads the list when the library is the first to ask, and progress again on later visits', async () => {
    const { api, calls, answerAll } = countingApi()
    const { courses } = setup(api)
    courses.show()
    await answerAll()
    expect(courses.state).toBe('ready')
    expect(calls).toEqual({ 'course.list': 1, 'progress.overview': 1 })
    courses.show()
    await answerAll()
    expect(calls['progress.overview']).toBe(2)
  })
})
