import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import type { TrackingEvent } from '../../core/progress/schema'
import { SCROLL_RECORD_MS, usePageTracking } from './usePageTracking'

let clock = 0
let visibility: DocumentVisibilityState = 'visible'

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state
  document.dispatchEvent(new Event('visibilitychange'))
}

function track(initial: string | null = 'p1') {
  const events: TrackingEvent[] = []
  const flush = vi.fn()
  const pageId = ref<string | null>(initial)
  let onLeave: ReturnType<typeof usePageTracking>['onLeave'] = () => () => false
  const wrapper = mount(
    defineComponent({
      setup() {
        onLeave = usePageTracking(pageId, { record: (event) => events.push(event), flush, now: () => clock }).onLeave
        return () => h('div')
      },
    }),
  )
  return { events, flush, pageId, wrapper, onLeave: (callback: () => void) => onLeave(callback) }
}

beforeEach(() => {
  clock = 0
  visibility = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
  vi.useFakeTimers({ now: new Date('2026-11-21T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('usePageTracking', () => {
  it('records the page as viewed, and its visible time when the learner moves on', async () => {
    const { events, pageId } = track()
    expect(events).toEqual([{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'p1' }])
    clock = 42_000
    pageId.value = 'p2'
    await nextTick()
    expect(events.slice(1)).toEqual([
      { type: 'page.time', pageId: 'p1', seconds: 42 },
      { type: 'page.viewed', at: expect.any(String), pageId: 'p2' },
    ])
  })

  it('stops the clock while the window is hidden, and sends everything when it is hidden', async () => {
    const { events, flush, wrapper } = track()
    clock = 10_000
    setVisibility('hidden')
    expect(events.at(-1)).toEqual({ type: 'page.time', pageId: 'p1', seconds: 10 })
    expect(flush).toHaveBeenCalledOnce()
    clock = 500_000
    setVisibility('visible')
    clock = 505_000
    wrapper.unmount()
    expect(events.filter((event) => event.type === 'page.time')).toEqual([
      { type: 'page.time', pageId: 'p1', seconds: 10 },
      { type: 'page.time', pageId: 'p1', seconds: 5 },
    ])
  })

  it('sends what is waiting when the page is hidden for good', () => {
    const { flush } = track()
    window.dispatchEvent(new Event('pagehide'))
    expect(flush).toHaveBeenCalledOnce()
  })

  it('lets blocks record what they were doing before the time and the send', () => {
    const { events, onLeave } = track()
    const order: string[] = []
    onLeave(() => order.push(`block saw ${events.length} events`))
    clock = 3000
    setVisibility('hidden')
    expect(order).toEqual(['block saw 1 events'])
    expect(events.at(-1)?.type).toBe('page.time')
  })

  it('splits a very long visit into events the schema accepts', async () => {
    const { events, pageId } = track()
    clock = 5000 * 1000
    pageId.value = null
    await nextTick()
    expect(events.filter((event) => event.type === 'page.time').map((event) => (event.type === 'page.time' ? event.seconds : 0))).toEqual([3600, 1400])
  })

  it('records where the learner scrolled, at most once in a while', async () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 3000 })
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 1000 })
    const { events } = track()
    for (const y of [100, 500, 1000]) {
      Object.defineProperty(window, 'scrollY', { configurable: true, value: y })
      window.dispatchEvent(new Event('scroll'))
    }
    await vi.advanceTimersByTimeAsync(SCROLL_RECORD_MS)
    expect(events.filter((event) => event.type === 'location.changed')).toEqual([{ type: 'location.changed', pageId: 'p1', scroll: 0.5 }])
  })
})
