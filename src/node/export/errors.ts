/** A problem with what the user asked to export: its message is for them, never a stack trace. */
export class ExportError extends Error {
  override name = 'ExportError'
}
