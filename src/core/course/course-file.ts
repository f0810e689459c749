import { z } from 'zod'
import { IdSchema, JurisdictionSchema, LanguageCodeSchema } from './ids'

export const COURSE_FILE = 'course.yaml'
export const TRANSLATIONS_FOLDER = 'translations'

export const COMPLETION_RULES = ['all-pages-viewed', 'all-quizzes-passed'] as const

export const DateSchema = z.iso.date({ message: 'is not a date: write it as YYYY-MM-DD, like 2026-03-31' })

/** course.yaml, as authors write it. */
export const CourseFileSchema = z
  .object({
    id: IdSchema.describe('The course id: lower-case letters, digits and hyphens; never change it once learners have started.'),
    version: z
      .string()
      .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, { message: 'is not a version number: use three numbers, like "1.0.0"' })
      .describe('The course version, like "1.2.0"; raise it when the content changes.'),
    title: z.string().min(1),
    summary: z.string().min(1).describe('One or two sentences shown in the course library.'),
    language: LanguageCodeSchema.describe('The language the course is written in, like "en".'),
    translations: z.array(LanguageCodeSchema).default([]).describe('Other languages offered, each in translations/<code>/.'),
    audience: z.string().min(1).optional().describe('Who the course is for.'),
    minutes: z.number().int().positive().describe('Estimated minutes to complete the course.'),
    cpdHours: z.number().positive().max(1000).multipleOf(0.25, { message: 'is not in quarter hours: write it like 1.5 or 2.25' }).optional().describe('Hours of continuing professional development the certificate states, in quarter hours (4.5); the estimated minutes, rounded to a quarter hour, when left out.'),
    jurisdiction: JurisdictionSchema.describe('Where the course’s legal content applies unless a module or note says otherwise.'),
    lastReviewed: DateSchema.describe('When the content was last checked, as YYYY-MM-DD.'),
    passMark: z.number().int().min(0).max(100).describe('Percentage needed to pass a quiz, unless the quiz sets its own; the course is passed when the mean of the best quiz scores reaches it (the mastery score of an exported package).'),
    completion: z
      .array(z.enum(COMPLETION_RULES))
      .min(1)
      .describe('What completes the course: all-pages-viewed, all-quizzes-passed, or both.'),
    credits: z.array(z.string().min(1)).default([]).describe('Who wrote, reviewed or translated the course.'),
    licence: z.string().min(1).describe('The licence of the content, like "CC BY 4.0".'),
    example: z.boolean().default(false).describe('An example for course authors, not a course for learners: the library lists it after the other courses, under "Examples for course authors".'),
    cover: z.string().min(1).optional().describe('A picture for the course’s card in the library and the top of its page, from the course folder: media/cover.svg. Decorative: the title beside it says what it is.'),
    finalAssessment: IdSchema.optional().describe('The id of the module that closes the course with its assessment, if one does: a council’s policy page (branding) goes before it, not after.'),
    questionBanks: z.array(z.string().min(1)).default([]).describe('Question bank files, from the course folder: questions/module-1.yaml'),
    modules: z.array(z.string().min(1)).min(1).describe('Module files in order, from the course folder: modules/01-welcome.md'),
  })
  .strict()
  .meta({ title: 'Civic Learn course file (course.yaml)' })
export type CourseFile = z.infer<typeof CourseFileSchema>

export const COURSE_TRANSLATABLE = ['title', 'summary', 'audience', 'credits'] as const

/** translations/<code>/course.yaml: only the texts of course.yaml that a translation replaces. */
export const CourseTranslationFileSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    audience: z.string().min(1),
    credits: z.array(z.string().min(1)),
  })
  .partial()
  .strict()
  .meta({ title: 'Civic Learn course translation (translations/<code>/course.yaml)' })
export type CourseTranslationFile = z.infer<typeof CourseTranslationFileSchema>
