import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES, ipcChannel } from '../core/api/methods'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  ipcRenderer: { invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })) },
}))
vi.mock('electron', () => electron)

let exposed: Record<string, unknown>

beforeAll(async () => {
  await import('./index')
})

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear()
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? []
  expect(key).toBe('civic')
  exposed = api as Record<string, unknown>
})

describe('preload', () => {
  it('exposes one object, once, and nothing else on the page', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
  })

  it('exposes exactly the contract methods, all functions', () => {
    expect(Object.keys(exposed).sort()).toEqual([...METHOD_NAMES].sort())
    for (const method of METHOD_NAMES) expect(typeof exposed[method], method).toBe('function')
  })

  it('exposes no way to reach IPC in general', () => {
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync', 'postMessage']) {
      expect(exposed, name).not.toHaveProperty(name)
    }
    for (const value of Object.values(exposed)) expect(value).not.toBe(electron.ipcRenderer)
  })

  it.each(METHOD_NAMES)('%s invokes its own channel with the input and returns the envelope', async (method) => {
    const call = exposed[method] as (input: unknown, ...rest: unknown[]) => Promise<unknown>
    const result = await call({ language: 'cy' }, 'extra', ipcChannel('settings.update'))
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(method), { language: 'cy' })
    expect(result).toEqual({ ok: true, value: { channel: ipcChannel(method), input: { language: 'cy' } } })
  })
})
