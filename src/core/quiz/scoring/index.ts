import type { Question } from '../../course/questions'
import type { QuestionScore, QuestionType, Response, Scorer } from '../responses'
import { scoreFillIn } from './fill-in'
import { scoreMatching } from './matching'
import { scoreMultipleResponse } from './multiple-response'
import { scoreOrdering } from './ordering'
import { scoreSingleChoice } from './single-choice'
import { scoreTrueFalse } from './true-false'

/** One scorer per question type; the mapped type makes a missing one a compile error. */
const SCORERS: { [T in QuestionType]: Scorer<T> } = {
  'single-choice': scoreSingleChoice,
  'multiple-response': scoreMultipleResponse,
  'true-false': scoreTrueFalse,
  matching: scoreMatching,
  ordering: scoreOrdering,
  'fill-in': scoreFillIn,
}

export function scoreQuestion(question: Question, response: Response | undefined): QuestionScore {
  if (response === undefined) return { score: 0, correct: false }
  const scorer = SCORERS[question.type] as Scorer<QuestionType>
  return scorer(question as never, response as never)
}
