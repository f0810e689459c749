import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { printToPdf } from './print'

function eventWith(printToPDF: (options: unknown) => Promise<Buffer>): IpcMainInvokeEvent {
  return { sender: { printToPDF } } as unknown as IpcMainInvokeEvent
}

describe('printToPdf', () => {
  it('prints the calling page to an A4 PDF and returns it as a file', async () => {
    const print = vi.fn(async () => Buffer.from('%PDF-1.7 handout'))
    const result = await printToPdf(eventWith(print), { fileName: 'module-1.pdf' })
    expect(print).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ pageSize: 'A4' }))
    expect(result).toEqual({
      ok: true,
      value: { fileName: 'module-1.pdf', mediaType: 'application/pdf', base64: Buffer.from('%PDF-1.7 handout').toString('base64') },
    })
  })

  it.each([{}, { fileName: '../../evil.pdf' }, { fileName: 'a.exe' }, 'module.pdf'])('refuses %j without printing', async (input) => {
    const print = vi.fn(async () => Buffer.from(''))
    await expect(printToPdf(eventWith(print), input)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(print).not.toHaveBeenCalled()
  })
})
