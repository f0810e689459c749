import { z } from 'zod'
import { IdSchema } from '../ids'
import { type Question, QuestionSchema } from '../../questions/schemas'
import type { BlockContext, BlockDefinition } from './definition'

const PassMarkSchema = z.number().int().min(0).max(100)
/** When learners see feedback: as they check each answer, or only once the quiz is submitted. */
const FeedbackTimingSchema = z.enum(['immediate', 'end'])
/** What a quiz draws its questions per: each bank it names, or each tag its questions carry. */
const DrawPerSchema = z.enum(['bank', 'tag'])

export const QuizAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course.'),
    bank: z
      .union([IdSchema, z.array(IdSchema).min(1)])
      .describe('The id of the question bank to draw from, or a list of bank ids ([a, b, c]).'),
    draw: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('How many questions to draw at random (from each bank or tag with drawPer); all of them when left out.'),
    drawPer: DrawPerSchema.optional().describe(
      'Draw "draw" questions from each bank (bank) or from each tag the questions carry (tag), so every attempt covers every one.',
    ),
    passMark: PassMarkSchema.optional().describe('Percentage needed to pass; defaults to the course pass mark.'),
    attempts: z.number().int().positive().optional().describe('How many attempts a learner has; unlimited when left out.'),
    shuffle: z.boolean().default(false).describe('Show questions and options in random order.'),
    feedback: FeedbackTimingSchema.optional().describe('When feedback appears: immediate (as each answer is checked; the default) or end (after the quiz is submitted).'),
    title: z.string().min(1).optional(),
  })
  .strict()

/** A group an attempt draws a fixed number of questions from: one bank, or one tag. */
const PoolSchema = z
  .object({
    name: z.string(),
    draw: z.number().int().positive(),
    questionIds: z.array(z.string()).min(1),
    /** A bank's pool: the module the bank tests, where it names one; the pool goes where the module goes (src/node/course-modules.ts). */
    module: IdSchema.optional(),
  })
  .strict()
export type QuizPool = z.infer<typeof PoolSchema>

export const QuizBlockSchema = z
  .object({
    type: z.literal('quiz'),
    id: IdSchema,
    title: z.string().optional(),
    intro: z.string().optional(),
    /** The bank the quiz draws from; the first of them when it names several (see pools). */
    bank: IdSchema,
    /** How many questions an attempt shows. */
    draw: z.number().int().positive(),
    /** With drawPer: the banks or tags, each with the questions it draws from. */
    pools: z.array(PoolSchema).optional(),
    passMark: PassMarkSchema,
    attempts: z.number().int().positive().optional(),
    shuffle: z.boolean(),
    /** Left out for immediate feedback, so bundles written before the setting existed stay valid. */
    feedback: FeedbackTimingSchema.optional(),
    questions: z.array(QuestionSchema),
  })
  .strict()
export type QuizBlock = z.infer<typeof QuizBlockSchema>

type Attributes = z.infer<typeof QuizAttributesSchema>

/** The banks' questions, each with the bank it came from; undefined when a bank is missing. */
function loadBanks(ids: readonly string[], context: BlockContext): { bank: string; question: Question }[] | undefined {
  const loaded: { bank: string; question: Question }[] = []
  let ok = true
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) {
      context.problems.error(context.file, context.attributeAt('bank'), `The quiz names the bank "${id}" twice.`, 'List each bank once.')
      ok = false
      continue
    }
    seen.add(id)
    const questions = context.bank(id, context.attributeAt('bank'))
    if (questions === undefined) ok = false
    else for (const question of questions) loaded.push({ bank: id, question })
  }
  return ok ? loaded : undefined
}

/** Groups the questions by bank or tag, in authored order; undefined (reported) on a question without a tag. */
function poolsOf(per: 'bank' | 'tag', loaded: { bank: string; question: Question }[], context: BlockContext): Map<string, string[]> | undefined {
  const pools = new Map<string, string[]>()
  const untagged = loaded.filter(({ question }) => per === 'tag' && question.tag === undefined).map(({ question }) => question.id)
  if (untagged.length > 0) {
    context.problems.error(
      context.file,
      context.attributeAt('drawPer'),
      `The quiz draws per tag, but ${untagged.length === 1 ? 'the question' : 'these questions'} ${untagged.map((id) => `"${id}"`).join(', ')} ${untagged.length === 1 ? 'has' : 'have'} no tag.`,
      'Give every question of its banks a "tag", or draw per bank.',
    )
    return undefined
  }
  for (const { bank, question } of loaded) {
    const name = per === 'bank' ? bank : (question.tag as string)
    const pool = pools.get(name)
    if (pool) pool.push(question.id)
    else pools.set(name, [question.id])
  }
  return pools
}

/** The groups a quiz's questions fall into (banks, or tags when every question has one), for the coverage warning. */
function groupsOf(loaded: { bank: string; question: Question }[]): { kind: 'bank' | 'tag'; names: string[] } {
  const banks = [...new Set(loaded.map(({ bank }) => bank))]
  if (banks.length > 1) return { kind: 'bank', names: banks }
  const tags = loaded.every(({ question }) => question.tag !== undefined) ? [...new Set(loaded.map(({ question }) => question.tag as string))] : []
  return { kind: 'tag', names: tags }
}

export const quiz: BlockDefinition<Attributes, never, never, QuizBlock> = {
  type: 'quiz',
  summary: 'a scored quiz drawing questions from one or more banks; the body is an optional introduction: ::: quiz {id: …, bank: …}',
  attributes: QuizAttributesSchema,
  body: 'markdown',
  schema: QuizBlockSchema,
  translatable: ['title', 'intro', 'questions'],
  build({ attributes, markdown }, context) {
    context.declareId(attributes.id, context.attributeAt('id'))
    const bankIds = typeof attributes.bank === 'string' ? [attributes.bank] : attributes.bank
    const loaded = loadBanks(bankIds, context)
    if (loaded === undefined) return undefined
    const questions = loaded.map(({ question }) => question)
    const banksNamed = bankIds.length === 1 ? `the bank "${bankIds[0]}"` : `the banks ${bankIds.map((id) => `"${id}"`).join(', ')}`
    let draw = attributes.draw ?? questions.length
    let pools: QuizPool[] | undefined
    if (attributes.drawPer !== undefined) {
      if (attributes.draw === undefined) {
        context.problems.error(context.file, context.attributeAt('drawPer'), `The quiz draws per ${attributes.drawPer} but does not say how many.`, `Add "draw: <n>", the number of questions to draw from each ${attributes.drawPer}.`)
        return undefined
      }
      const grouped = poolsOf(attributes.drawPer, loaded, context)
      if (grouped === undefined) return undefined
      let ok = true
      pools = [...grouped].map(([name, questionIds]) => {
        if (questionIds.length < (attributes.draw as number)) {
          context.problems.error(
            context.file,
            context.attributeAt('draw'),
            `The quiz draws ${attributes.draw} questions from each ${attributes.drawPer}, but the ${attributes.drawPer} "${name}" has ${questionIds.length}.`,
            `Add questions to "${name}", or draw fewer from each ${attributes.drawPer}.`,
          )
          ok = false
        }
        const module = attributes.drawPer === 'bank' ? context.bankModule(name) : undefined
        return { name, draw: attributes.draw as number, questionIds, ...(module ? { module } : {}) }
      })
      if (!ok) return undefined
      draw = pools.reduce((sum, pool) => sum + pool.draw, 0)
    } else if (draw > questions.length) {
      context.problems.error(context.file, context.attributeAt('draw'), `The quiz draws ${draw} questions but ${banksNamed} ${bankIds.length === 1 ? 'has' : 'have'} ${questions.length}.`)
      return undefined
    } else if (draw < questions.length) {
      const groups = groupsOf(loaded)
      if (groups.names.length > 1) {
        context.problems.warning(
          context.file,
          context.attributeAt('draw'),
          draw < groups.names.length
            ? `The quiz draws ${draw} questions from ${groups.names.length} ${groups.kind}s, so no attempt can cover every ${groups.kind}.`
            : `The quiz draws ${draw} of ${questions.length} questions at random from ${groups.names.length} ${groups.kind}s, so some attempts will miss a ${groups.kind} entirely.`,
          `Add "drawPer: ${groups.kind}" and make "draw" the number to draw from each ${groups.kind}.`,
        )
      }
    }
    if (attributes.passMark !== undefined && attributes.passMark < context.passMark) {
      context.problems.warning(
        context.file,
        context.attributeAt('passMark'),
        `The quiz's pass mark (${attributes.passMark}%) is below the course's (${context.passMark}%): a learner could pass every quiz and still not pass the course, which is judged on the mean of the best quiz scores.`,
        `Give the quiz a pass mark of ${context.passMark} or more, or lower passMark in course.yaml.`,
      )
    }
    const block: QuizBlock = {
      type: 'quiz',
      id: attributes.id,
      bank: bankIds[0] as string,
      draw,
      passMark: attributes.passMark ?? context.passMark,
      shuffle: attributes.shuffle,
      questions,
    }
    if (pools !== undefined) block.pools = pools
    if (attributes.title !== undefined) block.title = attributes.title
    if (markdown !== '') block.intro = markdown
    if (attributes.attempts !== undefined) block.attempts = attributes.attempts
    if (attributes.feedback === 'end') block.feedback = 'end'
    return block
  },
}
