import type { IpcMainInvokeEvent } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ok, type ApiResult } from '../core/api/errors'
import { METHOD_NAMES, ipcChannel } from '../core/api/methods'
import { createSenderCheck, registerIpc } from './ipc'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiResult<unknown>>

function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  const handle = vi.fn((channel: string, handler: Handler) => {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    handlers.set(channel, handler)
  })
  return { handle, handlers }
}

/** An invoke event from a frame showing `url`; `subframe` makes it an iframe inside the main frame. */
function eventFrom(url: string, { subframe = false } = {}): IpcMainInvokeEvent {
  const mainFrame = { url }
  const frame = subframe ? { url } : mainFrame
  return { senderFrame: frame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent
}

const APP_PAGE = 'civic://app/index.html#/'

describe('registerIpc', () => {
  let ipcMain: ReturnType<typeof fakeIpcMain>
  const router = vi.fn(async (method: unknown, input: unknown): Promise<ApiResult<unknown>> => ok({ method, input }))

  beforeEach(() => {
    router.mockClear()
    ipcMain = fakeIpcMain()
    registerIpc(ipcMain, router, createSenderCheck())
  })

  function call(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler(event, ...args)
  }

  it('registers exactly one channel per contract method and nothing else', () => {
    expect(ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length)
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort())
  })

  it.each(METHOD_NAMES)('passes %s and its input to the router and returns the envelope unchanged', async (method) => {
    const envelope = ok('value')
    router.mockResolvedValueOnce(envelope)
    const input = { language: 'cy' }
    const result = await call(ipcChannel(method), eventFrom(APP_PAGE), input)
    expect(result).toBe(envelope)
    expect(router).toHaveBeenCalledExactlyOnceWith(method, input)
  })

  it('passes failure envelopes through as values', async () => {
    const failure: ApiResult<unknown> = { ok: false, error: { code: 'BAD_INPUT', message: 'no', issues: [] } }
    router.mockResolvedValueOnce(failure)
    await expect(call(ipcChannel('settings.update'), eventFrom(APP_PAGE), { language: 'fr' })).resolves.toBe(failure)
  })

  it('ignores any arguments after the input', async () => {
    await call(ipcChannel('course.list'), eventFrom(APP_PAGE), {}, 'settings.update', { language: 'cy' })
    expect(router).toHaveBeenCalledExactlyOnceWith('course.list', {})
  })

  it.each([
    ['a foreign page', eventFrom('https://evil.example/')],
    ['a look-alike host', eventFrom('civic://app.evil.com/index.html')],
    ['a file page', eventFrom('file:///srv/index.html')],
    ['an iframe on the app page', eventFrom(APP_PAGE, { subframe: true })],
    ['a frame that is gone', { senderFrame: null, sender: { mainFrame: null } } as unknown as IpcMainInvokeEvent],
  ])('answers FORBIDDEN to %s without calling the router', async (_why, event) => {
    for (const method of METHOD_NAMES) {
      const result = await call(ipcChannel(method), event, {})
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
    }
    expect(router).not.toHaveBeenCalled()
  })

  it('turns a router that throws into an INTERNAL envelope, without the error details', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    router.mockRejectedValueOnce(new Error('/home/someone/secret path exploded'))
    const result = await call(ipcChannel('app.info'), eventFrom(APP_PAGE), {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Civic Learn could not complete that request.' } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
  })
})

describe('createSenderCheck', () => {
  it('trusts the main frame of an app page', () => {
    expect(createSenderCheck()(eventFrom('civic://app/index.html'))).toBe(true)
  })

  it('does not trust the package preview or a package under test, which act as an LMS and a course', () => {
    expect(createSenderCheck()(eventFrom('civic://app/preview.html?package=x'))).toBe(false)
    expect(createSenderCheck()(eventFrom('civic://app/preview/x/index.html'))).toBe(false)
  })

  it('does not trust an app page in an iframe', () => {
    expect(createSenderCheck()(eventFrom('civic://app/index.html', { subframe: true }))).toBe(false)
  })

  it('trusts the dev server only when it is given', () => {
    const event = eventFrom('http://localhost:5173/')
    expect(createSenderCheck()(event)).toBe(false)
    expect(createSenderCheck('http://localhost:5173/')(event)).toBe(true)
  })

  it('does not trust a frame that Electron has already disposed', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
      sender: { mainFrame: {} },
    } as unknown as IpcMainInvokeEvent
    expect(createSenderCheck()(event)).toBe(false)
  })
})

describe('registerIpc with desktop-only handlers', () => {
  const router = vi.fn(async (method: unknown, input: unknown): Promise<ApiResult<unknown>> => ok({ method, input }))

  it('answers desktop-only methods with their local handler, after the same sender check', async () => {
    const local = fakeIpcMain()
    const print = vi.fn(async (): Promise<ApiResult<unknown>> => ok('pdf'))
    registerIpc(local, router, createSenderCheck(), { 'handout.printToPdf': print })
    const handler = local.handlers.get(ipcChannel('handout.printToPdf'))
    const trusted = eventFrom(APP_PAGE)
    await expect(handler?.(trusted, { fileName: 'm.pdf' })).resolves.toEqual(ok('pdf'))
    expect(print).toHaveBeenCalledExactlyOnceWith(trusted, { fileName: 'm.pdf' })
    expect(router).not.toHaveBeenCalled()
    await expect(handler?.(eventFrom('https://evil.example/'), {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(print).toHaveBeenCalledOnce()
  })
})
