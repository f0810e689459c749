import { z } from 'zod'
import { CHOICE_KEYS } from '../../course/ids'
import type { DataPath } from '../../course/yaml-source'
import { authoredQuestionFields, checkDistinct, COMMON_TRANSLATABLE, OutcomeFeedbackSchema, type QuestionDefinition, questionFields } from '../definition'

/** Enough groups for a real sorting task, few enough to show side by side. */
export const MAX_SORT_GROUPS = 4
/** Enough items to practise on, few enough to sort on a phone. */
export const MAX_SORT_ITEMS = 12

const AuthoredGroupSchema = z
  .object({
    name: z.string().min(1).describe('The group, as learners see it: a short heading.'),
    items: z.array(z.string().min(1)).min(1).describe('The items that belong in this group, in Markdown (inline).'),
  })
  .strict()

export const AuthoredSortSchema = z
  .object({
    type: z.literal('sort'),
    ...authoredQuestionFields,
    groups: z.array(AuthoredGroupSchema).min(2).max(MAX_SORT_GROUPS).describe('Each group with the items that belong in it; learners see all the items mixed, to sort.'),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()

export const SortSchema = z
  .object({
    type: z.literal('sort'),
    ...questionFields,
    groups: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
    items: z.array(z.object({ id: z.string(), text: z.string(), groupId: z.string() }).strict()),
    feedback: OutcomeFeedbackSchema,
  })
  .strict()
export type Sort = z.infer<typeof SortSchema>

export const sortDefinition: QuestionDefinition<typeof AuthoredSortSchema, typeof SortSchema> = {
  type: 'sort',
  authored: AuthoredSortSchema,
  schema: SortSchema,
  translatable: [...COMMON_TRANSLATABLE, 'name', 'text'],
  build(authored, context) {
    const items = authored.groups.flatMap((group, groupIndex) => group.items.map((text, index) => ({ text, groupIndex, path: ['groups', groupIndex, 'items', index] as DataPath })))
    if (items.length > MAX_SORT_ITEMS) {
      context.problems.error(context.file, context.at(['groups']), `A sort question can have at most ${MAX_SORT_ITEMS} items; this one has ${items.length}.`, 'Split it into two questions.')
      return undefined
    }
    const groups = checkDistinct(context, authored.groups.map((group) => group.name), 'group', (index) => ['groups', index, 'name'])
    const distinctItems = checkDistinct(context, items.map((item) => item.text), 'item', (index) => (items[index] as { path: DataPath }).path)
    if (!groups || !distinctItems) return undefined
    return {
      type: 'sort',
      id: authored.id,
      prompt: authored.prompt,
      explanation: authored.explanation,
      weight: authored.weight,
      ...(authored.tag === undefined ? {} : { tag: authored.tag }),
      groups: authored.groups.map((group, index) => ({ id: CHOICE_KEYS.charAt(index), name: group.name })),
      items: items.map((item, index) => ({ id: CHOICE_KEYS.charAt(index), text: item.text, groupId: CHOICE_KEYS.charAt(item.groupIndex) })),
      feedback: authored.feedback,
    }
  },
}
