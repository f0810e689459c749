/** What a referenced file is for, which decides the file types it may have. */
export type FileKind = 'course' | 'module' | 'bank' | 'image' | 'video' | 'captions' | 'document'

const EXTENSIONS: Record<FileKind, readonly string[]> = {
  course: ['.yaml'],
  module: ['.md'],
  bank: ['.yaml', '.yml'],
  // SVG is left out: it can carry scripts, and course files are untrusted.
  image: ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif'],
  video: ['.mp4', '.webm'],
  captions: ['.vtt'],
  document: ['.pdf', '.txt', '.md', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.mp4', '.webm', '.mp3', '.vtt', '.csv', '.docx', '.odt', '.xlsx', '.ods', '.pptx', '.odp'],
}

export function allowedExtensions(kind: FileKind): readonly string[] {
  return EXTENSIONS[kind]
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot).toLowerCase()
}

export type ResolvedPath = { ok: true; path: string } | { ok: false; message: string; hint?: string }

/**
 * Turns a path written in a course file into a normalized path from the course folder, refusing
 * anything that could leave it: absolute paths, drive letters, URLs and ".." past the top.
 */
export function resolveCoursePath(ref: string): ResolvedPath {
  const trimmed = ref.trim()
  if (trimmed === '') return { ok: false, message: 'The path is empty.' }
  if (trimmed.includes('\\')) return { ok: false, message: `"${ref}" uses backslashes.`, hint: 'Write paths with forward slashes, like media/photo.jpg.' }
  if (trimmed.includes('\0')) return { ok: false, message: 'The path contains a NUL character.' }
  if (hasScheme(trimmed)) return { ok: false, message: `"${ref}" is not a file in the course folder.`, hint: 'Copy the file into the course folder (for example media/) and give its path from there.' }
  if (trimmed.startsWith('/')) return { ok: false, message: `"${ref}" is an absolute path.`, hint: 'Write the path from the course folder, like media/photo.jpg.' }
  const parts: string[] = []
  for (const segment of trimmed.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return { ok: false, message: `"${ref}" leaves the course folder.`, hint: 'Every file a course uses must be inside its folder.' }
      parts.pop()
    } else {
      parts.push(segment)
    }
  }
  if (parts.length === 0) return { ok: false, message: `"${ref}" is a folder, not a file.` }
  return { ok: true, path: parts.join('/') }
}

/** A URL scheme or a Windows drive letter ("C:") before the first slash. */
function hasScheme(ref: string): boolean {
  const colon = ref.indexOf(':')
  if (colon < 0) return false
  const slash = ref.indexOf('/')
  return slash < 0 || colon < slash
}
