import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../core/app-defaults'
import { createApp } from 'vue'
import { bilingualBundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { CivicApi } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { emptyProgress } from '../../core/progress/schema'
import { API_KEY } from '../api'
import { fakeApi, fakeProgressHost } from '../api/fake-api'
import { useCourseStore } from './course'
import { useSettingsStore } from './settings'

const module = (title: string) => moduleOf('m', [pageOf('p1'), pageOf('p2')], { title })
const course = bilingualBundleOf([module('Module')], [module('Modiwl')])

function setup(api: CivicApi) {
  const app = createApp({})
  app.provide(API_KEY, api)
  const pinia = createPinia()
  app.use(pinia)
  setActivePinia(pinia)
  return app.runWithContext(() => ({ store: useCourseStore(), settings: useSettingsStore() }))
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('course store', () => {
  it('opens a course with the saved progress and follows the learner’s language', async () => {
    const { store, settings } = setup(fakeApi({ 'course.get': async () => course, 'progress.get': async () => emptyProgress('demo', '1.0.0') }))
    await store.open('demo')
    expect(store.state).toBe('ready')
    expect(store.content?.title).toBe('Demo')
    settings.settings = { ...DEFAULT_SETTINGS, language: 'cy' }
    expect(store.content?.title).toBe('Demo (cy)')
    expect(store.contentLanguage).toBe('cy')
  })

  it('applies events at once and sends those of one task to the API together, without waiting on a timer', async () => {
    const sent: unknown[] = []
    const host = fakeProgressHost(course, emptyProgress('demo', '1.0.0'))
    const { store } = setup(
      fakeApi({
        'course.get': async () => course,
        'progress.get': async () => emptyProgress('demo', '1.0.0'),
        'progress.record': async (input) => {
          sent.push(input)
          return host.record(input)
        },
      }),
    )
    await store.open('demo')
    store.record({ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'p1' })
    store.record({ type: 'page.time', pageId: 'p1', seconds: 5 })
    expect(store.progress?.pages.p1).toEqual({ viewedAt: '2026-11-21T10:00:00.000Z', seconds: 5 })
    expect(sent).toEqual([])
    await flushPromises()
    expect(sent).toEqual([{ courseId: 'demo', events: [expect.objectContaining({ type: 'page.viewed' }), expect.objectContaining({ type: 'page.time' })] }])
  })

  it('sends what is recorded while a batch is on its way in the next one, then shows what the host holds', async () => {
    const batches: string[][] = []
    let answer: () => void = () => undefined
    const host = fakeProgressHost(course, emptyProgress('demo', '1.0.0'))
    const { store } = setup(
      fakeApi({
        'course.get': async () => course,
        'progress.get': async () => emptyProgress('demo', '1.0.0'),
        'progress.record': async (input) => {
          batches.push(input.events.map((event) => event.type))
          await new Promise<void>((resolve) => (answer = resolve))
          // The host knows something this page did not predict (so it answers in full): its answer is what the store shows.
          const held = await host.record({ courseId: input.courseId, events: input.events })
          return { revision: held.revision, progress: { ...(held.progress ?? emptyProgress('demo', '1.0.0')), bookmarks: ['p2'] } }
        },
      }),
    )
    await store.open('demo')
    store.record({ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'p1' })
    await flushPromises()
    store.record({ type: 'page.time', pageId: 'p1', seconds: 5 })
    store.record({ type: 'location.changed', pageId: 'p1', scroll: 0.5 })
    await flushPromises()
    expect(batches).toEqual([['page.viewed']])
    answer()
    await flushPromises()
    // The answer to the first batch is shown with the events still waiting applied on top.
    expect(store.progress?.bookmarks).toEqual(['p2'])
    expect(store.progress?.pages.p1).toEqual({ viewedAt: '2026-11-21T10:00:00.000Z', seconds: 5 })
    expect(batches).toEqual([['page.viewed'], ['page.time', 'location.changed']])
    answer()
    await flushPromises()
    expect(store.progress?.bookmarks).toEqual(['p2'])
    expect(store.progress?.pages.p1).toEqual({ viewedAt: '2026-11-21T10:00:00.000Z', seconds: 5 })
    expect(store.progress?.location).toEqual({ pageId: 'p1', scroll: 0.5 })
  })

  it('names the revision it holds, and keeps its own progress when the host answers that it is the same', async () => {
    const inputs: { since?: string }[] = []
    const answers: { progress?: unknown }[] = []
    const host = fakeProgressHost(course, emptyProgress('demo', '1.0.0'))
    const { store } = setup(
      fakeApi({
        'course.get': async () => course,
        'progress.get': async () => emptyProgress('demo', '1.0.0'),
        'progress.record': async (input) => {
          inputs.push(input)
          const answer = await host.record(input)
          answers.push(answer)
          return answer
        },
      }),
    )
    await store.open('demo')
    store.record({ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'p1' })
    await store.flush()
    store.record({ type: 'bookmark.toggled', pageId: 'p1' })
    await store.flush()
    expect(inputs.map((input) => input.since)).toEqual([undefined, '1'])
    expect(answers.map((answer) => answer.progress === undefined)).toEqual([false, true])
    expect(store.progress?.bookmarks).toEqual(['p1'])
    expect(store.progress?.pages.p1?.viewedAt).toBe('2026-11-21T10:00:00.000Z')
  })

  it('reads the progress again when another screen changed it at the host', async () => {
    let held = emptyProgress('demo', '1.0.0')
    const { store } = setup(fakeApi({ 'course.get': async () => course, 'progress.get': async () => held }))
    await store.open('demo')
    held = { ...held, bookmarks: ['p2'] }
    expect(store.progress?.bookmarks).toEqual([])
    await store.reloadProgress()
    expect(store.progress?.bookmarks).toEqual(['p2'])
  })

  it('keeps events that fail to send, tells the learner, and sends them again', async () => {
    let fail = true
    const sent: number[] = []
    const host = fakeProgressHost(course, emptyProgress('demo', '1.0.0'))
    const { store } = setup(
      fakeApi({
        'course.get': async () => course,
        'progress.get': async () => emptyProgress('demo', '1.0.0'),
        'progress.record': async (input) => {
          if (fail) throw new ApiError({ code: 'UNAVAILABLE', message: 'The web host is not responding.' })
          sent.push(input.events.length)
          return host.record(input)
        },
      }),
    )
    await store.open('demo')
    store.record({ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'p1' })
    await store.flush()
    expect(store.saveError).toBe('The web host is not responding.')
    fail = false
    store.record({ type: 'page.viewed', at: '2026-11-21T10:01:00.000Z', pageId: 'p2' })
    await vi.advanceTimersByTimeAsync(6000)
    await flushPromises()
    expect(sent).toEqual([2])
    expect(store.saveError).toBe('')
  })

  it('drops events the host refuses as implausible instead of sending them for ever, and shows what the host holds', async () => {
    let calls = 0
    const held = emptyProgress('demo', '1.0.0')
    const { store } = setup(
      fakeApi({
        'course.get': async () => course,
        'progress.get': async () => held,
        'progress.record': async () => {
          calls++
          throw new ApiError({ code: 'BAD_INPUT', message: 'That quiz was submitted faster than its questions can be read, so it was not recorded.' })
        },
      }),
    )
    await store.open('demo')
    store.record({ type: 'bookmark.toggled', pageId: 'p1' })
    expect(store.progress?.bookmarks).toEqual(['p1'])
    await store.flush()
    await flushPromises()
    expect(store.saveError).toMatch(/faster than its questions can be read/)
    expect(store.progress).toEqual(held)
    expect(store.hasUnsent()).toBe(false)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(calls).toBe(1)
  })

  it('shows a course that cannot be opened as failed, with the reason', async () => {
    const { store } = setup(
      fakeApi({
        'course.get': async () => {
          throw new ApiError({ code: 'NOT_FOUND', message: 'There is no course "x" that can be opened.' })
        },
        'progress.get': async () => emptyProgress('x', '1'),
      }),
    )
    await store.open('x')
    expect(store.state).toBe('failed')
    expect(store.error).toContain('no course "x"')
  })
})
