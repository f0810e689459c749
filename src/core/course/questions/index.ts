import { z } from 'zod'
import type { QuestionDefinition } from './definition'
import { fillIn, FillInSchema, AuthoredFillInSchema } from './fill-in'
import { matching, MatchingSchema, AuthoredMatchingSchema } from './matching'
import { multipleResponse, MultipleResponseSchema, AuthoredMultipleResponseSchema } from './multiple-response'
import { ordering, OrderingSchema, AuthoredOrderingSchema } from './ordering'
import { singleChoice, SingleChoiceSchema, AuthoredSingleChoiceSchema } from './single-choice'
import { trueFalse, TrueFalseSchema, AuthoredTrueFalseSchema } from './true-false'

/** The question types; a new type is a file beside these and one line in each list below. */
export const QUESTION_TYPES: ReadonlyMap<string, QuestionDefinition> = new Map(
  [singleChoice, multipleResponse, trueFalse, matching, ordering, fillIn].map((definition) => [definition.type, definition as QuestionDefinition]),
)

export const QuestionSchema = z.discriminatedUnion('type', [SingleChoiceSchema, MultipleResponseSchema, TrueFalseSchema, MatchingSchema, OrderingSchema, FillInSchema])
export type Question = z.infer<typeof QuestionSchema>

export const AuthoredQuestionSchema = z.discriminatedUnion('type', [
  AuthoredSingleChoiceSchema,
  AuthoredMultipleResponseSchema,
  AuthoredTrueFalseSchema,
  AuthoredMatchingSchema,
  AuthoredOrderingSchema,
  AuthoredFillInSchema,
])

export type { QuestionContext, QuestionDefinition } from './definition'
