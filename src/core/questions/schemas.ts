import { z } from 'zod'
import type { QuestionDefinition } from './definition'
import { fillInDefinition } from './fill-in/schema'
import { matchingDefinition } from './matching/schema'
import { multipleResponseDefinition } from './multiple-response/schema'
import { orderingDefinition } from './ordering/schema'
import { singleChoiceDefinition } from './single-choice/schema'
import { sortDefinition } from './sort/schema'
import { trueFalseDefinition } from './true-false/schema'

/**
 * How authors write each question type, and the question in the bundle: the other half of the
 * type registry (./registry.ts has the behaviour, without zod, for the SCORM player). A question
 * type added in one and not the other is a compile error there.
 */
const DEFINITIONS = [singleChoiceDefinition, multipleResponseDefinition, trueFalseDefinition, matchingDefinition, orderingDefinition, sortDefinition, fillInDefinition] as const

/** One part of each definition, still a tuple of the exact schemas, as discriminated unions need. */
type Part<T extends readonly unknown[], K extends 'authored' | 'schema'> = { -readonly [I in keyof T]: T[I] extends Readonly<Record<K, infer S>> ? S : never }

export const QUESTION_DEFINITIONS: ReadonlyMap<string, QuestionDefinition> = new Map(DEFINITIONS.map((definition) => [definition.type, definition as QuestionDefinition]))

export const QuestionSchema = z.discriminatedUnion('type', DEFINITIONS.map((definition) => definition.schema) as Part<typeof DEFINITIONS, 'schema'>)
export type Question = z.infer<typeof QuestionSchema>

export const AuthoredQuestionSchema = z.discriminatedUnion('type', DEFINITIONS.map((definition) => definition.authored) as Part<typeof DEFINITIONS, 'authored'>)

export type { QuestionContext, QuestionDefinition } from './definition'
