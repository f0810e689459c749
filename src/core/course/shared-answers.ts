import type { Block } from './blocks'
import type { LocalizedCourse } from './bundle'

/**
 * A fill-in answer that is right in one language is right in every language: a Welsh learner
 * may type the English term, and the app, the store and an LMS must all score an attempt alike,
 * whichever language it was taken in. Returns the content with each fill-in question accepting
 * the answers of all its translations (course language first).
 */
export function shareAcceptedAnswers(content: Record<string, LocalizedCourse>): Record<string, LocalizedCourse> {
  const accepted = new Map<string, string[]>()
  const eachQuiz = (course: LocalizedCourse, visit: (block: Extract<Block, { type: 'quiz' }>) => void) => {
    for (const module of course.modules) for (const page of module.pages) for (const block of page.blocks) if (block.type === 'quiz') visit(block)
  }
  for (const course of Object.values(content)) {
    eachQuiz(course, (quiz) => {
      for (const question of quiz.questions) {
        if (question.type !== 'fill-in') continue
        const answers = accepted.get(question.id) ?? []
        for (const answer of question.accepted) if (!answers.includes(answer)) answers.push(answer)
        accepted.set(question.id, answers)
      }
    })
  }
  const share = (block: Block): Block =>
    block.type !== 'quiz'
      ? block
      : {
          ...block,
          questions: block.questions.map((question) =>
            question.type === 'fill-in' ? { ...question, accepted: accepted.get(question.id) ?? question.accepted } : question,
          ),
        }
  return Object.fromEntries(
    Object.entries(content).map(([language, course]) => [
      language,
      { ...course, modules: course.modules.map((module) => ({ ...module, pages: module.pages.map((page) => ({ ...page, blocks: page.blocks.map(share) })) })) },
    ]),
  )
}
