import { z } from 'zod'
import { CHOICE_KEYS, ChoiceKeySchema, MAX_CHOICES } from '../ids'
import { authoredQuestionFields, OutcomeFeedbackSchema, type QuestionContext, questionFields } from './definition'

/** Options shared by single-choice and multiple-response questions. */
export const AuthoredOptionSchema = z
  .object({
    id: ChoiceKeySchema.optional().describe('A single letter or digit; defaults to a, b, c… in order.'),
    text: z.string().min(1),
    correct: z.boolean().default(false),
    feedback: z.string().min(1).optional().describe('Shown when the learner picks this option.'),
  })
  .strict()

export const OptionSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    correct: z.boolean(),
    feedback: z.string().optional(),
  })
  .strict()
export type Option = z.infer<typeof OptionSchema>

export const authoredChoiceFields = {
  ...authoredQuestionFields,
  options: z.array(AuthoredOptionSchema).min(2).max(MAX_CHOICES),
  feedback: OutcomeFeedbackSchema.optional(),
}

export const choiceFields = {
  ...questionFields,
  options: z.array(OptionSchema),
  feedback: OutcomeFeedbackSchema.optional(),
}

type AuthoredOption = z.infer<typeof AuthoredOptionSchema>

/**
 * Gives every option its one-character key: authors' own ids first, then the next free key in
 * order, so adding an id to one option never renumbers the others.
 */
export function keyOptions(options: readonly AuthoredOption[], context: QuestionContext): Option[] | undefined {
  const taken = new Set<string>()
  let ok = true
  options.forEach((option, index) => {
    if (option.id === undefined) return
    if (taken.has(option.id)) {
      context.problems.error(context.file, context.at(['options', index, 'id']), `Two options have the id "${option.id}".`, 'Give each option its own id, or leave ids out.')
      ok = false
    }
    taken.add(option.id)
  })
  if (!ok) return undefined
  let next = 0
  return options.map((option) => {
    let id = option.id
    if (id === undefined) {
      while (taken.has(CHOICE_KEYS.charAt(next))) next++
      id = CHOICE_KEYS.charAt(next)
      taken.add(id)
    }
    const keyed: Option = { id, text: option.text, correct: option.correct }
    if (option.feedback !== undefined) keyed.feedback = option.feedback
    return keyed
  })
}

/** Choice questions need feedback on every option or feedback for both outcomes. */
export function checkChoiceFeedback(options: readonly Option[], feedback: unknown, context: QuestionContext): boolean {
  if (feedback !== undefined || options.every((option) => option.feedback !== undefined)) return true
  context.problems.error(
    context.file,
    context.at(),
    'The question has no feedback.',
    'Give every option a "feedback", or give the question "feedback" with "correct" and "incorrect".',
  )
  return false
}
