import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import { emptyProgress } from '../../core/progress/schema'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { useCourseStore } from '../stores/course'
import { useUnsavedGuard } from './useUnsavedGuard'

const course = bundleOf([moduleOf('m', [pageOf('p1')])])

function leave(): boolean {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

describe('useUnsavedGuard', () => {
  it('asks before the page closes while progress the host has not accepted is waiting, and not otherwise', async () => {
    let accept: () => void = () => undefined
    const api = fakeApi({
      'course.get': async () => course,
      'progress.get': async () => emptyProgress(course.id, course.version),
      'progress.record': (input) => new Promise((resolve) => (accept = () => resolve({ revision: '1', progress: emptyProgress(input.courseId, course.version) }))),
    })
    const pinia = createPinia()
    let store!: ReturnType<typeof useCourseStore>
    const Page = defineComponent({
      setup() {
        store = useCourseStore()
        useUnsavedGuard()
      },
      template: '<p />',
    })
    const wrapper = mount(Page, { global: { plugins: [pinia], provide: { [API_KEY as symbol]: api } } })
    await store.open(course.id)
    expect(leave()).toBe(false)
    store.record({ type: 'bookmark.toggled', pageId: 'p1' })
    await flushPromises()
    expect(leave()).toBe(true)
    accept()
    await flushPromises()
    expect(leave()).toBe(false)
    wrapper.unmount()
  })
})
