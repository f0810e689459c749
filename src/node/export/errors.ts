/** A problem with what the user asked to export: its message is for them, never a stack trace. */
export class ExportError extends Error {
  override name = 'ExportError'
  /** The choice the user should change, when it is one choice: the SCORM version. */
  readonly choice: 'format' | undefined

  constructor(message: string, choice?: 'format') {
    super(message)
    this.choice = choice
  }
}
