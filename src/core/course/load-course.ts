import type { CourseProblem } from '../api'
import type { CourseBundle, LocalizedCourse } from './bundle'
import { COURSE_FILE, type CourseFile, CourseFileSchema, TRANSLATIONS_FOLDER } from './course-file'
import type { Jurisdiction } from './ids'
import { CourseLoadContext } from './load-context'
import { type ModuleEnvironment, parseModule } from './module-file'
import { ProblemList, START, suggestion } from './problems'
import { checkTrueFalseBalance, parseQuestionBank } from './question-bank'
import type { CourseSource } from './source'
import { type LoadedBankFile, type LoadedModule, translateCourse } from './translations'
import { checkSchema, parseYaml, type YamlSource } from './yaml-source'
import { shareAcceptedAnswers } from './shared-answers'

export interface CourseLoadResult {
  /** Present only when there is no error: a course with errors is never shown. */
  bundle: CourseBundle | undefined
  /** Errors and warnings, sorted by file and position. */
  problems: CourseProblem[]
}

/**
 * Loads and checks a whole course from its files. Never throws on bad content: every problem,
 * in every file, comes back located, so authors can fix them all in one go.
 */
export function loadCourse(source: CourseSource): CourseLoadResult {
  const problems = new ProblemList()
  problems.addAll(source.problems)
  const context = new CourseLoadContext(source, problems)
  const bundle = build(context)
  return { bundle: problems.errorCount === 0 ? bundle : undefined, problems: problems.all() }
}

interface CourseFileRead {
  source: YamlSource
  course: CourseFile | undefined
  /** Lists taken from the file even when other fields are wrong, so their files are checked too. */
  modules: string[]
  banks: string[]
  translations: string[]
}

function build(context: CourseLoadContext): CourseBundle | undefined {
  const problems = context.problems
  const read = readCourseFile(context)
  if (!read) return undefined
  const { course, source } = read
  const brokenBanks = new Set<string>()
  const environment: ModuleEnvironment = {
    problems,
    defaultJurisdiction: course?.jurisdiction ?? ('uk-wide' satisfies Jurisdiction),
    passMark: course?.passMark ?? 0,
    declareId: (id, file, at) => context.declareId(id, file, at),
    courseFile: (reference, kind, file, at) => context.courseFile(reference, kind, file, at),
    bank: (id, file, at) => {
      const bank = context.banks.get(id)
      if (bank) {
        context.usedBanks.add(id)
        return bank.questions
      }
      if (!brokenBanks.has(id)) {
        problems.error(file, at, `There is no question bank "${id}".`, suggestion(id, [...context.banks.keys()]) ?? 'List the bank file under "questionBanks" in course.yaml.')
      }
      return undefined
    },
    bankModule: (id) => context.banks.get(id)?.module,
  }

  const banks: LoadedBankFile[] = []
  const listed = new Set<string>()
  const listedBanks: string[] = []
  const listedModules: string[] = []
  read.banks.forEach((reference, index) => {
    const at = () => source.locate(['questionBanks', index])
    const path = context.courseFile(reference, 'bank', COURSE_FILE, at)
    if (path === undefined) return
    if (listed.has(path)) {
      problems.error(COURSE_FILE, at, `${path} is listed twice.`)
      return
    }
    listed.add(path)
    listedBanks.push(path)
    const text = context.text(path)
    if (text === undefined) return
    const bank = parseQuestionBank(text, path, problems, (id, where) => context.declareId(id, path, where))
    if (!bank) {
      const id = rawId(text)
      if (id !== undefined) brokenBanks.add(id)
      return
    }
    const first = context.banks.get(bank.id)
    if (first) {
      problems.error(path, START, `The bank id "${bank.id}" is already used by ${first.file}.`, 'Give every question bank its own id.')
      return
    }
    checkTrueFalseBalance(bank, path, problems)
    context.banks.set(bank.id, { questions: bank.questions, file: path, ...(bank.module ? { module: bank.module.id } : {}) })
    banks.push({ path, bank })
  })

  const modules: LoadedModule[] = []
  read.modules.forEach((reference, index) => {
    const at = () => source.locate(['modules', index])
    const path = context.courseFile(reference, 'module', COURSE_FILE, at)
    if (path === undefined) return
    if (listed.has(path)) {
      problems.error(COURSE_FILE, at, `${path} is listed twice.`)
      return
    }
    listed.add(path)
    listedModules.push(path)
    if (path.startsWith(`${TRANSLATIONS_FOLDER}/`)) {
      problems.error(COURSE_FILE, at, `${path} is inside the translations folder.`, 'List the course-language file; translations are found by their place under translations/<code>/.')
      return
    }
    const text = context.text(path)
    const parsed = text === undefined ? undefined : parseModule(text, path, environment)
    if (parsed) modules.push({ path, parsed })
  })

  const moduleIds = modules.map((module) => module.parsed.module.id)
  for (const { path, bank } of banks) {
    if (bank.module && !moduleIds.includes(bank.module.id)) {
      problems.error(path, bank.module.at, `The bank names the module "${bank.module.id}", which the course does not have.`, suggestion(bank.module.id, moduleIds) ?? `Its modules are: ${moduleIds.join(', ')}.`)
    }
    if (!context.usedBanks.has(bank.id)) problems.warning(path, START, `No quiz uses the question bank "${bank.id}".`, 'Add a quiz with {bank: ' + bank.id + '}, or remove the bank from course.yaml.')
  }
  // Translations are checked even when the course language has errors, so every problem shows at
  // once; only a course.yaml that could not be read stops here.
  if (!course) return undefined

  const original: LocalizedCourse = {
    title: course.title,
    summary: course.summary,
    credits: course.credits,
    modules: modules.map((module) => module.parsed.module),
  }
  if (course.audience !== undefined) original.audience = course.audience
  const cover = course.cover === undefined ? undefined : context.courseFile(course.cover, 'image', COURSE_FILE, () => source.locate(['cover']))
  if (course.finalAssessment !== undefined && !original.modules.some((module) => module.id === course.finalAssessment) && problems.errorCount === 0) {
    problems.error(COURSE_FILE, () => source.locate(['finalAssessment']), `"finalAssessment" names the module "${course.finalAssessment}", which the course does not have.`, `Its modules are: ${original.modules.map((module) => module.id).join(', ')}.`)
  }
  const content: Record<string, LocalizedCourse> = { [course.language]: original }
  course.translations.forEach((language, index) => {
    const listedAt = () => source.locate(['translations', index])
    if (language === course.language || language in content) {
      problems.error(COURSE_FILE, listedAt, `"${language}" is listed twice.`)
      return
    }
    content[language] = translateCourse({ language, courseLanguage: course.language, listedAt, original, modules, banks, listed: { modules: listedModules, banks: listedBanks }, environment }, context)
  })
  // While there are errors, a broken reference may be the one meant for a file: say nothing yet.
  if (problems.errorCount === 0) {
    for (const path of context.unusedMedia()) {
      problems.warning(path, START, 'Nothing in the course uses this file.', 'Refer to it from a page, or delete it: exports leave it out.')
    }
  }
  for (const path of context.files.keys()) {
    const language = path.startsWith(`${TRANSLATIONS_FOLDER}/`) ? path.split('/')[1] : undefined
    if (language !== undefined && !(language in content) && path.endsWith(`/${COURSE_FILE}`) && path.split('/').length === 3) {
      problems.warning(path, START, `The "${language}" translation is not offered.`, `Add "${language}" to "translations" in course.yaml.`)
    }
  }
  return {
    format: 1,
    id: course.id,
    version: course.version,
    language: course.language,
    languages: Object.keys(content),
    minutes: course.minutes,
    jurisdiction: course.jurisdiction,
    lastReviewed: course.lastReviewed,
    passMark: course.passMark,
    completion: course.completion,
    licence: course.licence,
    ...(course.cpdHours !== undefined ? { cpdHours: course.cpdHours } : {}),
    ...(course.example ? { example: true as const } : {}),
    ...(course.finalAssessment !== undefined ? { finalAssessment: course.finalAssessment } : {}),
    ...(cover !== undefined ? { cover } : {}),
    content: shareAcceptedAnswers(content),
  }
}

function readCourseFile(context: CourseLoadContext): CourseFileRead | undefined {
  const problems = context.problems
  if (!context.files.has(COURSE_FILE)) {
    problems.error(COURSE_FILE, START, 'The course has no course.yaml.', 'Every course folder needs a course.yaml with its id, title and modules.')
    return undefined
  }
  const text = context.text(COURSE_FILE)
  if (text === undefined) return undefined
  const source = parseYaml(text, COURSE_FILE, problems)
  if (!source) return undefined
  const course = checkSchema(CourseFileSchema, source.value, source, problems)
  const raw = source.value !== null && typeof source.value === 'object' ? (source.value as Record<string, unknown>) : {}
  return {
    source,
    course,
    modules: course?.modules ?? strings(raw.modules),
    banks: course?.questionBanks ?? strings(raw.questionBanks),
    translations: course?.translations ?? [],
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/** The id of a bank that failed its checks, so quizzes naming it are not also reported. */
function rawId(text: string): string | undefined {
  const source = parseYaml(text, '', new ProblemList())
  const value = source?.value
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : undefined
}
