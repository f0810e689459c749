import type { Block } from '../../src/core/course/blocks'
import type { QuizBlock } from '../../src/core/course/blocks/quiz'
import type { CourseBundle, Module } from '../../src/core/course/bundle'
import { CHOICE_KEYS } from '../../src/core/course/ids'
import { type Question, questionType, type Response } from '../../src/core/questions/registry'
import { bundleOf, moduleOf, pageOf } from './course-bundle'

const feedback = { correct: 'Right.', incorrect: 'Not quite.' }
const keys = (count: number) => [...CHOICE_KEYS.slice(0, count)]

/** One question of each type, `size` options (pairs, items) each, ids prefixed. */
export function questionsOfEveryType(prefix: string, size = 6): Question[] {
  const common = (id: string) => ({ id: `${prefix}-${id}`, prompt: `The **${id}** question of ${prefix}?`, explanation: 'Because.', weight: 1 })
  return [
    { type: 'single-choice', ...common('single'), options: keys(size).map((id, index) => ({ id, text: `Option ${id}`, correct: index === 0 })), feedback },
    { type: 'multiple-response', ...common('multiple'), options: keys(size).map((id, index) => ({ id, text: `Option ${id}`, correct: index % 2 === 0 })), feedback },
    { type: 'true-false', ...common('true-false'), answer: false, feedback },
    {
      type: 'matching',
      ...common('matching'),
      pairs: keys(size).map((id) => ({ id, prompt: `Prompt ${id}`, matchId: id, match: `Match ${id}` })),
      distractors: [{ id: CHOICE_KEYS.charAt(size), text: 'A distractor' }],
      feedback,
    },
    { type: 'ordering', ...common('ordering'), items: keys(size).map((id) => ({ id, text: `Item ${id}` })), feedback },
    {
      type: 'sort',
      ...common('sort'),
      groups: keys(3).map((id) => ({ id, name: `Group ${id}` })),
      items: keys(size).map((id, index) => ({ id, text: `Item ${id}`, groupId: CHOICE_KEYS.charAt(index % 3) })),
      feedback,
    },
    { type: 'fill-in', ...common('fill-in'), accepted: ['Localism', 'Localism Act'], caseSensitive: false, feedback },
  ]
}

/** The fully right answer to a question, as the learner's response: the type's own. */
export function rightResponse(question: Question): Response {
  return questionType(question).correctResponse(question)
}

/** A course of `count` one-page modules, each with a quiz of one question of every type. */
export function quizzesCourse(count: number): CourseBundle {
  return courseOf(Array.from({ length: count }, (_, index) => moduleOf(`m${index}`, [pageOf(`p${index}`, [quizBlock(`quiz-${index}`, questionsOfEveryType(`x${index}`, 6))])], { minutes: 1 })))
}

export function quizBlock(id: string, questions: Question[], options: Partial<QuizBlock> = {}): QuizBlock {
  return { type: 'quiz', id, bank: `${id}-bank`, draw: questions.length, passMark: 80, shuffle: false, questions, ...options }
}

function module(id: string, pages: number, extra: Block[]): Module {
  const text = (): Block => ({ type: 'text', markdown: 'Text.' })
  const page = (index: number) => pageOf(`${id}-page-${index + 1}`, index === pages - 1 ? [text(), ...extra] : [text()], `Page ${index + 1}`)
  return moduleOf(id, Array.from({ length: pages }, (_, index) => page(index)), { title: `Module ${id}`, minutes: 10 })
}

/** The SCORM tests' course of the given modules (see course-bundle.ts): id "scorm-test", complete when every page is viewed and every quiz passed. */
export function courseOf(modules: Module[], id = 'scorm-test'): CourseBundle {
  return bundleOf(modules, { id, minutes: 60, completion: ['all-pages-viewed', 'all-quizzes-passed'], title: 'SCORM test course', summary: 'For the SCORM tests.' })
}

/**
 * Larger than the bundled course is planned to be (9 modules and a final assessment, 60–90
 * questions): 10 modules of 8 pages, each with a scenario, a reflection and a quiz of two
 * questions of every type (14) with 6 options apiece, then a final assessment of 35, all of
 * them answerable.
 */
export function largeCourse(): CourseBundle {
  const modules = Array.from({ length: 10 }, (_, index) => {
    const id = `module-${index + 1}`
    const scenario: Block = {
      type: 'scenario',
      id: `${id}-scenario`,
      title: 'A scenario',
      start: 's1',
      steps: [1, 2, 3, 4].map((step) => ({
        id: `s${step}`,
        text: 'What now?',
        choices: step === 4 ? [] : keys(3).map((choice) => ({ id: choice, text: 'Do this.', feedback: 'It happens.', next: `s${step + 1}` })),
      })),
    }
    const questions = [...questionsOfEveryType(`${id}-a`), ...questionsOfEveryType(`${id}-b`)]
    return module(id, 8, [scenario, { type: 'reflection', id: `${id}-reflection`, prompt: 'Think.' }, quizBlock(`${id}-quiz`, questions)])
  })
  const finalQuestions = Array.from({ length: 5 }, (_, index) => questionsOfEveryType(`final-${index}`)).flat()
  modules.push(module('final', 1, [quizBlock('final-assessment', finalQuestions, { shuffle: true, attempts: 3 })]))
  return courseOf(modules)
}
