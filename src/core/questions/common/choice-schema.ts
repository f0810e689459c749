import { z } from 'zod'
import { CHOICE_KEYS, ChoiceKeySchema, MAX_CHOICES } from '../../course/ids'
import { authoredQuestionFields, OutcomeFeedbackSchema, type QuestionContext, questionFields } from '../definition'

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

/** "All of the above" and its kind let learners answer from the options' form, not their content. */
const ABOVE = /\b(all|none|both|neither) of (the )?(above|these)\b/i
/** How much longer than every other option the right one may be before it gives itself away. */
const LONGEST_RATIO = 1.25
const LONGEST_MARGIN = 10

/**
 * Item-writing checks for choice questions (warnings: the question still works). Test-wise
 * learners pick the longest option and "all of the above"; a fair question gives no such cue.
 */
export function checkChoiceWriting(options: readonly Option[], context: QuestionContext): void {
  options.forEach((option, index) => {
    if (ABOVE.test(option.text)) {
      context.problems.warning(
        context.file,
        context.at(['options', index, 'text']),
        `The option "${option.text}" refers to the other options: "all/none of the above" can be answered without knowing the subject, and means nothing once options are shuffled.`,
        'Write each option as a full answer; for several right answers, use type: multiple-response.',
      )
    }
  })
  const correct = options.filter((option) => option.correct)
  const others = options.filter((option) => !option.correct)
  if (correct.length === 0 || others.length === 0) return
  const shortestCorrect = Math.min(...correct.map((option) => option.text.length))
  const longestOther = Math.max(...others.map((option) => option.text.length))
  if (shortestCorrect >= longestOther * LONGEST_RATIO && shortestCorrect >= longestOther + LONGEST_MARGIN) {
    const index = options.findIndex((option) => option.correct && option.text.length === shortestCorrect)
    context.problems.warning(
      context.file,
      context.at(['options', index, 'text']),
      correct.length === 1
        ? `The correct option is markedly the longest (${shortestCorrect} characters; the longest other has ${longestOther}): learners can guess it from its length.`
        : `The correct options are all markedly longer than the others (${shortestCorrect} characters or more; the longest other has ${longestOther}): learners can guess them from their length.`,
      'Make the options similar in length: trim the right answer, or give the others the same detail.',
    )
  }
}
