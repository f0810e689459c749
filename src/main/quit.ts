import type { AppServices } from '../node/app-services'

export interface QuitDialogs {
  /** Asks whether to try saving again; true for "Try again". */
  askRetry(detail: string): boolean
  /** Tells the learner something they must know before the app goes. */
  tell(detail: string): void
}

/**
 * Before the desktop app quits: the window's place is saved, then the learner's data. If the
 * data cannot be saved (a full disk), the learner is asked to free space and try again or to
 * quit anyway, and is told where what could not be saved was kept: never a silent quit.
 */
export async function saveBeforeQuit(services: Pick<AppServices, 'save' | 'close'>, whenWindowSaved: () => Promise<void>, dialogs: QuitDialogs): Promise<void> {
  await whenWindowSaved()
  for (;;) {
    try {
      await services.save()
      break
    } catch (error) {
      if (!dialogs.askRetry(messageOf(error))) break
    }
  }
  try {
    await services.close()
  } catch (error) {
    dialogs.tell(messageOf(error))
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
