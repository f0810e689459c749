import { BLOCK_TYPES, type Block, TEXT_TRANSLATABLE } from './blocks'
import type { LocalizedCourse, Module, Page } from './bundle'
import { COURSE_FILE, COURSE_TRANSLATABLE, CourseTranslationFileSchema, TRANSLATIONS_FOLDER } from './course-file'
import type { CourseLoadContext } from './load-context'
import { MODULE_TRANSLATABLE, type ModuleEnvironment, parseModule, type ParsedModule } from './module-file'
import { START, suggestion, type Where } from './problems'
import { parseQuestionBank, type ParsedBank } from './question-bank'
import { type Question, QUESTION_DEFINITIONS } from '../questions/schemas'
import { checkSchema, parseYaml } from './yaml-source'

/** A file of the course language with what the translation needs to mirror it. */
export interface LoadedModule {
  path: string
  parsed: ParsedModule
}

export interface LoadedBankFile {
  path: string
  bank: ParsedBank
}

export interface TranslationInput {
  language: string
  /** The course language, named in messages. */
  courseLanguage: string
  /** Where course.yaml lists this language. */
  listedAt: Where
  original: LocalizedCourse
  modules: readonly LoadedModule[]
  banks: readonly LoadedBankFile[]
  /** Every module and bank file course.yaml lists, including any that failed their checks. */
  listed: { modules: readonly string[]; banks: readonly string[] }
  environment: ModuleEnvironment
}

/** What a merge found wrong, with the path of the value inside the item being merged. */
interface MergeReport {
  mismatch(path: string): void
  missing(path: string): void
}

/**
 * Builds the complete tree for one translation from translations/<code>/, a mirror of the course
 * folder. What is missing falls back to the course language with a warning; what differs in
 * structure (ids, answers, settings) is an error, since the two languages must score alike.
 */
export function translateCourse(input: TranslationInput, context: CourseLoadContext): LocalizedCourse {
  const language = input.language
  const problems = context.problems
  const prefix = `${TRANSLATIONS_FOLDER}/${language}/`
  const theirs = [...context.files.keys()].filter((path) => path.startsWith(prefix))
  if (theirs.length === 0) {
    problems.warning(COURSE_FILE, input.listedAt, `There is no folder ${prefix} for the "${language}" translation.`, `Everything is shown in "${input.courseLanguage}" until the files are added.`)
    return input.original
  }
  const used = new Set<string>([...input.listed.modules, ...input.listed.banks].map((path) => `${prefix}${path}`))
  const fallbackHint = `The "${input.courseLanguage}" version is shown instead.`
  const notTranslated = (what: string) => problems.warning(COURSE_FILE, input.listedAt, `No "${language}" translation of ${what}.`, fallbackHint)

  const result: LocalizedCourse = { ...input.original }
  const coursePath = `${prefix}${COURSE_FILE}`
  const courseText = context.files.has(coursePath) ? context.text(coursePath) : undefined
  used.add(coursePath)
  if (courseText === undefined) {
    if (!context.files.has(coursePath)) notTranslated(`${COURSE_FILE} (${coursePath})`)
  } else {
    const source = parseYaml(courseText, coursePath, problems)
    const texts = source && checkSchema(CourseTranslationFileSchema, source.value ?? {}, source, problems)
    if (texts) {
      for (const key of COURSE_TRANSLATABLE) {
        const value = texts[key]
        if (value !== undefined) Object.assign(result, { [key]: value })
        else if (input.original[key] !== undefined && !(Array.isArray(input.original[key]) && input.original[key].length === 0)) {
          problems.warning(coursePath, START, `"${key}" is not translated.`, fallbackHint)
        }
      }
    }
  }

  const banks = new Map<string, readonly Question[]>()
  for (const { path, bank } of input.banks) {
    const translatedPath = `${prefix}${path}`
    used.add(translatedPath)
    const text = context.files.has(translatedPath) ? context.text(translatedPath) : undefined
    if (!context.files.has(translatedPath)) notTranslated(`the question bank ${path} (${translatedPath})`)
    const translated = text === undefined ? undefined : parseQuestionBank(text, translatedPath, problems, () => undefined)
    banks.set(bank.id, translated ? mergeBank(bank, translated, translatedPath, path, context) : bank.questions)
  }

  const environment: ModuleEnvironment = {
    ...input.environment,
    declareId: () => undefined,
    bank: (id, file, at) => banks.get(id) ?? input.environment.bank(id, file, at),
  }
  result.modules = input.modules.map(({ path, parsed }) => {
    const translatedPath = `${prefix}${path}`
    used.add(translatedPath)
    if (!context.files.has(translatedPath)) {
      notTranslated(`the module ${path} (${translatedPath})`)
      return parsed.module
    }
    const text = context.text(translatedPath)
    const translated = text === undefined ? undefined : parseModule(text, translatedPath, environment)
    return translated ? mergeModule(parsed.module, translated, translatedPath, path, context) : parsed.module
  })

  // Files whose course-language version failed its checks cannot be compared with it, but are
  // still checked on their own so that their problems show now rather than after the next fix.
  const translatedPath = (path: string) => `${prefix}${path}`
  for (const path of input.listed.banks) {
    const text = input.banks.some((bank) => bank.path === path) || !context.files.has(translatedPath(path)) ? undefined : context.text(translatedPath(path))
    if (text !== undefined) parseQuestionBank(text, translatedPath(path), problems, () => undefined)
  }
  for (const path of input.listed.modules) {
    const text = input.modules.some((module) => module.path === path) || !context.files.has(translatedPath(path)) ? undefined : context.text(translatedPath(path))
    if (text !== undefined) parseModule(text, translatedPath(path), environment)
  }

  for (const path of theirs) {
    if (!used.has(path) && (path.endsWith('.md') || path.endsWith('.yaml') || path.endsWith('.yml'))) {
      const original = path.slice(prefix.length)
      problems.warning(path, START, `This file translates ${original}, which the course does not use.`, suggestion(original, [...input.modules.map((module) => module.path), ...input.banks.map((bank) => bank.path)]))
    }
  }
  return result
}

function mergeBank(original: ParsedBank, translated: ParsedBank, file: string, originalFile: string, context: CourseLoadContext): Question[] {
  const problems = context.problems
  if (translated.id !== original.id) {
    problems.error(file, START, `The bank id "${translated.id}" differs from "${original.id}" in ${originalFile}.`, 'Keep ids as in the course language; translate only the text.')
  }
  const byId = new Map(translated.questions.map((question) => [question.id, question]))
  for (const question of translated.questions) {
    if (!original.questions.some((candidate) => candidate.id === question.id)) {
      problems.error(file, translated.locations.get(question.id) ?? START, `The question "${question.id}" is not in ${originalFile}.`, suggestion(question.id, original.questions.map((candidate) => candidate.id)))
    }
  }
  return original.questions.map((question) => {
    const theirs = byId.get(question.id)
    if (!theirs) {
      problems.warning(file, START, `The question "${question.id}" is not translated.`, 'The course language version is used instead.')
      return question
    }
    const at = translated.locations.get(question.id) ?? START
    const keys = new Set(QUESTION_DEFINITIONS.get(question.type)?.translatable ?? [])
    return merge(question, theirs, keys, reporter(context, file, at, `question "${question.id}"`, originalFile, keys)) as Question
  })
}

function mergeModule(original: Module, translated: ParsedModule, file: string, originalFile: string, context: CourseLoadContext): Module {
  const problems = context.problems
  const moduleKeys = new Set<string>(MODULE_TRANSLATABLE)
  const { pages: translatedPages, ...translatedHead } = translated.module
  const { pages: originalPages, ...originalHead } = original
  const head = merge(originalHead, translatedHead, moduleKeys, reporter(context, file, START, 'the front matter', originalFile, moduleKeys)) as Omit<Module, 'pages'>
  const byId = new Map(translatedPages.map((page) => [page.id, page]))
  for (const page of translatedPages) {
    if (!originalPages.some((candidate) => candidate.id === page.id)) {
      problems.error(file, translated.locations.get(page) ?? START, `The page "${page.id}" is not in ${originalFile}.`, suggestion(page.id, originalPages.map((candidate) => candidate.id)))
    }
  }
  const pages = originalPages.map((page): Page => {
    const theirs = byId.get(page.id)
    if (!theirs) {
      problems.warning(file, START, `The page "${page.id}" is not translated.`, 'The course language version is shown instead.')
      return page
    }
    const at = translated.locations.get(theirs) ?? START
    if (theirs.blocks.length !== page.blocks.length) {
      problems.error(file, at, `The page "${page.id}" has ${theirs.blocks.length} blocks here but ${page.blocks.length} in ${originalFile}.`, 'Keep the same blocks in the same order; translate only their text.')
      return page
    }
    const blocks = page.blocks.map((block, index): Block => {
      const other = theirs.blocks[index] as Block
      const blockAt = translated.locations.get(other) ?? at
      if (other.type !== block.type) {
        problems.error(file, blockAt, `This is a ${other.type} block where ${originalFile} has a ${block.type} block.`, 'Keep the same blocks in the same order; translate only their text.')
        return block
      }
      const keys = new Set(BLOCK_TYPES.get(block.type)?.translatable ?? TEXT_TRANSLATABLE)
      return merge(block, other, keys, reporter(context, file, blockAt, `this ${block.type} block`, originalFile, keys)) as Block
    })
    return { id: page.id, title: theirs.title, blocks }
  })
  return { ...head, pages }
}

function reporter(context: CourseLoadContext, file: string, at: Where, what: string, originalFile: string, keys: ReadonlySet<string>): MergeReport {
  return {
    mismatch: (path) =>
      context.problems.error(
        file,
        at,
        `In ${what}, "${path}" differs from ${originalFile}.`,
        `A translation changes only text (${[...keys].join(', ')}); ids, answers and settings stay as in the course language.`,
      ),
    missing: (path) => context.problems.warning(file, at, `In ${what}, "${path}" is not translated.`, 'The course language text is shown instead.'),
  }
}

/**
 * Takes translatable keys from the translation and everything else from the original, which
 * the translation must match exactly.
 */
function merge(original: unknown, translated: unknown, keys: ReadonlySet<string>, report: MergeReport, path = ''): unknown {
  if (Array.isArray(original)) {
    if (!Array.isArray(translated) || translated.length !== original.length) {
      report.mismatch(path)
      return original
    }
    return original.map((item, index) => merge(item, translated[index], keys, report, `${path}[${index}]`))
  }
  if (original !== null && typeof original === 'object') {
    if (translated === null || typeof translated !== 'object' || Array.isArray(translated)) {
      report.mismatch(path)
      return original
    }
    const mine = original as Record<string, unknown>
    const theirs = translated as Record<string, unknown>
    const result: Record<string, unknown> = {}
    for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const inner = path === '' ? key : `${path}.${key}`
      if (keys.has(key)) {
        if (key in theirs) result[key] = theirs[key]
        else {
          report.missing(inner)
          result[key] = mine[key]
        }
      } else if (!(key in mine) || !(key in theirs)) {
        report.mismatch(inner)
        if (key in mine) result[key] = mine[key]
      } else {
        result[key] = merge(mine[key], theirs[key], keys, report, inner)
      }
    }
    return result
  }
  if (original !== translated) report.mismatch(path)
  return original
}
