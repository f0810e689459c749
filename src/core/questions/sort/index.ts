import type { QuestionType } from '../contract'
import { type Assignment, matchingPattern, parseAssignment, readAssignment, scoreAssignment, writeAssignment } from '../common/assignment'
import type { Sort } from './schema'

/** Item id → the id of the group the learner put it in; an item not yet sorted is left out. */
type SortResponse = Assignment

const itemIds = (question: Sort) => question.items.map((item) => item.id)
const groupIds = (question: Sort) => question.groups.map((group) => group.id)

/**
 * Sort into groups: each item goes in one of a few groups. Scored like a matching question (the
 * share of items in their own group) and reported to an LMS as one: each item matched to a group.
 */
export const sort: QuestionType<Sort, SortResponse> = {
  type: 'sort',
  parseResponse: parseAssignment,
  score: (question, response) => scoreAssignment(sort.correctResponse(question), response),
  correctResponse: (question) => Object.fromEntries(question.items.map((item) => [item.id, item.groupId])),
  // In authored order the items come group by group, which would give the answer away.
  mixable: (question) => ({ ids: itemIds(question), always: true }),
  scorm: {
    interactionType: 'matching',
    learnerResponse: (version, question, response) => matchingPattern(version, itemIds(question), groupIds(question), response),
    correctPatterns: (version, question) => [matchingPattern(version, itemIds(question), groupIds(question), sort.correctResponse(question)) as string],
  },
  codec: {
    shape: (question) => `${question.items.map((item) => item.id + item.groupId).join('')}/${groupIds(question).join('')}`,
    write: (writer, question, response) => writeAssignment(writer, itemIds(question), groupIds(question), response),
    read: (reader, question) => readAssignment(reader, itemIds(question), groupIds(question)),
    longest(question) {
      const last = groupIds(question).at(-1) ?? ''
      return Object.fromEntries(question.items.map((item) => [item.id, last]))
    },
  },
}
