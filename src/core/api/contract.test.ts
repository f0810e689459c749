import { describe, expect, it } from 'vitest'
import { createApiClient } from './client'
import { contract } from './contract'
import { ApiError, fail, ok } from './errors'
import { METHOD_NAMES, ipcChannel, isMethodName } from './methods'

describe('API contract', () => {
  it('lists exactly the methods the contract defines', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort())
  })

  it('names methods domain.verb and gives each its own IPC channel', () => {
    for (const method of METHOD_NAMES) expect(method).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/)
    expect(new Set(METHOD_NAMES.map(ipcChannel)).size).toBe(METHOD_NAMES.length)
  })

  it('recognises method names only from the list', () => {
    expect(isMethodName('course.list')).toBe(true)
    expect(isMethodName('course.delete')).toBe(false)
    expect(isMethodName('__proto__')).toBe(false)
    expect(isMethodName(42)).toBe(false)
  })
})

describe('createApiClient', () => {
  it('returns the value of a successful call and passes method and input to the transport', async () => {
    const calls: unknown[] = []
    const api = createApiClient(async (method, input) => {
      calls.push([method, input])
      return ok({ language: 'cy' })
    })
    await expect(api['settings.update']({ language: 'cy' })).resolves.toEqual({ language: 'cy' })
    expect(calls).toEqual([['settings.update', { language: 'cy' }]])
  })

  it('turns an error envelope into a thrown ApiError with its code', async () => {
    const api = createApiClient(async () => fail('BAD_INPUT', 'nope', [{ path: 'language', message: 'bad' }]))
    const error = await api['settings.get']({}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: 'nope', issues: [{ path: 'language', message: 'bad' }] })
  })
})
