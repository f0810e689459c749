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
    expect(wrapper.findAll('h2, h3, h4').map((h) => h.text())).toEqual(['Your ward online', 'Listening', 'Where people talk', 'Your comments'])
    expect(wrapper.text()).toContain('You have not written any comments on this course.')
    expect(wrapper.get('blockquote').text()).toBe('The market square group.')
    expect(wrapper.text()).toContain('Written 1 April 2026')
    expect(wrapper.text()).not.toContain('Nothing written')
    await wrapper.findAll('button').find((b) => b.text() === 'Export as PDF (notebook for Your ward online)')?.trigger('click')
    await flushPromises()
    expect(exports).toEqual(['wards pdf'])
    expect(wrapper.text()).toContain('Your notebook for Your ward online has been downloaded.')
  })

  it('lists the learner’s comments in the course’s order, and edits and deletes them through the host', async () => {
    const comment = (id: string, pageId: string, text: string) => ({ id, pageId, kind: 'question' as const, text, language: 'en' as const, createdAt: '2026-12-01T10:00:00.000Z' })
    let progress: CourseProgress = {
      courseId: 'wards', courseVersion: '1.0.0', pages: {}, videos: {}, quizzes: {}, scenarios: {}, feeds: {}, reflections: {}, bookmarks: [],
      comments: [comment('late', 'p2', 'On the second page.'), comment('gone', 'removed-page', 'On a page since removed.'), { ...comment('early', 'p1', 'On the first reflection.'), blockId: 'where', quote: { text: 'Where do residents talk?', language: 'en' } }],
    }
    const recorded: unknown[] = []
    const api = fakeApi({
      'course.list': async () => [{ status: 'ready', id: 'wards', title: 'Your ward online', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 10, modules: 2 }],
      'progress.overview': async () => [],
      'course.get': async () => BUNDLE,
      'progress.get': async () => progress,
      'progress.record': async ({ events }) => {
        recorded.push(...events)
        const event = events[0]!
        if (event.type === 'comment.deleted') progress = { ...progress, comments: progress.comments.filter((kept) => kept.id !== event.id) }
        if (event.type === 'comment.saved') progress = { ...progress, comments: progress.comments.map((kept) => (kept.id === event.comment.id ? { ...kept, ...event.comment } : kept)) }
        return { revision: 'r2', progress }
      },
    })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: NotebookPage }, { path: '/course/:courseId/page/:pageId', component: { template: '<p />' } }] })
    const wrapper = mount(NotebookPage, { global: { plugins: [createPinia(), createDeviceI18n(), router], provide: { [API_KEY as symbol]: api } } })
    await flushPromises()
    const items = () => wrapper.findAll('.notebook-course__comments li')
    expect(items().map((item) => item.get('.comment__text').text())).toEqual(['On the first reflection.', 'On the second page.', 'On a page since removed.'])
    expect(items()[0]!.get('a').attributes('href')).toBe('/course/wards/page/p1')
    expect(items()[0]!.get('q').text()).toBe('Where people talk')
    expect(items()[2]!.text()).toContain('Page: no longer in the course')
    expect(items()[2]!.text()).toContain('This part of the course has changed since you wrote this comment.')

    await items()[1]!.findAll('button')[0]!.trigger('click')
    await items()[1]!.get('textarea').setValue('On the second page, edited.')
    await items()[1]!.get('form').trigger('submit')
    await flushPromises()
    expect(recorded).toEqual([{ type: 'comment.saved', at: expect.any(String), comment: { id: 'late', pageId: 'p2', kind: 'question', text: 'On the second page, edited.', language: 'en' } }])
    expect(items()[1]!.get('.comment__text').text()).toBe('On the second page, edited.')

    await items()[2]!.findAll('button')[1]!.trigger('click')
    await items()[2]!.get('[role="group"] button').trigger('click')
    await flushPromises()
    expect(recorded.at(-1)).toEqual({ type: 'comment.deleted', at: expect.any(String), id: 'gone' })
    expect(items()).toHaveLength(2)
  })
})
