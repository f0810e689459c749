import { describe, expect, it } from 'vitest'
import { applyDisplay, type DarkQuery, type DisplayRoot } from './display'

function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>()
  const query: DarkQuery & { set(dark: boolean): void; listening(): number } = {
    matches: dark,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    set(next) {
      ;(this as { matches: boolean }).matches = next
      for (const listener of listeners) listener()
    },
    listening: () => listeners.size,
  }
  return query
}

const root = (): DisplayRoot => ({ dataset: {}, style: { fontSize: '' } })

describe('applyDisplay', () => {
  it('follows the system’s theme while the setting is "system", and stops when told', () => {
    const system = fakeSystem(false)
    const page = root()
    const stop = applyDisplay({ theme: 'system', textSize: 'normal' }, page, system)
    expect(page.dataset.theme).toBe('light')
    system.set(true)
    expect(page.dataset.theme).toBe('dark')
    stop()
    expect(system.listening()).toBe(0)
    system.set(false)
    expect(page.dataset.theme).toBe('dark')
  })

  it('keeps a chosen theme whatever the system says, and sizes the text', () => {
    const system = fakeSystem(true)
    const page = root()
    applyDisplay({ theme: 'light', textSize: 'larger' }, page, system)
    expect(page.dataset.theme).toBe('light')
    expect(page.style.fontSize).toBe('150%')
    expect(system.listening()).toBe(0)
    applyDisplay({ theme: 'dark', textSize: 'large' }, page, undefined)
    expect(page.dataset.theme).toBe('dark')
    expect(page.style.fontSize).toBe('125%')
  })

  it('is light where the page cannot ask the system', () => {
    const page = root()
    applyDisplay({ theme: 'system', textSize: 'normal' }, page, undefined)
    expect(page.dataset.theme).toBe('light')
    expect(page.style.fontSize).toBe('100%')
  })
})
