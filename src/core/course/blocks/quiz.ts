import { z } from 'zod'
import { IdSchema } from '../ids'
import { QuestionSchema } from '../questions'
import type { BlockDefinition } from './definition'

const PassMarkSchema = z.number().int().min(0).max(100)
/** When learners see feedback: as they check each answer, or only once the quiz is submitted. */
const FeedbackTimingSchema = z.enum(['immediate', 'end'])

export const QuizAttributesSchema = z
  .object({
    id: IdSchema.describe('Stable id, unique in the course.'),
    bank: IdSchema.describe('The id of the question bank to draw from.'),
    draw: z.number().int().positive().optional().describe('How many questions to draw at random; all of them when left out.'),
    passMark: PassMarkSchema.optional().describe('Percentage needed to pass; defaults to the course pass mark.'),
    attempts: z.number().int().positive().optional().describe('How many attempts a learner has; unlimited when left out.'),
    shuffle: z.boolean().default(false).describe('Show questions and options in random order.'),
    feedback: FeedbackTimingSchema.optional().describe('When feedback appears: immediate (as each answer is checked; the default) or end (after the quiz is submitted).'),
    title: z.string().min(1).optional(),
  })
  .strict()

export const QuizBlockSchema = z
  .object({
    type: z.literal('quiz'),
    id: IdSchema,
    title: z.string().optional(),
    intro: z.string().optional(),
    bank: IdSchema,
    draw: z.number().int().positive(),
    passMark: PassMarkSchema,
    attempts: z.number().int().positive().optional(),
    shuffle: z.boolean(),
    /** Left out for immediate feedback, so bundles written before the setting existed stay valid. */
    feedback: FeedbackTimingSchema.optional(),
    questions: z.array(QuestionSchema),
  })
  .strict()
export type QuizBlock = z.infer<typeof QuizBlockSchema>

export const quiz: BlockDefinition<z.infer<typeof QuizAttributesSchema>, never, never, QuizBlock> = {
  type: 'quiz',
  summary: 'a scored quiz drawing questions from a bank; the body is an optional introduction: ::: quiz {id: …, bank: …}',
  attributes: QuizAttributesSchema,
  body: 'markdown',
  schema: QuizBlockSchema,
  translatable: ['title', 'intro', 'questions'],
  build({ attributes, markdown }, context) {
    context.declareId(attributes.id, context.attributeAt('id'))
    const questions = context.bank(attributes.bank, context.attributeAt('bank'))
    if (questions === undefined) return undefined
    const draw = attributes.draw ?? questions.length
    if (draw > questions.length) {
      context.problems.error(context.file, context.attributeAt('draw'), `The quiz draws ${draw} questions but the bank "${attributes.bank}" has ${questions.length}.`)
      return undefined
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
      bank: attributes.bank,
      draw,
      passMark: attributes.passMark ?? context.passMark,
      shuffle: attributes.shuffle,
      questions: [...questions],
    }
    if (attributes.title !== undefined) block.title = attributes.title
    if (markdown !== '') block.intro = markdown
    if (attributes.attempts !== undefined) block.attempts = attributes.attempts
    if (attributes.feedback === 'end') block.feedback = 'end'
    return block
  },
}
