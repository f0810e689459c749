import type { IpcMainInvokeEvent } from 'electron'
import { contract } from '../core/api/contract'
import { fail, ok, type ApiResult } from '../core/api/errors'

/**
 * Saves the calling page as an A4 PDF handout with Chromium's own print engine (the same print
 * stylesheet a browser uses). Only the desktop can do this: the web host's browser prints itself.
 */
export async function printToPdf(event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<unknown>> {
  const parsed = contract['handout.printToPdf'].input.safeParse(input)
  if (!parsed.success) return fail('BAD_INPUT', 'The handout needs a file name like "module-1.pdf".')
  const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: false, preferCSSPageSize: true })
  return ok({ fileName: parsed.data.fileName, mediaType: 'application/pdf', base64: Buffer.from(pdf).toString('base64') })
}
