import { z } from 'zod'
import type { MethodName } from './methods'

const NoInput = z.object({}).strict()

export const LanguageSchema = z.enum(['en', 'cy'])
export type Language = z.infer<typeof LanguageSchema>

export const AppInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    host: z.enum(['desktop', 'web']),
  })
  .strict()
export type AppInfo = z.infer<typeof AppInfoSchema>

/** One located problem in a course's files, as `validate` and the library show it. */
export const CourseProblemSchema = z
  .object({
    file: z.string(),
    line: z.number().int().nonnegative(),
    column: z.number().int().nonnegative(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    hint: z.string().optional(),
  })
  .strict()
export type CourseProblem = z.infer<typeof CourseProblemSchema>

export const CourseSummarySchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('ready'),
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      language: z.string(),
    })
    .strict(),
  z
    .object({
      status: z.literal('unavailable'),
      /** The course folder's name: the course file may be too broken to give its id. */
      folder: z.string(),
      problems: z.array(CourseProblemSchema),
    })
    .strict(),
])
export type CourseSummary = z.infer<typeof CourseSummarySchema>

export const SettingsSchema = z
  .object({
    language: LanguageSchema,
  })
  .strict()
export type Settings = z.infer<typeof SettingsSchema>

export const SettingsPatchSchema = z
  .object({
    language: LanguageSchema.optional(),
  })
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

/**
 * Every method the UI may call, with the schema of its input and output. The router parses every
 * input against these as untrusted data; the transports add nothing of their own.
 */
export const contract = {
  'app.info': { input: NoInput, output: AppInfoSchema },
  'course.list': { input: NoInput, output: z.array(CourseSummarySchema) },
  'settings.get': { input: NoInput, output: SettingsSchema },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

/** The one interface the renderer talks to, whatever the transport underneath. */
export type CivicApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>
}
