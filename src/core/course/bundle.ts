import { z } from 'zod'
import { BlockSchema } from './blocks'
import { COMPLETION_RULES, DateSchema } from './course-file'
import { IdSchema, JurisdictionSchema, LanguageCodeSchema } from './ids'

export const PageSchema = z.object({ id: IdSchema, title: z.string(), blocks: z.array(BlockSchema) }).strict()
export type Page = z.infer<typeof PageSchema>

export const ModuleSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    objectives: z.array(z.string()),
    minutes: z.number().int().positive(),
    jurisdiction: z.array(JurisdictionSchema),
    lastReviewed: DateSchema.optional(),
    /** A decorative picture for the module's card, a file of the course. */
    illustration: z.string().optional(),
    pages: z.array(PageSchema),
  })
  .strict()
export type Module = z.infer<typeof ModuleSchema>

/** Everything of a course that differs between its languages. */
export const LocalizedCourseSchema = z
  .object({
    title: z.string(),
    summary: z.string(),
    audience: z.string().optional(),
    credits: z.array(z.string()),
    modules: z.array(ModuleSchema),
  })
  .strict()
export type LocalizedCourse = z.infer<typeof LocalizedCourseSchema>

/**
 * A loaded, checked course: what every host renders. Plain data (JSON-serializable), every block
 * typed and every reference resolved; `content` holds one complete tree per language, with
 * missing translations already filled from the course language.
 */
export const CourseBundleSchema = z
  .object({
    format: z.literal(1),
    id: IdSchema,
    version: z.string(),
    language: LanguageCodeSchema,
    languages: z.array(LanguageCodeSchema),
    minutes: z.number().int().positive(),
    /** Hours of continuing professional development a certificate states, when the course sets them. */
    cpdHours: z.number().positive().optional(),
    jurisdiction: JurisdictionSchema,
    lastReviewed: DateSchema,
    passMark: z.number().int().min(0).max(100),
    completion: z.array(z.enum(COMPLETION_RULES)),
    licence: z.string(),
    /** An example for course authors (left out when not), listed after the courses for learners. */
    example: z.literal(true).optional(),
    /** The module that closes the course with its assessment: a council's policy page goes before it. */
    finalAssessment: IdSchema.optional(),
    /** A decorative picture for the course's card and page, a file of the course. */
    cover: z.string().optional(),
    content: z.record(LanguageCodeSchema, LocalizedCourseSchema),
  })
  .strict()
export type CourseBundle = z.infer<typeof CourseBundleSchema>

/** The CPD hours a course's certificate states: its own, or its estimated time to the nearest quarter hour (at least a quarter). */
export function cpdHours(bundle: Pick<CourseBundle, 'cpdHours' | 'minutes'>): number {
  return bundle.cpdHours ?? Math.max(0.25, Math.round(bundle.minutes / 15) / 4)
}
