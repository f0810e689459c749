/** What the services that hand the learner a file share: the file as the API carries it, and its name. */

/** A file for the learner to save: small documents the API carries whole. */
export function download(fileName: string, mediaType: string, data: string | Uint8Array) {
  return { fileName, mediaType, base64: Buffer.from(data).toString('base64') }
}

/** A learner's name made safe for a file name. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .slice(0, 40) || 'learner'
  )
}

export const today = () => new Date().toISOString().slice(0, 10)
