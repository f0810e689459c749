import { z } from 'zod'
import { CHOICE_KEYS, MAX_CHOICES } from '../../course/ids'
import { authoredQuestionFields, checkDistinct, COMMON_TRANSLATABLE, OutcomeFeedbackSchema, type QuestionDefinition, questionFields } from '../definition'

const AuthoredPairSchema = z.object({ prompt: z.string().min(1), match: z.string().min(1) }).strict()

export const AuthoredMatchingSchema = z
  .object({
    type: z.literal('matching'),
    ...authoredQuestionFields,
    pairs: z.array(AuthoredPairSchema).min(2).max(MAX_CHOICES).describe('Each prompt with the match that belongs to it.'),
    distractors: z.array(z.string().min(1)).max(MAX_CHOICES).optional().describe('Extra matches that belong to no prompt.'),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()

export const MatchingSchema = z
  .object({
    type: z.literal('matching'),
    ...questionFields,
    pairs: z.array(z.object({ id: z.string(), prompt: z.string(), matchId: z.string(), match: z.string() }).strict()),
    distractors: z.array(z.object({ id: z.string(), text: z.string() }).strict()),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()
export type Matching = z.infer<typeof MatchingSchema>

export const matchingDefinition: QuestionDefinition<typeof AuthoredMatchingSchema, typeof MatchingSchema> = {
  type: 'matching',
  authored: AuthoredMatchingSchema,
  schema: MatchingSchema,
  translatable: [...COMMON_TRANSLATABLE, 'prompt', 'match', 'text'],
  build(authored, context) {
    const distractors = authored.distractors ?? []
    if (authored.pairs.length + distractors.length > MAX_CHOICES) {
      context.problems.error(context.file, context.at(['distractors']), `A matching question can have at most ${MAX_CHOICES} matches, distractors included.`)
      return undefined
    }
    const prompts = checkDistinct(context, authored.pairs.map((pair) => pair.prompt), 'prompt', (index) => ['pairs', index, 'prompt'])
    const matches = checkDistinct(context, [...authored.pairs.map((pair) => pair.match), ...distractors], 'match', (index) =>
      index < authored.pairs.length ? ['pairs', index, 'match'] : ['distractors', index - authored.pairs.length],
    )
    if (!prompts || !matches) return undefined
    return {
      ...authored,
      pairs: authored.pairs.map((pair, index) => ({ id: CHOICE_KEYS.charAt(index), prompt: pair.prompt, matchId: CHOICE_KEYS.charAt(index), match: pair.match })),
      distractors: distractors.map((text, index) => ({ id: CHOICE_KEYS.charAt(authored.pairs.length + index), text })),
    }
  },
}
