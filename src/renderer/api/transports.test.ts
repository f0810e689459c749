import { describe, expect, it, vi } from 'vitest'
import { httpSend, takeWebHostToken } from './transports'

describe('takeWebHostToken', () => {
  it('keeps the token from the printed URL for this tab and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/?token=abc123#/')
    sessionStorage.clear()
    expect(takeWebHostToken(window.location, window.history, sessionStorage)).toBe('abc123')
    expect(window.location.search).toBe('')
    expect(window.location.hash).toBe('#/')
    // A reload no longer has the token in the URL but still finds it.
    expect(takeWebHostToken(window.location, window.history, sessionStorage)).toBe('abc123')
  })
})

describe('httpSend', () => {
  it('posts JSON with the token header and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { language: 'en' } })))
    const result = await httpSend('tok', fetchImpl as unknown as typeof fetch)('settings.get', {})
    expect(result).toEqual({ ok: true, value: { language: 'en' } })
    expect(fetchImpl).toHaveBeenCalledWith('/api/settings.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-civic-token': 'tok' },
      body: '{}',
    })
  })

  it('turns a network failure into an UNAVAILABLE envelope instead of throwing', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(httpSend('tok', fetchImpl as unknown as typeof fetch)('course.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    })
  })

  it('turns a response that is not JSON into an UNAVAILABLE envelope', async () => {
    const fetchImpl = vi.fn(async () => new Response('<html>proxy error</html>', { status: 502 }))
    const result = await httpSend('tok', fetchImpl as unknown as typeof fetch)('course.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    if (!result.ok) expect(result.error.message).toContain('502')
  })
})
