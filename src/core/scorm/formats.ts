import type { ScormVersion } from './manifest'

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** Hundredths of a second; a clock that went backwards or gave no number counts as none. */
const centisecondsOf = (milliseconds: number) => (Number.isFinite(milliseconds) ? Math.max(0, Math.round(milliseconds / 10)) : 0)

/**
 * SCORM 1.2 CMITimespan: `HHHH:MM:SS.SS` with 2 to 4 hour digits. Longer sessions are capped at
 * the largest value the format can hold rather than written out of range.
 */
export function sessionTime12(milliseconds: number): string {
  const centis = Math.min(centisecondsOf(milliseconds), 9999 * 360_000 + 59 * 6000 + 5999)
  const hours = Math.floor(centis / 360_000)
  const minutes = Math.floor((centis % 360_000) / 6000)
  const seconds = Math.floor((centis % 6000) / 100)
  const fraction = centis % 100
  return `${pad(hours, 4)}:${pad(minutes)}:${pad(seconds)}.${pad(fraction)}`
}

/** SCORM 2004 timeinterval: ISO 8601 duration, at most 2 decimals on seconds, never a bare `PT`. */
export function sessionTime2004(milliseconds: number): string {
  const centis = centisecondsOf(milliseconds)
  const hours = Math.floor(centis / 360_000)
  const minutes = Math.floor((centis % 360_000) / 6000)
  const seconds = (centis % 6000) / 100
  let text = 'PT'
  if (hours > 0) text += `${hours}H`
  if (minutes > 0) text += `${minutes}M`
  if (seconds > 0 || text === 'PT') text += `${Number(seconds.toFixed(2))}S`
  return text
}

/**
 * An interaction or response identifier every LMS accepts: Moodle's pattern is `^[\w.]{1,250}$`,
 * so hyphens (which course ids use) become underscores; course ids never contain underscores,
 * so the mapping cannot make two ids collide.
 */
export function scormIdentifier(...parts: string[]): string {
  return parts
    .join('.')
    .replace(/[^A-Za-z0-9_.]/g, '_')
    .slice(0, 250)
}

const CHOICE_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyz'

/** SCORM 1.2 choice responses are single characters, so an option's position must map onto one. */
export function choiceCharacter12(index: number): string {
  const char = CHOICE_CHARACTERS[index]
  if (char === undefined) throw new Error(`SCORM 1.2 can record at most 36 options; option ${index + 1} cannot be recorded.`)
  return char
}

export type InteractionResult = 'correct' | 'incorrect' | 'neutral'

/** 1.2 says `wrong` where 2004 says `incorrect`; each rejects the other's word. */
export function resultValue(version: ScormVersion, result: InteractionResult): string {
  return version === 'scorm12' && result === 'incorrect' ? 'wrong' : result
}
