import { describe, expect, it, vi } from 'vitest'
import { uiStringsFile, uiStringsLoader } from './ui-strings'

function target() {
  const merged: [string, unknown][] = []
  return { merged, mergeLocaleMessage: (language: string, messages: never) => void merged.push([language, messages]) }
}

describe('the player fetching the UI strings of a language', () => {
  it('fetches a language other than the default once, from ui/<language>.json, and merges it', async () => {
    const into = target()
    const fetchJson = vi.fn(async () => ({ quiz: { check: 'Gwirio' } }))
    const load = uiStringsLoader(into, fetchJson)
    await Promise.all([load('cy'), load('cy')])
    await load('cy')
    expect(fetchJson.mock.calls).toEqual([[uiStringsFile('cy')]])
    expect(uiStringsFile('cy')).toBe('ui/cy.json')
    expect(into.merged).toEqual([['cy', { quiz: { check: 'Gwirio' } }]])
  })

  it('fetches nothing for the default language, a course-only language or a hostile name', async () => {
    const fetchJson = vi.fn(async () => ({}))
    const load = uiStringsLoader(target(), fetchJson)
    await load('en')
    await load('fr')
    await load('constructor')
    await load('../../etc')
    expect(fetchJson).not.toHaveBeenCalled()
  })

  it('refuses a file that is not a catalogue and tries again on the next choice', async () => {
    const into = target()
    const fetchJson = vi.fn().mockResolvedValueOnce(['not', 'strings']).mockRejectedValueOnce(new Error('ui/cy.json answered HTTP 404')).mockResolvedValueOnce({ app: {} })
    const load = uiStringsLoader(into, fetchJson)
    await expect(load('cy')).rejects.toThrow('ui/cy.json does not hold')
    await expect(load('cy')).rejects.toThrow('HTTP 404')
    await load('cy')
    expect(into.merged).toEqual([['cy', { app: {} }]])
  })
})
