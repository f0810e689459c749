import { bitsFor } from '../../scorm/bits'
import type { QuestionType } from '../contract'
import { isString } from '../common/choice'
import { choiceId, separators } from '../common/scorm-format'
import type { Ordering } from './schema'

const itemIds = (question: Ordering) => question.items.map((item) => item.id)

/** Item ids in the order the learner put them. */
export const ordering: QuestionType<Ordering, string[]> = {
  type: 'ordering',
  parseResponse: (value) => (Array.isArray(value) && value.every(isString) ? value : undefined),
  /** All or nothing: an order with one item out of place is a different order. */
  score(question, response) {
    const correct = response.length === question.items.length && question.items.every((item, index) => response[index] === item.id)
    return { score: correct ? 1 : 0, correct }
  },
  correctResponse: itemIds,
  mixable: (question) => ({ ids: itemIds(question), always: true }),
  scorm: {
    interactionType: 'sequencing',
    learnerResponse(version, question, response) {
      const ids = itemIds(question)
      const order = response.filter((id) => ids.includes(id))
      return order.length === 0 ? undefined : order.map((id) => choiceId(version, ids, id)).join(separators(version).list)
    },
    correctPatterns(version, question) {
      const ids = itemIds(question)
      return [ids.map((id) => choiceId(version, ids, id)).join(separators(version).list)]
    },
  },
  codec: {
    shape: (question) => itemIds(question).join(''),
    write(writer, question, response) {
      const ids = itemIds(question)
      writer.bool(response !== undefined)
      if (response === undefined) return
      const order = [...new Set(response.filter((id) => ids.includes(id)))]
      writer.uint(order.length, bitsFor(ids.length))
      for (const id of order) writer.uint(ids.indexOf(id), bitsFor(ids.length - 1))
    },
    read(reader, question) {
      if (!reader.bool()) return undefined
      const length = reader.index(question.items.length + 1)
      const order: string[] = []
      for (let index = 0; index < length; index++) order.push((question.items[reader.index(question.items.length)] as { id: string }).id)
      if (new Set(order).size !== order.length) throw new Error('an order repeats an item')
      return order
    },
    longest: (question) => itemIds(question).reverse(),
  },
}
