import { mount } from '@vue/test-utils'
import { defineComponent, h, ref, watch, type Ref } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { useAudienceChannel, usePresenterChannel, type PresentationState } from './usePresentation'

const page = (pageId: string, extra: Partial<PresentationState> = {}): PresentationState => ({ moduleId: 'm1', pageId, blackout: false, frozen: false, room: null, ...extra })

/** Runs composables inside a mounted component, as a screen would. */
const Host = defineComponent({
  props: { run: { type: Function, required: true } },
  setup: (props) => {
    props.run()
    return () => h('div')
  },
})

function presenterOf(courseId: string, state: Ref<PresentationState | null>) {
  return mount(Host, { props: { run: () => usePresenterChannel(courseId, state) } })
}

/** An audience window's state, and every state it was given in order. */
function audienceOf(courseId: string) {
  const seen: (PresentationState | null)[] = []
  let read: () => PresentationState | null = () => null
  const wrapper = mount(Host, {
    props: {
      run: () => {
        const state = useAudienceChannel(courseId)
        read = () => state.value
        watch(state, (value) => seen.push(value))
      },
    },
  })
  return { state: () => read(), seen, wrapper }
}

describe('presentation channel', () => {
  it('brings an audience window that opens later up to where the presenter is, and follows each change', async () => {
    const shown = ref<PresentationState | null>(page('p1'))
    const presenter = presenterOf('course-a', shown)
    const audience = audienceOf('course-a')
    await vi.waitFor(() => expect(audience.state()).toEqual(page('p1')))
    shown.value = page('p2', { blackout: true })
    await vi.waitFor(() => expect(audience.state()).toEqual(page('p2', { blackout: true })))
    presenter.unmount()
    audience.wrapper.unmount()
  })

  it('ignores messages of another shape, and another course’s presentation', async () => {
    const audience = audienceOf('course-b')
    const stranger = new BroadcastChannel('civic-learn-presentation:course-b')
    stranger.postMessage({ kind: 'state', state: { moduleId: 'm1', pageId: 7, blackout: 'yes' } })
    stranger.postMessage({ kind: 'state', state: null })
    const otherPresenter = presenterOf('course-c', ref<PresentationState | null>(page('elsewhere')))
    stranger.postMessage({ kind: 'state', state: page('p3') })
    await vi.waitFor(() => expect(audience.state()).toEqual(page('p3')))
    // Messages arrive in order: had anything before been taken, it would show here first.
    expect(audience.seen).toEqual([page('p3')])
    stranger.close()
    otherPresenter.unmount()
    audience.wrapper.unmount()
  })
})
