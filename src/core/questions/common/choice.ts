import type { ScormVersion } from '../../scorm/manifest'
import { choiceId, separators } from './scorm-format'

/** What single-choice and multiple-response questions share at run time. */
interface ChoiceQuestion {
  readonly options: readonly { readonly id: string; readonly text: string; readonly correct: boolean }[]
}

const optionIds = (question: ChoiceQuestion) => question.options.map((option) => option.id)

/** The options chosen, each once, as the version writes a choice response; undefined when none is an option. */
export function choiceResponse(version: ScormVersion, question: ChoiceQuestion, chosen: readonly string[]): string | undefined {
  const ids = optionIds(question)
  const unique = [...new Set(chosen.filter((id) => ids.includes(id)))]
  return unique.length === 0 ? undefined : unique.map((id) => choiceId(version, ids, id)).join(separators(version).list)
}

export function choicePattern(version: ScormVersion, question: ChoiceQuestion): string[] {
  const ids = optionIds(question)
  return [question.options.filter((option) => option.correct).map((option) => choiceId(version, ids, option.id)).join(separators(version).list)]
}

/** Options appear in authored order unless the quiz shuffles. */
export function choiceMixable(question: ChoiceQuestion): { ids: string[]; always: boolean } {
  return { ids: optionIds(question), always: false }
}

export const isString = (value: unknown): value is string => typeof value === 'string'

/** Put to a room: the options as authored, and the right ones. */
export function choiceRoom(question: ChoiceQuestion, multiple: boolean): { options: { id: string; text: string }[]; multiple: boolean; correct: string[] } {
  return { options: question.options.map(({ id, text }) => ({ id, text })), multiple, correct: question.options.filter((option) => option.correct).map((option) => option.id) }
}
