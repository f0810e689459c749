import type { Scorer } from '../responses'

/** All or nothing: an order with one item out of place is a different order. */
export const scoreOrdering: Scorer<'ordering'> = (question, response) => {
  const order = Array.isArray(response) ? response : []
  const correct = order.length === question.items.length && question.items.every((item, index) => order[index] === item.id)
  return { score: correct ? 1 : 0, correct }
}
