/**
 * What the learner (or whoever runs the web host) is told when a data file cannot be read or
 * written: the file, what is wrong in words, and what to do, never a bare EISDIR or EROFS.
 */
export class StoreFileError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'StoreFileError'
  }
}

/** Words for a file system error while reading or writing `file`, with what to do about it. */
export function explainFileError(file: string, error: unknown, doing: 'open' | 'save'): StoreFileError {
  if (error instanceof StoreFileError) return error
  const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
  const verb = doing === 'open' ? 'open' : 'save'
  switch (code) {
    case 'EISDIR':
      return new StoreFileError(file, code, `Civic Learn could not ${verb} ${file}: it is a folder, not a file. Rename that folder or move it somewhere else, then start Civic Learn again.`)
    case 'ENOTDIR':
      return new StoreFileError(file, code, `Civic Learn could not ${verb} ${file}: part of that path is a file where a folder should be. Move that file out of the way, then start Civic Learn again.`)
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StoreFileError(
        file,
        code,
        `Civic Learn could not ${verb} ${file}: the folder is read-only or belongs to another user (${code}). Allow this user to write there, or choose another data folder.`,
      )
    case 'ENOSPC':
    case 'EDQUOT':
      return new StoreFileError(file, code, `Civic Learn could not ${verb} ${file}: the disk is full (${code}). Free some space, then try again.`)
    default:
      return new StoreFileError(file, code, `Civic Learn could not ${verb} ${file} (${code}).`)
  }
}

/** Several files could not be saved (or released): every message, one per line. */
export class UnsavedDataError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join('\n'))
    this.name = 'UnsavedDataError'
  }
}

/** Waits for every piece of work, even after one fails, and then reports every failure at once. */
export async function settleAll(work: readonly Promise<unknown>[]): Promise<void> {
  const failures = (await Promise.allSettled(work)).flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []))
  if (failures.length === 0) return
  throw new UnsavedDataError(failures.flatMap((failure) => (failure instanceof UnsavedDataError ? failure.messages : [failure instanceof Error ? failure.message : String(failure)])))
}
