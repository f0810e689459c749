import type { FileDownload } from '../../core/api'

/** Hands a file the API made (a PDF, a record) to the browser or the desktop shell to save. */
export function saveFile(file: FileDownload): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  // The download has started from the URL; give it a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
