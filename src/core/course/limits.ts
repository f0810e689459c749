/**
 * Size limits for course files. Text files are read whole into memory and parsed, so a file far
 * beyond what anyone writes by hand is refused before it is read.
 */
export const LIMITS = {
  textFileBytes: 1024 * 1024,
  courseFileBytes: 256 * 1024,
  /** Every text file of a course together, translations included. */
  totalTextBytes: 32 * 1024 * 1024,
  files: 5000,
  folderDepth: 12,
  /**
   * Lists and mappings inside each other in one YAML text. Course files need six or so; far
   * deeper text is a mistake or an attack, and the YAML readers' cost grows with it.
   */
  yamlDepth: 50,
  /** Larger images still work but make a course slow to open and to export. */
  imageBytesWarning: 5 * 1024 * 1024,
  mediaBytes: 2 * 1024 * 1024 * 1024,
} as const

/** The files the loader reads and parses; everything else is media, checked for existence and size. */
export const TEXT_EXTENSIONS = ['.yaml', '.yml', '.md', '.vtt'] as const

export function isTextPath(path: string): boolean {
  const lower = path.toLowerCase()
  return TEXT_EXTENSIONS.some((extension) => lower.endsWith(extension))
}
