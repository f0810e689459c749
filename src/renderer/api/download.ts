import type { FileDownload } from '../../core/api'

/**
 * Hands a file the API made (certificate, notebook, record, results) to the browser's or the
 * desktop app's own download, which asks the learner where to save it.
 */
export function saveFile(file: FileDownload, doc: Document = document): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }))
  const link = doc.createElement('a')
  link.href = url
  link.download = file.fileName
  link.rel = 'noopener'
  doc.body.append(link)
  link.click()
  link.remove()
  // The click only starts the download; a large file (a handout PDF, a package) may still be
  // reading the blob a moment later, so the URL is let go of well after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Starts the browser's download of a file the web host serves, under the given name. */
export function downloadFrom(url: string, fileName: string, doc: Document = document): void {
  const link = doc.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  doc.body.append(link)
  link.click()
  link.remove()
}

/** Reads a file the learner picked as text, refusing anything larger than the limit. */
export async function readPickedFile(file: File, maxBytes: number): Promise<string> {
  if (file.size > maxBytes) throw new Error('too-large')
  return file.text()
}
