import { bitsFor } from '../../scorm/bits'
import type { QuestionType } from '../contract'
import { isString } from '../common/choice'
import { choiceId, separators } from '../common/scorm-format'
import type { Matching } from './schema'

/** Pair id → the id of the match the learner chose for it. */
type MatchingResponse = Record<string, string>

/** Every match a prompt can be given: the pairs' own, then the distractors. */
const matchIds = (question: Matching) => [...question.pairs.map((pair) => pair.matchId), ...question.distractors.map((distractor) => distractor.id)]

export const matching: QuestionType<Matching, MatchingResponse> = {
  type: 'matching',
  parseResponse(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => isString(entry[1])))
  },
  /** Partial credit: the share of prompts given their own match. */
  score(question, response) {
    const right = question.pairs.filter((pair) => Object.hasOwn(response, pair.id) && response[pair.id] === pair.matchId).length
    return { score: right / question.pairs.length, correct: right === question.pairs.length }
  },
  correctResponse: (question) => Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.matchId])),
  mixable: (question) => ({ ids: matchIds(question), always: true }),
  scorm: {
    interactionType: 'matching',
    learnerResponse(version, question, response) {
      const { list, pair } = separators(version)
      const pairIds = question.pairs.map((p) => p.id)
      const matches = matchIds(question)
      const entries = question.pairs
        .filter((p) => Object.hasOwn(response, p.id) && matches.includes(response[p.id] as string))
        .map((p) => `${choiceId(version, pairIds, p.id)}${pair}${choiceId(version, matches, response[p.id] as string)}`)
      return entries.length === 0 ? undefined : entries.join(list)
    },
    correctPatterns(version, question) {
      const { list, pair } = separators(version)
      const pairIds = question.pairs.map((p) => p.id)
      const matches = matchIds(question)
      return [question.pairs.map((p) => `${choiceId(version, pairIds, p.id)}${pair}${choiceId(version, matches, p.matchId)}`).join(list)]
    },
  },
  codec: {
    shape: (question) => `${question.pairs.map((pair) => pair.id + pair.matchId).join('')}/${question.distractors.map((distractor) => distractor.id).join('')}`,
    write(writer, question, response) {
      writer.bool(response !== undefined)
      if (response === undefined) return
      const matches = matchIds(question)
      for (const pair of question.pairs) {
        const chosen = Object.hasOwn(response, pair.id) ? matches.indexOf(response[pair.id] as string) : -1
        writer.uint(chosen + 1, bitsFor(matches.length))
      }
    },
    read(reader, question) {
      if (!reader.bool()) return undefined
      const matches = matchIds(question)
      const chosen: MatchingResponse = {}
      for (const pair of question.pairs) {
        const value = reader.index(matches.length + 1)
        if (value > 0) chosen[pair.id] = matches[value - 1] as string
      }
      return chosen
    },
    longest(question) {
      const last = matchIds(question).at(-1) ?? ''
      return Object.fromEntries(question.pairs.map((pair) => [pair.id, last]))
    },
  },
}
