import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { fail, type ApiResult } from '../core/api/errors'
import { METHOD_NAMES, ipcChannel, type MethodName } from '../core/api/methods'
import type { Router } from '../node/api-router'
import { isAppUrl, isPreviewUrl } from './security'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/**
 * Trusts a call only from the top frame of a page on the app's own origin. An iframe, a frame that
 * has navigated away, or one already gone gets nothing, whatever page embeds it; nor does the
 * package preview, which acts as an LMS and needs no API.
 */
export function createSenderCheck(devServer?: string): SenderCheck {
  return (event) => {
    try {
      const frame = event.senderFrame
      return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url, devServer) && !isPreviewUrl(frame.url, devServer)
    } catch {
      // Electron throws when a frame is read after it was disposed.
      return false
    }
  }
}

/**
 * One `ipcMain.handle` per contract method, each passing its input to the router (or a local handler) untouched. The
 * renderer always gets an envelope: a thrown error would cross IPC with main-process details.
 */
export type LocalHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<ApiResult<unknown>>

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  isTrustedSender: SenderCheck,
  /** Methods only the desktop can answer (they need the calling window), handled here instead of by the router. */
  local: Partial<Record<MethodName, LocalHandler>> = {},
): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return fail('FORBIDDEN', `${method} may only be called by Civic Learn's own window.`)
      }
      try {
        const handler = local[method]
        return await (handler ? handler(event, input) : router(method, input))
      } catch (error) {
        console.error(`${method} failed in the main process`, error)
        return fail('INTERNAL', 'Civic Learn could not complete that request.')
      }
    })
  }
}
