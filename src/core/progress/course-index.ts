import type { Block } from '../course/blocks'
import type { QuizBlock } from '../course/blocks/quiz'
import { trackedType } from '../course/blocks/tracked'
import type { CourseBundle, Module } from '../course/bundle'

/** Where everything with an id sits in a course, for the reducer and the completion rules. */
export interface CourseIndex {
  modules: readonly Module[]
  pageModule: ReadonlyMap<string, string>
  quizzes: ReadonlyMap<string, { quiz: QuizBlock; moduleId: string }>
  /** Each module's quiz ids, in course order. */
  moduleQuizzes: ReadonlyMap<string, readonly string[]>
  /** Every block whose state progress keeps (scenarios, reflections), by id, in course order. */
  tracked: ReadonlyMap<string, { type: string; id: string }>
  /** Every video block's id: the only ids whose watched ranges progress keeps. */
  videos: ReadonlySet<string>
}

const cache = new WeakMap<CourseBundle, CourseIndex>()

/** Ids are the same in every language, so the course language's tree is the index. */
export function indexCourse(course: CourseBundle): CourseIndex {
  const cached = cache.get(course)
  if (cached) return cached
  const modules = course.content[course.language]?.modules ?? []
  const pageModule = new Map<string, string>()
  const quizzes = new Map<string, { quiz: QuizBlock; moduleId: string }>()
  const moduleQuizzes = new Map<string, string[]>()
  const tracked = new Map<string, { type: string; id: string }>()
  const videos = new Set<string>()
  const visit = (block: Block, moduleId: string) => {
    if (block.type === 'quiz') {
      quizzes.set(block.id, { quiz: block, moduleId })
      moduleQuizzes.get(moduleId)?.push(block.id)
    }
    else if (block.type === 'video') videos.add(block.id)
    else if ('id' in block && trackedType(block.type)) tracked.set(block.id, block)
  }
  for (const module of modules) {
    moduleQuizzes.set(module.id, [])
    for (const page of module.pages) {
      pageModule.set(page.id, module.id)
      for (const block of page.blocks) visit(block, module.id)
    }
  }
  const index = { modules, pageModule, quizzes, moduleQuizzes, tracked, videos }
  cache.set(course, index)
  return index
}
