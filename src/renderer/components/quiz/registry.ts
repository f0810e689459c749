import type { Component } from 'vue'
import type { Option } from '../../../core/questions/common/choice-schema'
import type { QuestionOf, QuestionTypeName, ResponseOf } from '../../../core/questions/registry'
import { markdownText } from '../../composables/markdown-engine'
import QuizFillIn from './QuizFillIn.vue'
import QuizMatching from './QuizMatching.vue'
import QuizMultipleResponse from './QuizMultipleResponse.vue'
import QuizOrdering from './QuizOrdering.vue'
import QuizSingleChoice from './QuizSingleChoice.vue'
import QuizSort from './QuizSort.vue'
import QuizTrueFalse from './QuizTrueFalse.vue'

/** Feedback an author wrote for one answer the learner chose. */
export interface ChosenFeedback {
  choice: string
  feedback: string
}

/**
 * How one question type is shown. The component takes `question`, `order` (the attempt's order
 * of its options), `response`, `mode` and `labelledBy`, and emits `answer` with a new response.
 */
export interface QuestionView<T extends QuestionTypeName> {
  component: Component
  /** The feedback written for the options the learner chose, for types whose options have it. */
  chosenFeedback?: (question: QuestionOf<T>, response: ResponseOf<T>) => ChosenFeedback[]
  /** What an untouched question already answers: an ordering question shows an order. */
  initialResponse?: (question: QuestionOf<T>, order: readonly string[] | undefined) => ResponseOf<T>
}

function feedbackOf(options: readonly Option[], chosen: readonly unknown[]): ChosenFeedback[] {
  return options.flatMap((option) => (chosen.includes(option.id) && option.feedback ? [{ choice: markdownText(option.text), feedback: option.feedback }] : []))
}

/** One view per question type; the mapped type makes a missing one a compile error. */
export const QUESTION_VIEWS: { readonly [T in QuestionTypeName]: QuestionView<T> } = {
  'single-choice': { component: QuizSingleChoice, chosenFeedback: (question, response) => feedbackOf(question.options, [response]) },
  'multiple-response': {
    component: QuizMultipleResponse,
    chosenFeedback: (question, response) => feedbackOf(question.options, Array.isArray(response) ? response : []),
  },
  'true-false': { component: QuizTrueFalse },
  matching: { component: QuizMatching },
  ordering: { component: QuizOrdering, initialResponse: (question, order) => [...(order ?? question.items.map((item) => item.id))] },
  sort: { component: QuizSort },
  'fill-in': { component: QuizFillIn },
}

/** The view of a question's own type, typed for that question. */
export function questionView<T extends QuestionTypeName>(question: QuestionOf<T>): QuestionView<T> {
  return QUESTION_VIEWS[question.type as T] as QuestionView<T>
}
