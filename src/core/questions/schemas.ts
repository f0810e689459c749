import { z } from 'zod'
import type { QuestionDefinition } from './definition'
import { fillInDefinition } from './fill-in/schema'
import { matchingDefinition } from './matching/schema'
import { multipleResponseDefinition } from './multiple-response/schema'
import { orderingDefinition } from './ordering/schema'
import { singleChoiceDefinition } from './single-choice/schema'
import { trueFalseDefinition } from './true-false/schema'

/**
 * How authors write each question type, and the question in the bundle: the other half of the
 * type registry (./registry.ts has the behaviour, without zod, for the SCORM player). A question
 * type added in one and not the other is a compile error there.
 */
const DEFINITIONS = [singleChoiceDefinition, multipleResponseDefinition, trueFalseDefinition, matchingDefinition, orderingDefinition, fillInDefinition] as const


export const QUESTION_DEFINITIONS: ReadonlyMap<string, QuestionDefinition> = new Map(DEFINITIONS.map((definition) => [definition.type, definition as QuestionDefinition]))

export const QuestionSchema = z.discriminatedUnion('type', [
  singleChoiceDefinition.schema,
  multipleResponseDefinition.schema,
  trueFalseDefinition.schema,
  matchingDefinition.schema,
  orderingDefinition.schema,
  fillInDefinition.schema,
])
export type Question = z.infer<typeof QuestionSchema>

export const AuthoredQuestionSchema = z.discriminatedUnion('type', [
  singleChoiceDefinition.authored,
  multipleResponseDefinition.authored,
  trueFalseDefinition.authored,
  matchingDefinition.authored,
  orderingDefinition.authored,
  fillInDefinition.authored,
])

export type { QuestionContext, QuestionDefinition } from './definition'
