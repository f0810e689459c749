import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { connectPageLifecycle } from './page-lifecycle'

function setUp() {
  const calls: string[] = []
  const events = new EventTarget()
  const win = Object.assign(events, {
    setInterval: (handler: () => void, ms?: number) => setInterval(handler, ms),
    clearInterval: (id?: number) => clearInterval(id),
  }) as unknown as Parameters<typeof connectPageLifecycle>[0]['win']
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  const tracker = {
    commitIfChanged: () => void calls.push('commitIfChanged'),
    close: () => {
      calls.push('close')
      return true
    },
  }
  const onRestoredAfterClose = vi.fn()
  const lifecycle = connectPageLifecycle({
    win,
    doc,
    tracker,
    flush: () => {
      calls.push('flush')
      return Promise.resolve()
    },
    onRestoredAfterClose,
    commitEveryMs: 60_000,
  })
  const hide = () => {
    doc.visibilityState = 'hidden'
    doc.dispatchEvent(new Event('visibilitychange'))
  }
  const pageHide = () => events.dispatchEvent(new Event('pagehide'))
  const pageShow = (persisted: boolean) => events.dispatchEvent(Object.assign(new Event('pageshow'), { persisted }))
  return { calls, hide, pageHide, pageShow, onRestoredAfterClose, disconnect: lifecycle.disconnect, exit: lifecycle.exit }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('the page’s life and the LMS session', () => {
  it('commits what changed as soon as the page is hidden, after sending the waiting events', async () => {
    const page = setUp()
    page.hide()
    await Promise.resolve()
    await Promise.resolve()
    expect(page.calls).toEqual(['flush', 'commitIfChanged'])
  })

  it('finishes exactly once when the page closes, after sending the waiting events', async () => {
    const page = setUp()
    page.pageHide()
    page.pageHide()
    await vi.advanceTimersByTimeAsync(0)
    expect(page.calls).toEqual(['flush', 'close'])
  })

  it('on a closing tab, commits when it is hidden and then finishes once, as the browser runs them', async () => {
    const page = setUp()
    page.hide()
    // The browser runs pending promise callbacks between the two events of a closing tab.
    await Promise.resolve()
    await Promise.resolve()
    page.pageHide()
    page.pageHide()
    await vi.advanceTimersByTimeAsync(0)
    expect(page.calls).toEqual(['flush', 'commitIfChanged', 'flush', 'close'])
  })

  it('commits what changed every minute while the page is open, and not after it closed', async () => {
    const page = setUp()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(page.calls).toEqual(['commitIfChanged', 'commitIfChanged'])
    page.pageHide()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(page.calls.filter((call) => call === 'commitIfChanged')).toHaveLength(2)
  })

  it('tells the learner when the browser brings the page back after its session finished', () => {
    const page = setUp()
    page.pageShow(true)
    expect(page.onRestoredAfterClose).not.toHaveBeenCalled()
    page.pageHide()
    page.pageShow(false)
    page.pageShow(true)
    expect(page.onRestoredAfterClose).toHaveBeenCalledTimes(1)
  })

  it('commits and finishes inside the events themselves, never after a promise: a closing tab runs none', () => {
    const calls: string[] = []
    const events = new EventTarget()
    const win = Object.assign(events, { setInterval: () => 0, clearInterval: () => undefined }) as unknown as Parameters<typeof connectPageLifecycle>[0]['win']
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState })
    connectPageLifecycle({
      win,
      doc,
      tracker: { commitIfChanged: () => void calls.push('commitIfChanged'), close: () => (calls.push('close'), true) },
      // The store hands its events over at once; its own promise never settles here.
      flush: () => {
        calls.push('flush')
        return new Promise(() => undefined)
      },
      onRestoredAfterClose: () => undefined,
      commitEveryMs: 60_000,
    })
    doc.dispatchEvent(new Event('visibilitychange'))
    events.dispatchEvent(new Event('pagehide'))
    expect(calls).toEqual(['flush', 'commitIfChanged', 'flush', 'close'])
  })

  it('finishes at the learner’s exit, while the page is alive, and not again when it closes', async () => {
    const page = setUp()
    expect(page.exit()).toBe(true)
    expect(page.calls).toEqual(['flush', 'close'])
    page.hide()
    page.pageHide()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(page.calls).toEqual(['flush', 'close'])
    expect(page.exit()).toBe(false)
  })

  it('lets go of the page when disconnected', async () => {
    const page = setUp()
    page.disconnect()
    page.hide()
    page.pageHide()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(page.calls).toEqual([])
  })
})
