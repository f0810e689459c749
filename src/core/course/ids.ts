import { z } from 'zod'

/**
 * Ids end up in progress records and SCORM interaction ids, so they stay short, readable and
 * free of anything an LMS might mangle.
 */
export const IdSchema = z
  .string()
  .max(64, { message: 'is longer than 64 characters' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'is not a valid id: use lower-case letters, digits and single hyphens, like "first-steps"',
  })

export const JURISDICTIONS = ['england', 'wales', 'scotland', 'northern-ireland', 'uk-wide'] as const
export const JurisdictionSchema = z.enum(JURISDICTIONS)
export type Jurisdiction = z.infer<typeof JurisdictionSchema>

/** One jurisdiction or a list of them, as authors write it; the bundle always holds a list. */
export const JurisdictionTagsSchema = z.union([JurisdictionSchema, z.array(JurisdictionSchema).min(1)])
export type JurisdictionTags = z.infer<typeof JurisdictionTagsSchema>

export function jurisdictionList(tags: JurisdictionTags): Jurisdiction[] {
  return typeof tags === 'string' ? [tags] : [...new Set(tags)]
}

export const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { message: 'is not a language code: use a code such as "en" or "cy"' })

/**
 * SCORM 1.2 records choice, matching and sequencing answers as single characters 0-9 and a-z,
 * so every option-like part of a question gets one of these, and a question has at most 36.
 */
export const CHOICE_KEYS = 'abcdefghijklmnopqrstuvwxyz0123456789'
export const MAX_CHOICES = CHOICE_KEYS.length

export const ChoiceKeySchema = z
  .string()
  .length(1, { message: 'must be a single letter or digit' })
  .regex(/^[a-z0-9]$/, { message: 'must be a single lower-case letter or digit' })
