import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { bundleOf, moduleOf, pageOf } from '../../../test/support/course-bundle'
import type { CourseProgress } from '../../core/progress/schema'
import { API_KEY } from '../api'
import { fakeApi } from '../api/fake-api'
import { createDeviceI18n } from '../device/install'
import NotebookPage from './NotebookPage.vue'

const BUNDLE = bundleOf(
  [
    moduleOf('listening', [pageOf('p1', [{ type: 'reflection', id: 'where', title: 'Where people talk', prompt: 'Where do residents talk?' }])], { title: 'Listening', jurisdiction: ['uk-wide'] }),
    moduleOf('empty', [pageOf('p2', [{ type: 'reflection', id: 'blank', prompt: 'Blank?' }])], { title: 'Nothing written', jurisdiction: ['uk-wide'] }),
  ],
  { id: 'wards', minutes: 10, lastReviewed: '2026-01-01', licence: 'CC0-1.0', title: 'Your ward online' },
)

describe('NotebookPage', () => {
  it('shows the learner’s reflections by course and module, and exports them', async () => {
    const exports: string[] = []
    const progress: CourseProgress = { courseId: 'wards', courseVersion: '1.0.0', pages: {}, videos: {}, quizzes: {}, scenarios: {}, feeds: {}, bookmarks: [], comments: [], reflections: { where: { text: 'The market square group.', savedAt: '2026-04-01T09:00:00.000Z' } } }
    const api = fakeApi({
      'course.list': async () => [{ status: 'ready', id: 'wards', title: 'Your ward online', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 10, modules: 2 }],
      'progress.overview': async () => [],
      'course.get': async () => BUNDLE,
      'progress.get': async () => progress,
      'notebook.export': async ({ courseId, format }) => {
        exports.push(`${courseId} ${format}`)
        return { fileName: `notebook-${courseId}.md`, mediaType: 'text/markdown', base64: btoa('# Notebook') }
      },
    })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: NotebookPage }] })
    const wrapper = mount(NotebookPage, { global: { plugins: [createPinia(), createDeviceI18n(), router], provide: { [API_KEY as symbol]: api } } })
    await flushPromises()
    expect(wrapper.findAll('h2, h3, h4').map((h) => h.text())).toEqual(['Your ward online', 'Listening', 'Where people talk'])
    expect(wrapper.get('blockquote').text()).toBe('The market square group.')
    expect(wrapper.text()).toContain('Written 1 April 2026')
    expect(wrapper.text()).not.toContain('Nothing written')
    await wrapper.findAll('button').find((b) => b.text() === 'Export as PDF (notebook for Your ward online)')?.trigger('click')
    await flushPromises()
    expect(exports).toEqual(['wards pdf'])
    expect(wrapper.text()).toContain('Your notebook for Your ward online has been downloaded.')
  })
})
