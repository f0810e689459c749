import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { moduleOf } from '../../../../test/support/course-bundle'
import { courseOf } from '../../../../test/support/scorm-courses'
import type { CommentRefusal } from '../../../core/api/contract'
import type { LearnerComment } from '../../../core/comments/comment'
import type { Page } from '../../../core/course/bundle'
import { emptyProgress } from '../../../core/progress/empty-progress'
import type { TrackingEvent } from '../../../core/progress/schema'
import type { WorkshopStatus } from '../../../core/api/workshop-schemas'
import { API_KEY } from '../../api'
import { fakeApi } from '../../api/fake-api'
import { createDeviceI18n } from '../../device/install'
import { useCourseStore } from '../../stores/course'
import { COMMENT_CHANNEL, type CommentChannel } from './channel'
import { newCommentId } from './comment-id'
import PageComments from './PageComments.vue'

const page = {
  id: 'answering-residents',
  title: 'Answering residents',
  blocks: [
    { type: 'text', markdown: 'Reply in public when the answer helps **everyone**.' },
    { type: 'notes', markdown: 'Trainer: ask the room.' },
    { type: 'callout', kind: 'tip', markdown: 'Take casework to email.' },
  ],
} as unknown as Page

const written: LearnerComment = {
  id: 'c1',
  pageId: page.id,
  blockId: 'callout.1',
  quote: { text: 'Take casework to email.', language: 'en' },
  kind: 'experience',
  text: 'Our council does this with a form.',
  language: 'en',
  createdAt: '2026-12-01T10:00:00.000Z',
}

interface Setting {
  room?: { anonymous: boolean } | null
  channel?: CommentChannel
  /** What the host answers every save with: kept, or left out and why. */
  refusal?: CommentRefusal
}

/** The comments of the open course's page, saved through the course store to a host that records every event it is sent. */
async function mountComments(comments: LearnerComment[] = [], locale: 'en' | 'cy' = 'en', setting: Setting = {}) {
  const { room = null, channel, refusal } = setting
  const events: TrackingEvent[] = []
  const asked: string[] = []
  const course = courseOf([moduleOf('m', [page])])
  let revision = 0
  const api = fakeApi({
    'course.get': async () => course,
    'progress.get': async () => ({ ...emptyProgress(course.id, course.version), comments }),
    'progress.record': async (input) => {
      events.push(...input.events)
      return { revision: String(++revision), ...(refusal ? { refused: refusal } : {}) }
    },
    'workshop.status': async () => ({ view: room ? ({ anonymous: room.anonymous, ended: false } as WorkshopStatus['view']) : null, join: null }),
    'workshop.ask': async ({ text }) => {
      asked.push(text)
      if (text.length > 300) throw new Error('The question is too long.')
      return { asked: true as const }
    },
  })
  const pinia = createPinia()
  const provide = { [API_KEY as symbol]: api, ...(channel ? { [COMMENT_CHANNEL as symbol]: channel } : {}) }
  const wrapper = mount(PageComments, {
    props: { page, comments, language: 'en', contentTag: 'en-GB' },
    global: { plugins: [pinia, createDeviceI18n(locale)], provide },
    attachTo: document.body,
  })
  await wrapper.vm.$nextTick()
  await useCourseStore(pinia).open(course.id)
  return { wrapper, events, asked }
}

async function openForm(wrapper: Awaited<ReturnType<typeof mountComments>>['wrapper']): Promise<void> {
  await wrapper.get('[data-testid="comment-add"]').trigger('click')
  await flushPromises()
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('PageComments', () => {
  it('writes a comment on one part of the page: the parts by their words, notes left out, focus where the learner works', async () => {
    const { wrapper, events } = await mountComments()
    expect(wrapper.get('h2').text()).toBe('Your comments')
    await openForm(wrapper)
    const about = wrapper.get('select')
    expect(wrapper.find('input[type="checkbox"]').exists()).toBe(false)
    expect(document.activeElement).toBe(about.element)
    expect(about.findAll('option').map((option) => option.text())).toEqual(['This page as a whole', 'Part 1: Reply in public when the answer helps everyone.', 'Part 2: Take casework to email.'])
    expect(wrapper.get(`label[for="${about.attributes('id')}"]`).text()).toBe('What is it about?')
    await about.setValue('callout.1')
    await wrapper.get('input[value="correction"]').setValue(true)
    await wrapper.get('textarea').setValue('  The form is on the intranet.  ')
    await wrapper.get('input[value="cy"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(events).toEqual([
      {
        type: 'comment.saved',
        at: expect.any(String),
        comment: { id: expect.stringMatching(/^[0-9a-f]{32}$/), pageId: page.id, blockId: 'callout.1', quote: { text: 'Take casework to email.', language: 'en' }, kind: 'correction', text: 'The form is on the intranet.', language: 'cy' },
      },
    ])
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toBe('Your comment has been saved.')
    expect(document.activeElement?.textContent?.trim()).toBe('Add a comment')
  })

  it('saves nothing without words, and says why beside the field', async () => {
    const { wrapper, events } = await mountComments()
    await openForm(wrapper)
    await wrapper.get('textarea').setValue('   ')
    await wrapper.get('form').trigger('submit')
    const field = wrapper.get('textarea')
    expect(field.attributes('aria-invalid')).toBe('true')
    const described = (field.attributes('aria-describedby') ?? '').split(' ').map((id) => wrapper.get(`#${id}`).text())
    expect(described).toEqual(['Write your comment before you save it.', 'Up to 2000 characters.'])
    expect(document.activeElement).toBe(field.element)
    expect(events).toEqual([])
  })

  it('shows what the learner wrote here, and edits it where it is', async () => {
    const { wrapper, events } = await mountComments([written, { ...written, id: 'elsewhere', pageId: 'another-page' }])
    const items = wrapper.findAll('article.comment')
    expect(items).toHaveLength(1)
    expect(items[0]!.text()).toContain('Experience')
    expect(items[0]!.get('q').text()).toBe('Take casework to email.')
    expect(items[0]!.get('.comment__text').attributes('lang')).toBe('en')
    await items[0]!.findAll('button')[0]!.trigger('click')
    expect(wrapper.find('select').exists()).toBe(false)
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('Our council does this with a form.')
    await wrapper.get('textarea').setValue('Our council does this with an online form.')
    await wrapper.get('article form').trigger('submit')
    await flushPromises()
    expect(events).toEqual([{ type: 'comment.saved', at: expect.any(String), comment: { id: 'c1', pageId: page.id, blockId: 'callout.1', quote: written.quote, kind: 'experience', text: 'Our council does this with an online form.', language: 'en' } }])
  })

  it('asks before deleting, and keeping it puts the focus back', async () => {
    const { wrapper, events } = await mountComments([written])
    await wrapper.get('article').findAll('button')[1]!.trigger('click')
    const group = wrapper.get('[role="group"]')
    expect(group.attributes('aria-label')).toBe('Delete this comment? It cannot be brought back.')
    expect(document.activeElement?.textContent?.trim()).toBe('Keep it')
    await group.findAll('button')[1]!.trigger('click')
    expect(document.activeElement?.textContent).toContain('Delete')
    expect(events).toEqual([])
    await wrapper.get('article').findAll('button')[1]!.trigger('click')
    await wrapper.get('[role="group"]').findAll('button')[0]!.trigger('click')
    await flushPromises()
    expect(events).toEqual([{ type: 'comment.deleted', at: expect.any(String), id: 'c1' }])
  })

  it('says when a comment’s part of the page has gone, quoting what it was about', async () => {
    const { wrapper } = await mountComments([{ ...written, blockId: 'callout.4', quote: { text: 'Words since removed.', language: 'en' } }])
    expect(wrapper.get('q').text()).toBe('Words since removed.')
    expect(wrapper.text()).toContain('This part of the course has changed since you wrote this comment.')
  })

  it('speaks Welsh', async () => {
    const { wrapper } = await mountComments([], 'cy')
    expect(wrapper.get('h2').text()).toBe('Eich sylwadau')
    await openForm(wrapper)
    expect(wrapper.get('legend').text()).toBe('Pa fath o sylw yw e?')
    expect(wrapper.get('input[value="cy"]').element).toHaveProperty('checked', true)
  })
})

describe('in a workshop session', () => {
  it('offers to put a new comment to the room’s questions too, saying how it will show, and says whether the room took it', async () => {
    const { wrapper, events, asked } = await mountComments([], 'en', { room: { anonymous: true } })
    await openForm(wrapper)
    const box = wrapper.get('input[type="checkbox"]')
    expect(wrapper.get(`#${box.attributes('aria-describedby')}`).text()).toContain('the room sees it without your name')
    await box.setValue(true)
    await wrapper.get('textarea').setValue('Does this apply to parish councils?')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(events).toHaveLength(1)
    expect(asked).toEqual(['Does this apply to parish councils?'])
    expect(wrapper.get('[role="status"]').text()).toBe('Your comment has been saved, and put to the room’s questions.')

    await openForm(wrapper)
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await wrapper.get('textarea').setValue('x'.repeat(400))
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(events).toHaveLength(2)
    expect(wrapper.get('[role="status"]').text()).toBe('Your comment has been saved, but the room’s questions could not take it: The question is too long.')
  })

  it('leaves the room out unless the learner ticks it', async () => {
    const { wrapper, asked } = await mountComments([], 'en', { room: { anonymous: false } })
    await openForm(wrapper)
    await wrapper.get('textarea').setValue('Only for me.')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(asked).toEqual([])
  })
})

describe('in a SCORM package', () => {
  it('says before anything is written that comments go to the learning platform, and under which name', async () => {
    const { wrapper } = await mountComments([], 'en', { channel: { kind: 'lms', learnerName: 'Ceri Jones' } })
    expect(wrapper.get('[data-testid="comments-channel"]').text()).toContain('Your comments go to your learning platform with your record, under the name it has for you: Ceri Jones.')
    const welsh = await mountComments([], 'cy', { channel: { kind: 'lms', learnerName: null } })
    expect(welsh.wrapper.get('[data-testid="comments-channel"]').text()).toContain('o dan eich cyfrif chi yno')
    const alone = await mountComments([], 'en', { channel: { kind: 'page' } })
    expect(alone.wrapper.get('[data-testid="comments-channel"]').text()).toContain('kept only while this page is open')
  })

  it('keeps the form and the learner’s words when the platform has no room for the comment, and says so', async () => {
    const { wrapper, events } = await mountComments([], 'en', { channel: { kind: 'lms', learnerName: 'Ceri Jones' }, refusal: 'comment-room' })
    await openForm(wrapper)
    await wrapper.get('textarea').setValue('Does this apply to parish councils?')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(events).toHaveLength(1)
    expect(wrapper.get('[data-testid="comment-refused"]').attributes('role')).toBe('alert')
    expect(wrapper.get('[data-testid="comment-refused"]').text()).toBe('Your learning platform has no room for more comments on this course, so this one was not saved. Copy your words if you want to keep them.')
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('Does this apply to parish councils?')
    expect(wrapper.get('[role="status"]').text()).toBe('')
  })

  it('offers no form where the platform keeps no comments, and says where to turn instead, in English and Welsh', async () => {
    const { wrapper } = await mountComments([], 'en', { channel: { kind: 'none' } })
    expect(wrapper.get('[data-testid="comments-channel"]').text()).toContain('does not keep comments from this course')
    expect(wrapper.find('[data-testid="comment-add"]').exists()).toBe(false)
    const welsh = await mountComments([], 'cy', { channel: { kind: 'none' } })
    expect(welsh.wrapper.get('[data-testid="comments-channel"]').text()).toContain('cysylltwch â thîm dysgu eich cyngor')
    expect(welsh.wrapper.find('[data-testid="comment-add"]').exists()).toBe(false)
  })

  it('offers no workshop room: a package has none', async () => {
    const { wrapper } = await mountComments([], 'en', { channel: { kind: 'lms', learnerName: null }, room: { anonymous: true } })
    await openForm(wrapper)
    expect(wrapper.find('input[type="checkbox"]').exists()).toBe(false)
  })
})

describe('comment ids', () => {
  it('are 32 hex digits from the random bytes', () => {
    expect(newCommentId((bytes) => bytes.fill(171))).toBe('ab'.repeat(16))
    expect(newCommentId()).not.toBe(newCommentId())
  })
})
