import { z } from 'zod'
import { IdSchema } from './ids'
import { type ProblemList, suggestion, type Where } from './problems'
import { AuthoredQuestionSchema, type Question, QUESTION_TYPES } from './questions'
import { checkSchema, parseYaml } from './yaml-source'

/** A question bank file, as authors write it; the source of its published JSON Schema. */
export const QuestionBankFileSchema = z
  .object({
    id: IdSchema.describe('The bank id that quizzes name in "bank".'),
    title: z.string().min(1).optional(),
    questions: z.array(AuthoredQuestionSchema).min(1),
  })
  .strict()
  .meta({ title: 'Civic Learn question bank' })

/** The bank's own fields, checked before each question is checked against its own type. */
const BankHeadSchema = z
  .object({
    id: QuestionBankFileSchema.shape.id,
    title: QuestionBankFileSchema.shape.title,
    questions: z.array(z.unknown()).min(1),
  })
  .strict()

export interface ParsedBank {
  id: string
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
      const definition = typeof type === 'string' ? QUESTION_TYPES.get(type) : undefined
      if (!definition) {
        const hint = typeof type === 'string' ? suggestion(type, [...QUESTION_TYPES.keys()]) : `Give the question a "type": ${[...QUESTION_TYPES.keys()].join(', ')}.`
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
  return { id: head.id, questions, locations }
}
