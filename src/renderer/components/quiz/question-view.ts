import type { Response } from '../../../core/questions/registry'

/**
 * How a question is shown: `answer` lets the learner answer; `checked` locks the answer and marks
 * what they chose (immediate feedback); `review` also shows the correct answers.
 */
export type QuestionMode = 'answer' | 'checked' | 'review'

/** Items in the order an attempt shows them; anything the order leaves out keeps its authored place at the end. */
export function inOrder<T extends { id: string }>(items: readonly T[], order: readonly string[] | undefined): T[] {
  if (!order) return [...items]
  const byId = new Map(items.map((item) => [item.id, item]))
  const ordered = order.flatMap((id) => {
    const item = byId.get(id)
    return item ? [item] : []
  })
  return [...ordered, ...items.filter((item) => !order.includes(item.id))]
}

/** Whether a response says anything: an emptied text box or an unticked list is no answer. */
export function hasAnswer(response: Response | undefined): boolean {
  if (response === undefined) return false
  if (typeof response === 'string') return response.trim() !== ''
  if (typeof response === 'boolean') return true
  if (Array.isArray(response)) return response.length > 0
  return Object.keys(response).length > 0
}
