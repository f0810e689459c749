import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/app-defaults'
import { ApiError, METHOD_NAMES } from '../core/api'
import { createRouter, type Handlers } from './api-router'

function makeRouter(overrides: Partial<Handlers> = {}) {
  const log = { error: vi.fn() }
  const unused = () => {
    throw new Error('not used in these tests')
  }
  const handlers = {
    ...Object.fromEntries(METHOD_NAMES.map((method) => [method, unused])),
    'app.info': () => ({ name: 'Civic Learn', version: '1.2.3', host: 'web' }),
    'course.list': () => [{ status: 'ready', id: 'a', title: 'A', summary: 'S', language: 'en', languages: ['en'], localized: {}, minutes: 30, modules: 3 }],
    'settings.get': () => ({ language: 'en', nation: null }),
    'settings.update': (patch) => ({ language: patch.language ?? 'en', nation: patch.nation ?? null }),
    ...overrides,
  } as Handlers
  return { router: createRouter(handlers, log), log }
}

describe('API router', () => {
  it('answers valid calls with the handler value', async () => {
    const { router } = makeRouter()
    await expect(router('app.info', {})).resolves.toEqual({
      ok: true,
      value: { name: 'Civic Learn', version: '1.2.3', host: 'web' },
    })
    await expect(router('settings.update', { language: 'cy' })).resolves.toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, language: 'cy' } })
  })

  it.each([
    ['an unknown method', 'course.delete'],
    ['a prototype key', '__proto__'],
    ['a non-string method', 7],
    ['a huge method name', 'x'.repeat(100_000)],
  ])('rejects %s as UNKNOWN_METHOD', async (_label, method) => {
    const { router } = makeRouter()
    const result = await router(method, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200)
  })

  it.each([
    ['a wrong type', { language: 42 }, 'language'],
    ['a value outside the enum', { language: 'fr' }, 'language'],
    ['an extra key', { language: 'cy', admin: true }, '(input)'],
    ['a nation that is not one', { nation: 'atlantis' }, 'nation'],
    ['a huge string', { language: 'x'.repeat(1_000_000) }, 'language'],
    ['a non-object input', 'cy', '(input)'],
    ['a missing input', undefined, '(input)'],
  ])('rejects %s as BAD_INPUT with the place that is wrong', async (_label, input, path) => {
    const handler = vi.fn()
    const { router } = makeRouter({ 'settings.update': handler })
    const result = await router('settings.update', input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('BAD_INPUT')
    expect(result.error.issues?.map((issue) => issue.path)).toContain(path)
    expect(handler).not.toHaveBeenCalled()
  })

  it('passes typed ApiErrors from handlers through', async () => {
    const { router } = makeRouter({
      'course.list': () => {
        throw new ApiError({ code: 'NOT_FOUND', message: 'No courses folder.' })
      },
    })
    await expect(router('course.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No courses folder.' },
    })
  })

  it('hides unexpected failures behind INTERNAL without a stack trace, and logs them', async () => {
    const { router, log } = makeRouter({
      'app.info': () => {
        throw new Error('secret detail at /home/someone/file.ts:12')
      },
    })
    const result = await router('app.info', {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Civic Learn could not complete that request.' } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(log.error).toHaveBeenCalledOnce()
  })

  it('refuses handler output that breaks the contract', async () => {
    const { router, log } = makeRouter({
      'settings.get': () => ({ language: 'klingon' }) as never,
    })
    await expect(router('settings.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log.error).toHaveBeenCalledOnce()
  })
})
