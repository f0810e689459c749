import type { Block } from '../course/blocks'
import type { CourseBundle, Module } from '../course/bundle'
import { questionType } from '../questions/registry'
import { learnerBlocks } from '../course/blocks/learner-blocks'
import type { Activity, ActivitySpec, SharedPage } from './session'
import { leadingOption, SessionError } from './session'

/** The words true/false questions are put to the room in, per UI language. */
const TRUE_FALSE: Record<string, { true: string; false: string }> = { en: { true: 'True', false: 'False' }, cy: { true: 'Gwir', false: 'Anwir' } }

/** Course text (Markdown) as the plain text phones and the projector show. */
export type ToText = (markdown: string) => string

function moduleIn(course: CourseBundle, language: string, moduleId: string): Module {
  const tree = Object.hasOwn(course.content, language) ? course.content[language] : course.content[course.language]
  const module = tree?.modules.find((item) => item.id === moduleId)
  if (!module) throw new SessionError(`The course has no module "${moduleId}".`)
  return module
}

function blockIn<T extends Block['type']>(module: Module, type: T, id: string): Extract<Block, { type: T }> {
  for (const page of module.pages) {
    for (const block of page.blocks) if (block.type === type && 'id' in block && block.id === id) return block as Extract<Block, { type: T }>
  }
  throw new SessionError(`The module has no ${type} "${id}".`)
}

/** A quiz question of the module, put to the room: only the types a room can answer by choosing. */
export function questionSpec(course: CourseBundle, where: { language: string; moduleId: string }, quizId: string, questionId: string, toText: ToText): ActivitySpec {
  const quiz = blockIn(moduleIn(course, where.language, where.moduleId), 'quiz', quizId)
  const question = quiz.questions.find((item) => item.id === questionId)
  if (!question) throw new SessionError(`The quiz has no question "${questionId}".`)
  const room = questionType(question).room?.(question, (Object.hasOwn(TRUE_FALSE, where.language) ? TRUE_FALSE[where.language] : undefined) ?? TRUE_FALSE.en!)
  if (!room) throw new SessionError('A room can answer only choice and true-or-false questions.')
  return {
    kind: 'choice',
    prompt: toText(question.prompt),
    options: room.options.map((option) => ({ id: option.id, text: toText(option.text) })),
    multiple: room.multiple,
    correct: room.correct,
    explanation: toText(question.explanation),
    feedback: {},
    source: { type: 'quiz', quizId, questionId },
  }
}

/** A step of a scenario, for the room to vote on the branch: each choice's consequence is told once the vote is explained. */
export function stepSpec(course: CourseBundle, where: { language: string; moduleId: string }, scenarioId: string, stepId: string, toText: ToText): ActivitySpec {
  const scenario = blockIn(moduleIn(course, where.language, where.moduleId), 'scenario', scenarioId)
  const step = scenario.steps.find((item) => item.id === stepId)
  if (!step) throw new SessionError(`The scenario has no step "${stepId}".`)
  if (step.choices.length < 2) throw new SessionError('That step is an ending: there is nothing to vote on.')
  return {
    kind: 'choice',
    prompt: toText(step.text),
    options: step.choices.map((choice) => ({ id: choice.id, text: toText(choice.text) })),
    multiple: false,
    correct: [],
    explanation: '',
    feedback: Object.fromEntries(step.choices.map((choice) => [choice.id, toText(choice.feedback)])),
    source: { type: 'scenario', scenarioId, stepId },
  }
}

/** The room's choice on a scenario step (the most votes; the first such on a tie), and the step it leads to, if any. */
export function roomChoice(course: CourseBundle, where: { language: string; moduleId: string }, activity: Activity): { choiceId: string; next: string | null } {
  if (activity.source.type !== 'scenario') throw new SessionError('That question is not a scenario step.')
  const top = leadingOption(activity)
  if (!top) throw new SessionError('Nobody has voted yet.')
  const scenario = blockIn(moduleIn(course, where.language, where.moduleId), 'scenario', activity.source.scenarioId)
  const choice = scenario.steps.find((step) => step.id === (activity.source as { stepId: string }).stepId)?.choices.find((item) => item.id === top.id)
  return { choiceId: top.id, next: choice?.next ?? null }
}

/** What a module offers to put to the room: its quiz questions a room can answer, and its scenarios' steps with choices. */
export function roomItems(course: CourseBundle, where: { language: string; moduleId: string }, toText: ToText): { questions: { quizId: string; questionId: string; prompt: string }[]; scenarios: { scenarioId: string; title: string; start: string }[] } {
  const module = moduleIn(course, where.language, where.moduleId)
  const questions: { quizId: string; questionId: string; prompt: string }[] = []
  const scenarios: { scenarioId: string; title: string; start: string }[] = []
  for (const page of module.pages) {
    for (const block of page.blocks) {
      if (block.type === 'quiz') {
        for (const question of block.questions) if (questionType(question).room) questions.push({ quizId: block.id, questionId: question.id, prompt: toText(question.prompt) })
      } else if (block.type === 'scenario') scenarios.push({ scenarioId: block.id, title: block.title, start: block.start })
    }
  }
  return { questions, scenarios }
}

/** A page of the module as phones follow it: its title and the text of its text blocks, plain. */
export function sharedPage(course: CourseBundle, where: { language: string; moduleId: string }, pageId: string, toText: ToText): SharedPage {
  const page = moduleIn(course, where.language, where.moduleId).pages.find((item) => item.id === pageId)
  if (!page) throw new SessionError(`The module has no page "${pageId}".`)
  const text = learnerBlocks(page.blocks).flatMap((block) => (block.type === 'text' ? [toText(block.markdown)] : [])).filter((paragraph) => paragraph !== '')
  return { id: page.id, title: page.title, text }
}
