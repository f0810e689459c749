import { choiceCharacter12, scormIdentifier } from '../../scorm/formats'
import type { ScormVersion } from '../../scorm/manifest'

/** The separators of lists and pairs in interaction responses: 1.2 plain, 2004 bracketed. */
export function separators(version: ScormVersion): { list: string; pair: string } {
  return version === 'scorm12' ? { list: ',', pair: '.' } : { list: '[,]', pair: '[.]' }
}

/**
 * An option-like id in the version's format: 1.2 single characters 0-9 a-z (option ids already
 * are, by the course format; others take their position's character), 2004 short identifiers.
 */
export function choiceId(version: ScormVersion, ids: readonly string[], id: string): string {
  if (version === 'scorm2004') return scormIdentifier(id)
  return /^[0-9a-z]$/.test(id) ? id : choiceCharacter12(ids.indexOf(id))
}

/**
 * Free text as a fill-in value: 1.2 allows 255 characters; 2004 250 per string, and reads "[,]"
 * as a separator and a leading "{" as the start of a language tag.
 */
export function fillInText(version: ScormVersion, text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (version === 'scorm12') return flat.slice(0, 255)
  return flat.replaceAll('[,]', ',').replace(/^\{+/, '').slice(0, 250)
}

/** True and false in the version's words. */
export function booleanValue(version: ScormVersion, value: boolean): string {
  return version === 'scorm12' ? (value ? 't' : 'f') : String(value)
}
