import { rename } from 'node:fs/promises'

/** A moment as it can be written in a file name on every system. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-')
}

/** The name a damaged file is kept under: beside it, stamped with when it was set aside. */
export function setAsideName(file: string, at: Date): string {
  return `${file}.damaged-${fileStamp(at)}`
}

/**
 * Moves a file that cannot be read out of the way, never deleting it, so the app can start afresh
 * (or from a backup) while the learner, or whoever helps them, can still look at what it held.
 * Returns where it was kept.
 */
export async function setAside(file: string, at: Date): Promise<string> {
  const kept = setAsideName(file, at)
  await rename(file, kept)
  return kept
}
