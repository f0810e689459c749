import type { QuestionType } from '../contract'
import { type Assignment, matchingPattern, parseAssignment, readAssignment, scoreAssignment, writeAssignment } from '../common/assignment'
import type { Matching } from './schema'

/** Pair id → the id of the match the learner chose for it. */
type MatchingResponse = Assignment

const pairIds = (question: Matching) => question.pairs.map((pair) => pair.id)

/** Every match a prompt can be given: the pairs' own, then the distractors. */
const matchIds = (question: Matching) => [...question.pairs.map((pair) => pair.matchId), ...question.distractors.map((distractor) => distractor.id)]

export const matching: QuestionType<Matching, MatchingResponse> = {
  type: 'matching',
  parseResponse: parseAssignment,
  /** Partial credit: the share of prompts given their own match. */
  score: (question, response) => scoreAssignment(matching.correctResponse(question), response),
  correctResponse: (question) => Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.matchId])),
  mixable: (question) => ({ ids: matchIds(question), always: true }),
  scorm: {
    interactionType: 'matching',
    learnerResponse: (version, question, response) => matchingPattern(version, pairIds(question), matchIds(question), response),
    correctPatterns: (version, question) => [matchingPattern(version, pairIds(question), matchIds(question), matching.correctResponse(question)) as string],
  },
  codec: {
    shape: (question) => `${question.pairs.map((pair) => pair.id + pair.matchId).join('')}/${question.distractors.map((distractor) => distractor.id).join('')}`,
    write: (writer, question, response) => writeAssignment(writer, pairIds(question), matchIds(question), response),
    read: (reader, question) => readAssignment(reader, pairIds(question), matchIds(question)),
    longest(question) {
      const last = matchIds(question).at(-1) ?? ''
      return Object.fromEntries(question.pairs.map((pair) => [pair.id, last]))
    },
  },
}
