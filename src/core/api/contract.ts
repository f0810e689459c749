import { z } from 'zod'
import { CourseBundleSchema } from '../course/bundle'
import { IdSchema } from '../course/ids'
import { FeedbackReportSchema, FeedbackSourceSchema } from '../comments/schema'
import { MAX_RECORD_BYTES } from '../progress/learner-record'
import { CourseProgressSchema, TrackingEventSchema } from '../progress/schema'
import { BrandingOverlaySchema } from '../branding'
import type { MethodName } from './methods'
import { DEFAULT_SETTINGS, TEXT_SIZES, THEMES, UI_LANGUAGES } from '../app-defaults'
import { INTERACTION_JOURNALS, REPORTING_MODES } from '../scorm/reporting'
import { NATIONS } from './nations'
import { RoomItemsSchema, WorkshopActionSchema, WorkshopStatusSchema } from './workshop-schemas'

const NoInput = z.object({}).strict()

export const LanguageSchema = z.enum(UI_LANGUAGES)
export type Language = z.infer<typeof LanguageSchema>

export const AppInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    /** Where the app runs; 'scorm' is the player inside an exported package. */
    host: z.enum(['desktop', 'web', 'scorm']),
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
      languages: z.array(z.string()),
      /** Title and summary in each language the course offers, for the library in the learner's language. */
      localized: z.record(z.string(), z.object({ title: z.string(), summary: z.string() }).strict()),
      minutes: z.number(),
      modules: z.number(),
      /** An example for course authors: the library lists it apart, after the courses. */
      example: z.literal(true).optional(),
      /** The course's decorative cover picture: a file of the course, served with its media. */
      cover: z.string().optional(),
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

export const NationSchema = z.enum(NATIONS)

export const SettingsSchema = z
  .object({
    language: LanguageSchema,
    /** Where the learner serves, so legal notes for their nation come first; null until they choose. */
    nation: NationSchema.nullable().default(null),
    /** How the screens look on this device: the colour theme, the text size, captions on or off at first. */
    theme: z.enum(THEMES).default(DEFAULT_SETTINGS.theme),
    textSize: z.enum(TEXT_SIZES).default(DEFAULT_SETTINGS.textSize),
    captions: z.boolean().default(DEFAULT_SETTINGS.captions),
  })
  .strict()
export type Settings = z.infer<typeof SettingsSchema>

export const SettingsPatchSchema = z
  .object({
    language: LanguageSchema.optional(),
    nation: NationSchema.nullable().optional(),
    theme: z.enum(THEMES).optional(),
    textSize: z.enum(TEXT_SIZES).optional(),
    captions: z.boolean().optional(),
  })
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const ProfileSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), hasPin: z.boolean() })
  .strict()
export type Profile = z.infer<typeof ProfileSchema>

const ProfileNameSchema = z.string().trim().min(1, 'needs a name').max(80)
const ProfileIdSchema = z.string().min(1).max(64)
/** A courtesy PIN: 4 to 8 digits. */
const PinSchema = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits')
const TrainerStatusSchema = z.object({ hasPin: z.boolean(), unlocked: z.boolean() }).strict()

/** What the learner must be told about their saved data. */
export const StoreNoticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recovered'), setAside: z.string(), restoredFrom: z.string().nullable(), backupTakenAt: z.string().nullable() }).strict(),
  z.object({ kind: z.literal('newer-version'), fileVersion: z.number(), appVersion: z.number() }).strict(),
  z.object({ kind: z.literal('migrated'), from: z.number(), to: z.number(), backup: z.string() }).strict(),
  z.object({ kind: z.literal('write-failed'), reason: z.enum(['disk-full', 'permission', 'other']), code: z.string() }).strict(),
  z.object({ kind: z.literal('write-recovered') }).strict(),
])
export type StoreNotice = z.infer<typeof StoreNoticeSchema>

const QuizSummarySchema = z.object({ total: z.number().int(), taken: z.number().int(), passed: z.number().int(), meanTaken: z.number().nullable() }).strict()

export const CourseOverviewSchema = z
  .object({
    courseId: z.string(),
    progress: z.number().min(0).max(1),
    complete: z.boolean(),
    passed: z.boolean().nullable(),
    score: z.number().nullable(),
    /** Quizzes passed of all, and the mean of those taken: what screens show (see QuizSummary). */
    quizzes: QuizSummarySchema,
    secondsSpent: z.number(),
    startedAt: z.string().optional(),
    completedAt: z.string().optional(),
  })
  .strict()
export type CourseOverview = z.infer<typeof CourseOverviewSchema>

const CourseRef = z.object({ courseId: IdSchema }).strict()

/** Names one state of a learner's progress in a course as the host held it; new with every change and every host start. */
const RevisionSchema = z.string().max(64)
/**
 * Why a host left a learner's comment out of their progress: a SCORM package's LMS had no room
 * left for it, or did not take it. The learner's words stay in their form.
 */
export const CommentRefusalSchema = z.enum(['comment-room', 'comment-failed'])
export type CommentRefusal = z.infer<typeof CommentRefusalSchema>

/**
 * progress.record's answer: `progress` is left out when the client's own result is the host's;
 * `refused` says why a comment among the events was not kept (the other events were).
 */
export const ProgressAnswerSchema = z.object({ revision: RevisionSchema, progress: CourseProgressSchema.optional(), refused: CommentRefusalSchema.optional() }).strict()
export type ProgressAnswer = z.infer<typeof ProgressAnswerSchema>

const QuizStandingSchema = z.object({ attempts: z.number().int().min(0), best: z.number().nullable(), passed: z.boolean() }).strict()
/** core/progress/results.ts: one course's results, a row per learner. */
export const ResultsTableSchema = z
  .object({
    courseId: IdSchema,
    title: z.string(),
    version: z.string(),
    quizzes: z.array(z.object({ id: IdSchema, title: z.string(), module: z.string() }).strict()),
    rows: z.array(
      z
        .object({
          learner: z.string(),
          started: z.boolean(),
          progress: z.number(),
          complete: z.boolean(),
          passed: z.boolean().nullable(),
          quizSummary: QuizSummarySchema,
          minutes: z.number(),
          startedAt: z.string().nullable(),
          completedAt: z.string().nullable(),
          importedAt: z.string().nullable(),
          quizzes: z.record(z.string(), QuizStandingSchema),
        })
        .strict(),
    ),
  })
  .strict()

/** A file the API makes for the learner to save: a certificate, a notebook, a record, a table. */
export const FileSchema = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() }).strict()
export type FileDownload = z.infer<typeof FileSchema>

/** What a SCORM export wrote, for the summary the page shows, and where the package is kept to save and to test. */
export const ScormExportResultSchema = z
  .object({
    summary: z
      .object({
        fileName: z.string(),
        format: z.enum(['scorm12', 'scorm2004']),
        reporting: z.enum(REPORTING_MODES),
        interactions: z.enum(INTERACTION_JOURNALS),
        hasQuizzes: z.boolean(),
        /** How many answers the LMS's interactions journal holds, and how many questions an attempt at each journaled quiz asks. */
        journal: z.object({ answers: z.number().int().nonnegative(), quizzes: z.array(z.object({ id: z.string(), questions: z.number().int().nonnegative() }).strict()) }).strict(),
        bytes: z.number().int().nonnegative(),
        files: z.number().int().nonnegative(),
        mediaFiles: z.number().int().nonnegative(),
        modules: z.array(z.string()),
        /** The longest suspend data the package can produce, against its version's limit; fits is false when the essentials alone outgrow it. */
        suspendData: z.object({ worstCase: z.number().int().nonnegative(), limit: z.number().int().positive(), fits: z.boolean() }).strict(),
      })
      .strict(),
    /**
     * The package, kept for this run: the desktop saves it with export.save; a browser downloads it
     * from the web host at /exports/<packageId> (EXPORTS_PATH).
     */
    packageId: z.uuid(),
    /** Where the package is served for "Test this package" (/preview/<id>/), or null when it cannot be. */
    previewId: z.uuid().nullable(),
  })
  .strict()
export type ScormExportResult = z.infer<typeof ScormExportResultSchema>

/**
 * The council's branding the app shows, as the SCORM player shows it, with the logo inlined as a
 * data: URL (the CSP allows images from data:); `problem` says why a broken overlay was not applied.
 */
export const AppBrandingSchema = z
  .object({
    branding: BrandingOverlaySchema.omit({ hideModules: true, policyPage: true, logo: true, signingKey: true })
      .extend({ logo: z.string().regex(/^data:image\/(png|jpeg|svg\+xml|webp);base64,[A-Za-z0-9+/]*={0,2}$/).optional() })
      .strict()
      .nullable(),
    problem: z.string().nullable(),
  })
  .strict()
export type AppBranding = z.infer<typeof AppBrandingSchema>

/**
 * Every method the UI may call, with the schema of its input and output. The router parses every
 * input against these as untrusted data; the transports add nothing of their own.
 */
export const contract = {
  'app.info': { input: NoInput, output: AppInfoSchema },
  'course.list': { input: NoInput, output: z.array(CourseSummarySchema) },
  'settings.get': { input: NoInput, output: SettingsSchema },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
  'course.get': { input: CourseRef, output: CourseBundleSchema },
  'progress.get': { input: CourseRef, output: CourseProgressSchema },
  /**
   * Answers with the revision of the progress the host holds after the events, and that progress
   * for the UI to adopt, unless `since` names the revision the client applied them to and the host
   * took them all as sent: the client then holds what the host holds, and a progress event costs
   * about what any request costs, not the course's whole progress (ProgressAnswerSchema).
   */
  'progress.record': {
    input: z.object({ courseId: IdSchema, events: z.array(TrackingEventSchema).min(1).max(200), since: RevisionSchema.optional() }).strict(),
    output: ProgressAnswerSchema,
  },
  'progress.overview': { input: NoInput, output: z.array(CourseOverviewSchema) },
  'profile.list': { input: NoInput, output: z.object({ activeId: z.string().nullable(), profiles: z.array(ProfileSchema) }).strict() },
  'profile.create': { input: z.object({ name: ProfileNameSchema }).strict(), output: ProfileSchema },
  /** A workshop's learners at once, one name each (the trainer's, where there is a trainer PIN). */
  'profile.createMany': { input: z.object({ names: z.array(ProfileNameSchema).min(1).max(200) }).strict(), output: z.object({ created: z.array(ProfileSchema) }).strict() },
  'profile.rename': { input: z.object({ id: ProfileIdSchema, name: ProfileNameSchema }).strict(), output: ProfileSchema },
  'profile.delete': { input: z.object({ id: ProfileIdSchema }).strict(), output: z.object({ deleted: z.literal(true) }).strict() },
  'profile.switch': { input: z.object({ id: ProfileIdSchema, pin: z.string().max(8).optional() }).strict(), output: ProfileSchema },
  'profile.setPin': { input: z.object({ id: ProfileIdSchema, pin: PinSchema.nullable() }).strict(), output: ProfileSchema },
  /** The trainer's PIN on a shared laptop: whether there is one, and whether it has been given (for a quarter of an hour). */
  'trainer.status': { input: NoInput, output: TrainerStatusSchema },
  'trainer.unlock': { input: z.object({ pin: z.string().max(8) }).strict(), output: TrainerStatusSchema },
  'trainer.lock': { input: NoInput, output: TrainerStatusSchema },
  /** Sets the first trainer PIN, or with it given, changes or removes it (null). */
  'trainer.setPin': { input: z.object({ pin: PinSchema.nullable() }).strict(), output: TrainerStatusSchema },
  'certificate.create': { input: CourseRef, output: FileSchema },
  'notebook.export': { input: z.object({ courseId: IdSchema, format: z.enum(['markdown', 'pdf']) }).strict(), output: FileSchema },
  'record.export': { input: NoInput, output: FileSchema },
  'record.import': { input: z.object({ text: z.string().max(MAX_RECORD_BYTES) }).strict(), output: ProfileSchema },
  /** The learner's comments on every course as a file to share, with their name or without it. */
  'comments.export': { input: z.object({ named: z.boolean() }).strict(), output: FileSchema },
  /** One file a trainer collected for a feedback report (a comments file or a learner record): what it brings, or why it cannot be used. */
  'feedback.read': {
    input: z.object({ text: z.string().max(MAX_RECORD_BYTES) }).strict(),
    output: z.union([z.object({ ok: z.literal(true), source: FeedbackSourceSchema }).strict(), z.object({ ok: z.literal(false), reason: z.string() }).strict()]),
  },
  /** The files read, merged into the report by course, page and part; the trainer's, like the results. */
  'feedback.report': { input: z.object({ sources: z.array(FeedbackSourceSchema).min(1).max(200) }).strict(), output: FeedbackReportSchema },
  'feedback.export': { input: z.object({ sources: z.array(FeedbackSourceSchema).min(1).max(200), format: z.enum(['csv', 'jsonld']) }).strict(), output: FileSchema },
  'results.export': { input: NoInput, output: FileSchema },
  /** Every learner's results in each course, for the trainer's results screen (guarded as results.export is). */
  'results.table': { input: NoInput, output: z.array(ResultsTableSchema) },
  'data.deleteAll': { input: z.object({ confirm: z.literal('delete everything') }).strict(), output: z.object({ deleted: z.literal(true) }).strict() },
  /** Every learner and their records go, for the next workshop; the settings and the trainer PIN stay. */
  /** The pages a trainer presented, marked as seen by each learner who attended (guarded by the trainer's PIN). */
  'present.attendance': {
    input: z.object({ courseId: IdSchema, pageIds: z.array(IdSchema).min(1).max(500), learnerIds: z.array(ProfileIdSchema).min(1).max(200) }).strict(),
    output: z.object({ learners: z.number().int(), pages: z.number().int() }).strict(),
  },
  /** The machine's network addresses a workshop's phones could join on (IPv4, not loopback). */
  'workshop.networks': { input: NoInput, output: z.object({ addresses: z.array(z.object({ name: z.string(), address: z.string() }).strict()) }).strict() },
  /**
   * Starts the live session for a module (guarded by the trainer's PIN). With `listen`, phones join
   * on that address of this machine; without it nothing listens beyond this machine, and the
   * trainer enters the room's counts by hand.
   */
  'workshop.start': {
    input: z.object({ courseId: IdSchema, moduleId: IdSchema, language: LanguageSchema, anonymous: z.boolean(), listen: z.string().max(64).nullable() }).strict(),
    output: WorkshopStatusSchema,
  },
  /** The session as it is, answered once its revision differs from `since` (or after about 20 s). */
  'workshop.status': { input: z.object({ since: z.number().int().nullable() }).strict(), output: WorkshopStatusSchema },
  'workshop.items': { input: NoInput, output: RoomItemsSchema },
  'workshop.act': { input: z.object({ action: WorkshopActionSchema }).strict(), output: WorkshopStatusSchema },
  /** The learner using the app puts their comment to the room's questions (the trainer approves it first, as a phone's). */
  'workshop.ask': { input: z.object({ text: z.string().max(2000) }).strict(), output: z.object({ asked: z.literal(true) }).strict() },
  /** The last session's record (running or ended) as CSV or a one-page PDF, with the pages the presenter showed and the learners marked as attending; the trainer's, like the results. */
  'workshop.record': { input: z.object({ format: z.enum(['csv', 'pdf']), pageIds: z.array(IdSchema).max(500), attendees: z.array(z.string().max(200)).max(500) }).strict(), output: FileSchema },
  /** Ends the session: phones are told, and nothing listens for them any more. */
  'workshop.end': { input: NoInput, output: WorkshopStatusSchema },
  'data.resetWorkshop': { input: z.object({ confirm: z.literal('reset for the next workshop') }).strict(), output: z.object({ reset: z.literal(true) }).strict() },
  /** Desktop only: the page as a PDF handout; the web host answers UNAVAILABLE and the browser prints. */
  'handout.printToPdf': { input: z.object({ fileName: z.string().regex(/^[a-z0-9-]{1,80}\.pdf$/) }).strict(), output: FileSchema },
  'export.scorm': {
    input: z
      .object({
        courseId: IdSchema,
        format: z.enum(['scorm12', 'scorm2004']),
        reporting: z.enum(REPORTING_MODES).optional(),
        interactions: z.enum(INTERACTION_JOURNALS).optional(),
        modules: z.array(IdSchema).min(1).max(200).optional(),
      })
      .strict(),
    output: ScormExportResultSchema,
  },
  /**
   * Desktop only: asks the learner where to save an exported package and writes it there;
   * `savedAs` is the file's name, or null when they cancelled. The web host answers UNAVAILABLE:
   * the browser downloads the package itself.
   */
  'export.save': { input: z.object({ packageId: z.uuid() }).strict(), output: z.object({ savedAs: z.string().nullable() }).strict() },
  'store.status': { input: NoInput, output: z.object({ readOnly: z.boolean(), notices: z.array(StoreNoticeSchema) }).strict() },
  'branding.get': { input: NoInput, output: AppBrandingSchema },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

/** The one interface the renderer talks to, whatever the transport underneath. */
export type CivicApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>
}
