import { bitsFor } from '../../scorm/bits'
import type { QuestionType } from '../contract'
import { isString } from '../common/choice'
import { choiceId, separators } from '../common/scorm-format'
import type { Sort } from './schema'

/** Item id → the id of the group the learner put it in; an item not yet sorted is left out. */
type SortResponse = Record<string, string>

const groupIds = (question: Sort) => question.groups.map((group) => group.id)

/** The items the learner put in one of the question's groups. */
const sorted = (question: Sort, response: SortResponse) => question.items.filter((item) => Object.hasOwn(response, item.id) && groupIds(question).includes(response[item.id] as string))

/**
 * Sort into groups: each item goes in one of a few groups. Scored like a matching question (the
 * share of items in their own group) and reported to an LMS as one: each item matched to a group.
 */
export const sort: QuestionType<Sort, SortResponse> = {
  type: 'sort',
  parseResponse(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => isString(entry[1])))
  },
  score(question, response) {
    const right = sorted(question, response).filter((item) => response[item.id] === item.groupId).length
    return { score: right / question.items.length, correct: right === question.items.length }
  },
  correctResponse: (question) => Object.fromEntries(question.items.map((item) => [item.id, item.groupId])),
  // In authored order the items come group by group, which would give the answer away.
  mixable: (question) => ({ ids: question.items.map((item) => item.id), always: true }),
  scorm: {
    interactionType: 'matching',
    learnerResponse(version, question, response) {
      const { list, pair } = separators(version)
      const itemIds = question.items.map((item) => item.id)
      const entries = sorted(question, response).map((item) => `${choiceId(version, itemIds, item.id)}${pair}${choiceId(version, groupIds(question), response[item.id] as string)}`)
      return entries.length === 0 ? undefined : entries.join(list)
    },
    correctPatterns(version, question) {
      const { list, pair } = separators(version)
      const itemIds = question.items.map((item) => item.id)
      return [question.items.map((item) => `${choiceId(version, itemIds, item.id)}${pair}${choiceId(version, groupIds(question), item.groupId)}`).join(list)]
    },
  },
  codec: {
    shape: (question) => `${question.items.map((item) => item.id + item.groupId).join('')}/${groupIds(question).join('')}`,
    write(writer, question, response) {
      writer.bool(response !== undefined)
      if (response === undefined) return
      const groups = groupIds(question)
      for (const item of question.items) {
        const chosen = Object.hasOwn(response, item.id) ? groups.indexOf(response[item.id] as string) : -1
        writer.uint(chosen + 1, bitsFor(groups.length))
      }
    },
    read(reader, question) {
      if (!reader.bool()) return undefined
      const groups = groupIds(question)
      const chosen: SortResponse = {}
      for (const item of question.items) {
        const value = reader.index(groups.length + 1)
        if (value > 0) chosen[item.id] = groups[value - 1] as string
      }
      return chosen
    },
    longest(question) {
      const last = groupIds(question).at(-1) ?? ''
      return Object.fromEntries(question.items.map((item) => [item.id, last]))
    },
  },
}
