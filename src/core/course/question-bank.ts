import { z } from 'zod'
import { IdSchema } from './ids'
import { type ProblemList, START, suggestion, type Where } from './problems'
import { AuthoredQuestionSchema, type Question, QUESTION_DEFINITIONS } from '../questions/schemas'
import { checkSchema, parseYaml } from './yaml-source'

/** A question bank file, as authors write it; the source of its published JSON Schema. */
export const QuestionBankFileSchema = z
  .object({
    id: IdSchema.describe('The bank id that quizzes name in "bank".'),
    title: z.string().min(1).optional(),
    module: IdSchema.optional().describe(
      'The module whose content this bank tests, for a quiz elsewhere that draws per bank (a final assessment): where that module is left out (hidden by a council, or not chosen for an export) the quiz leaves this bank out too, so no learner is asked about a module they were not given.',
    ),
    questions: z.array(AuthoredQuestionSchema).min(1),
  })
  .strict()
  .meta({ title: 'Civic Learn question bank' })

/** The bank's own fields, checked before each question is checked against its own type. */
const BankHeadSchema = z
  .object({
    id: QuestionBankFileSchema.shape.id,
    title: QuestionBankFileSchema.shape.title,
    module: QuestionBankFileSchema.shape.module,
    questions: z.array(z.unknown()).min(1),
  })
  .strict()

export interface ParsedBank {
  id: string
  /** The module it tests (`module`), with where that is written. */
  module?: { id: string; at: Where }
  questions: Question[]
  /** Where each question starts, for messages about translations. */
  locations: Map<string, Where>
}

/** Parses one bank; every question is checked even when others fail, so all problems show at once. */
export function parseQuestionBank(
  text: string,
  file: string,
  problems: ProblemList,
  declareId: (id: string, at: Where) => void,
): ParsedBank | undefined {
  const source = parseYaml(text, file, problems)
  if (!source) return undefined
  const head = checkSchema(BankHeadSchema, source.value, source, problems)
  const raw = source.value !== null && typeof source.value === 'object' ? (source.value as { questions?: unknown }).questions : undefined
  const questions: Question[] = []
  const locations = new Map<string, Where>()
  const errorsBefore = problems.errorCount
  if (Array.isArray(raw)) {
    raw.forEach((item: unknown, index) => {
      const path = ['questions', index]
      const type = item !== null && typeof item === 'object' ? (item as { type?: unknown }).type : undefined
      const definition = typeof type === 'string' ? QUESTION_DEFINITIONS.get(type) : undefined
      if (!definition) {
        const hint = typeof type === 'string' ? suggestion(type, [...QUESTION_DEFINITIONS.keys()]) : `Give the question a "type": ${[...QUESTION_DEFINITIONS.keys()].join(', ')}.`
        const at = typeof type === 'string' ? source.locate([...path, 'type']) : source.locate(path)
        problems.error(file, at, typeof type === 'string' ? `Unknown question type "${type}".` : 'The question has no "type".', hint)
        return
      }
      const authored = checkSchema(definition.authored, item, source, problems, path)
      if (authored === undefined) return
      const at = () => source.locate(path)
      const question = definition.build(authored, { file, problems, at: (inner = []) => source.locate([...path, ...inner]) }) as Question | undefined
      if (!question) return
      declareId(question.id, () => source.locate([...path, 'id']))
      locations.set(question.id, at)
      questions.push(question)
    })
  }
  if (!head || problems.errorCount > errorsBefore) return undefined
  const bank: ParsedBank = { id: head.id, questions, locations }
  if (head.module !== undefined) bank.module = { id: head.module, at: () => source.locate(['module']) }
  return bank
}

/** From this many true/false questions in a bank, their answers should be roughly balanced. */
const BALANCE_FROM = 3

/**
 * Warns when a bank's true/false answers lean one way (more than two thirds the same): a learner
 * who always guesses that answer would score well without knowing anything.
 */
export function checkTrueFalseBalance(bank: ParsedBank, file: string, problems: ProblemList): void {
  const statements = bank.questions.filter((question) => question.type === 'true-false')
  if (statements.length < BALANCE_FROM) return
  const trues = statements.filter((question) => question.answer).length
  const leaning = Math.max(trues, statements.length - trues)
  if (leaning * 3 <= statements.length * 2) return
  const answer = trues === leaning ? 'true' : 'false'
  problems.warning(
    file,
    bank.locations.get(statements[0]?.id ?? '') ?? START,
    `${leaning} of the bank's ${statements.length} true/false questions are ${answer}: a learner who always answers "${answer}" scores well without knowing the subject.`,
    `Balance the bank: rewrite some statements so that about as many are true as false.`,
  )
}
