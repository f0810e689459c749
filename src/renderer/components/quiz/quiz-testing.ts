import { bundleOf, moduleOf, pageOf } from '../../../../test/support/course-bundle'
import type { QuizBlock } from '../../../core/course/blocks/quiz'
import type { CourseBundle } from '../../../core/course/bundle'
import type { Question } from '../../../core/questions/registry'
import type { FillIn } from '../../../core/questions/fill-in/schema'
import type { Matching } from '../../../core/questions/matching/schema'
import type { MultipleResponse } from '../../../core/questions/multiple-response/schema'
import type { Ordering } from '../../../core/questions/ordering/schema'
import type { SingleChoice } from '../../../core/questions/single-choice/schema'
import type { Sort } from '../../../core/questions/sort/schema'
import type { TrueFalse } from '../../../core/questions/true-false/schema'

/** One question of each type, as the loader builds them; shared by the quiz component tests. */
export const QUESTIONS: {
  single: SingleChoice
  multiple: MultipleResponse
  trueFalse: TrueFalse
  matching: Matching
  ordering: Ordering
  fillIn: FillIn
} = {
  single: {
    type: 'single-choice',
    id: 'q-single',
    prompt: 'Which is a fruit?',
    explanation: 'Apples grow on trees.',
    weight: 2,
    options: [
      { id: 'a', text: 'Apple', correct: true, feedback: 'Yes, a fruit.' },
      { id: 'b', text: 'Carrot', correct: false, feedback: 'No, a vegetable.' },
      { id: 'c', text: 'Potato', correct: false, feedback: 'No, a tuber.' },
    ],
  },
  multiple: {
    type: 'multiple-response',
    id: 'q-multiple',
    prompt: 'Which are colours?',
    explanation: 'Loud is a sound.',
    weight: 1,
    options: [
      { id: 'r', text: 'Red', correct: true },
      { id: 'a', text: 'Blue', correct: true },
      { id: 'b', text: 'Loud', correct: false },
    ],
    feedback: { correct: 'Right.', incorrect: 'Red and blue are colours.' },
  },
  trueFalse: {
    type: 'true-false',
    id: 'q-true-false',
    prompt: 'The sky is green.',
    explanation: 'The sky looks blue by day.',
    weight: 1,
    answer: false,
    feedback: { correct: 'Right, it is not.', incorrect: 'It is usually blue.' },
  },
  matching: {
    type: 'matching',
    id: 'q-matching',
    prompt: 'Match each nation to its capital.',
    explanation: 'Cardiff and Edinburgh are the capitals.',
    weight: 1,
    pairs: [
      { id: 'a', prompt: 'Wales', matchId: 'a', match: 'Cardiff' },
      { id: 'b', prompt: 'Scotland', matchId: 'b', match: 'Edinburgh' },
    ],
    distractors: [{ id: 'c', text: 'Manchester' }],
    feedback: { correct: 'All matched.', incorrect: 'Not quite.' },
  },
  ordering: {
    type: 'ordering',
    id: 'q-ordering',
    prompt: 'Put these in order.',
    explanation: 'First, second, third.',
    weight: 1,
    items: [
      { id: 'a', text: 'First' },
      { id: 'b', text: 'Second' },
      { id: 'c', text: 'Third' },
    ],
    feedback: { correct: 'In order.', incorrect: 'Not in order.' },
  },
  fillIn: {
    type: 'fill-in',
    id: 'q-fill-in',
    prompt: 'Which Act abolished Standards for England? The ___ Act 2011.',
    explanation: 'The Localism Act 2011.',
    weight: 1,
    accepted: ['Localism', 'localism act'],
    caseSensitive: false,
    feedback: { correct: 'Yes.', incorrect: 'It was the Localism Act 2011.' },
  },
}

/** A sort question, kept apart from QUESTIONS so the quiz tests' counts stay as they are written. */
export const SORT_QUESTION: Sort = {
  type: 'sort',
  id: 'q-sort',
  prompt: 'Sort these into fruit and vegetables.',
  explanation: 'Apples and pears are fruit; carrots are vegetables.',
  weight: 1,
  groups: [
    { id: 'a', name: 'Fruit' },
    { id: 'b', name: 'Vegetables' },
  ],
  items: [
    { id: 'a', text: 'Apple', groupId: 'a' },
    { id: 'b', text: 'Carrot', groupId: 'b' },
    { id: 'c', text: 'Pear', groupId: 'a' },
  ],
  feedback: { correct: 'All sorted.', incorrect: 'Not quite.' },
}

export function quizBlock(overrides: Partial<QuizBlock> = {}): QuizBlock {
  const questions: Question[] = Object.values(QUESTIONS).map((question) => structuredClone(question))
  return {
    type: 'quiz',
    id: 'every-type-quiz',
    title: 'Every question type',
    intro: 'One question of each type.',
    bank: 'all-types',
    draw: questions.length,
    passMark: 50,
    attempts: 3,
    shuffle: true,
    questions,
    ...overrides,
  }
}

/** A course whose only page holds the quiz. */
export function quizCourse(quiz: QuizBlock = quizBlock()): CourseBundle {
  const module = moduleOf('m', [pageOf('quiz', [quiz], 'Quiz')], { title: 'Module' })
  return bundleOf([module], {
    id: 'every-block',
    jurisdiction: 'england',
    lastReviewed: '2026-06-30',
    passMark: 50,
    completion: ['all-pages-viewed', 'all-quizzes-passed'],
    title: 'Every block',
  })
}
