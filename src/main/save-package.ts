import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron'
import { contract } from '../core/api/contract'
import { fail, ok, type ApiResult } from '../core/api/errors'
import { DEFAULT_LANGUAGE, type UiLanguage } from '../core/app-defaults'
import { desktopTranslator } from '../core/i18n/desktop'
import type { ExportedPackages } from '../node/export/exported-packages'

/**
 * export.save on the desktop: asks where to save an exported package, in a dialog on the window
 * that asked, and copies the zip the services kept there. The package never crosses IPC.
 */
export function createPackageSaver(packages: Pick<ExportedPackages, 'zip'>, language: () => UiLanguage = () => DEFAULT_LANGUAGE): (event: IpcMainInvokeEvent, input: unknown) => Promise<ApiResult<unknown>> {
  return async (event, input) => {
    const parsed = contract['export.save'].input.safeParse(input)
    if (!parsed.success) return fail('BAD_INPUT', 'export.save needs the id of an exported package.')
    const kept = packages.zip(parsed.data.packageId)
    if (!kept) return fail('NOT_FOUND', 'This package is no longer kept: export it again.')
    const options = { defaultPath: path.join(app.getPath('downloads'), kept.fileName), filters: [{ name: desktopTranslator(language())('desktop.packageFiles'), extensions: ['zip'] }] }
    const window = BrowserWindow.fromWebContents(event.sender)
    const choice = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options))
    if (choice.canceled || !choice.filePath) return ok({ savedAs: null })
    try {
      await copyFile(kept.file, choice.filePath)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      console.error('The exported package could not be saved', error)
      return fail('INTERNAL', `The package could not be saved there (${code}).`)
    }
    return ok({ savedAs: path.basename(choice.filePath) })
  }
}
