import { bitsFor, type BitReader, type BitWriter } from '../../scorm/bits'
import type { ScormVersion } from '../../scorm/manifest'
import type { QuestionScore } from '../contract'
import { isString } from './choice'
import { choiceId, separators } from './scorm-format'

/**
 * An answer that gives each of some items one of some options: a matching question's prompts
 * their matches, a sort question's items their groups. Item id → option id; an item with
 * nothing chosen is left out. Both types report and pack it the same way, here.
 */
export type Assignment = Record<string, string>

/** Any value as an assignment: its string values kept, or undefined when it is no object. Shape only. */
export function parseAssignment(value: unknown): Assignment | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => isString(entry[1])))
}

/** Partial credit: the share of items given their own option (`right`, item id → option id). */
export function scoreAssignment(right: Assignment, response: Assignment): QuestionScore {
  const items = Object.keys(right)
  const correct = items.filter((item) => Object.hasOwn(response, item) && response[item] === right[item]).length
  return { score: correct / items.length, correct: correct === items.length }
}

/** The items given an option the question has, each with it, in the items' order. */
function assigned(itemIds: readonly string[], optionIds: readonly string[], response: Assignment): [string, string][] {
  return itemIds.flatMap((item) => {
    const option = Object.hasOwn(response, item) ? response[item] : undefined
    return option !== undefined && optionIds.includes(option) ? [[item, option] as [string, string]] : []
  })
}

/** SCORM's `matching` format: item.option pairs in the version's separators; undefined when nothing is assigned. */
export function matchingPattern(version: ScormVersion, itemIds: readonly string[], optionIds: readonly string[], response: Assignment): string | undefined {
  const { list, pair } = separators(version)
  const entries = assigned(itemIds, optionIds, response).map(([item, option]) => `${choiceId(version, itemIds, item)}${pair}${choiceId(version, optionIds, option)}`)
  return entries.length === 0 ? undefined : entries.join(list)
}

/** Packs an assignment: a flag for whether there is one, then each item's option as its position + 1 (0: none). */
export function writeAssignment(writer: BitWriter, itemIds: readonly string[], optionIds: readonly string[], response: Assignment | undefined): void {
  writer.bool(response !== undefined)
  if (response === undefined) return
  for (const item of itemIds) {
    const chosen = Object.hasOwn(response, item) ? optionIds.indexOf(response[item] as string) : -1
    writer.uint(chosen + 1, bitsFor(optionIds.length))
  }
}

/** Reads what `writeAssignment` wrote; throws on a position the options do not have. */
export function readAssignment(reader: BitReader, itemIds: readonly string[], optionIds: readonly string[]): Assignment | undefined {
  if (!reader.bool()) return undefined
  const chosen: Assignment = {}
  for (const item of itemIds) {
    const value = reader.index(optionIds.length + 1)
    if (value > 0) chosen[item] = optionIds[value - 1] as string
  }
  return chosen
}
