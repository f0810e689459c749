import type { LocalizedCourse, Module, Page } from '../../../core/course/bundle'
import { hasId } from '../../../core/progress/id-record'

export interface PageRef {
  module: Module
  page: Page
}

/** Where a page sits in its course: its module, its neighbours (across modules) and its number. */
export interface PagePlace extends PageRef {
  moduleIndex: number
  /** The page's position in its module, from 0. */
  pageIndex: number
  previous: PageRef | null
  next: PageRef | null
}

export function locatePage(course: LocalizedCourse | null, pageId: string): PagePlace | null {
  if (!course) return null
  const all: PageRef[] = course.modules.flatMap((module) => module.pages.map((page) => ({ module, page })))
  const at = all.findIndex((entry) => entry.page.id === pageId)
  const found = all[at]
  if (!found) return null
  return {
    ...found,
    moduleIndex: course.modules.indexOf(found.module),
    pageIndex: found.module.pages.indexOf(found.page),
    previous: all[at - 1] ?? null,
    next: all[at + 1] ?? null,
  }
}

/** The module holding a page, for the course page's resume button. */
export function moduleOfPage(course: LocalizedCourse, pageId: string): Module | undefined {
  return course.modules.find((module) => module.pages.some((page) => page.id === pageId))
}

/**
 * Where the player opens a module: the page the learner was last on, if it is in this module;
 * else the first page they have not seen; else the first page.
 */
export function entryPage(module: Module, lastPageId: string | undefined, viewed: Readonly<Record<string, unknown>>): Page | undefined {
  return module.pages.find((page) => page.id === lastPageId) ?? module.pages.find((page) => !hasId(viewed, page.id)) ?? module.pages[0]
}

/**
 * Where "Continue where you left off" goes: the page the learner was last on, unless it ends a
 * module they have finished; then the next module, where they would go on (its first page not
 * yet seen). Null before the learner has been anywhere.
 */
export function resumePage(course: LocalizedCourse | null, lastPageId: string | undefined, viewed: Readonly<Record<string, unknown>>, finished: (module: Module) => boolean): PageRef | null {
  const place = lastPageId ? locatePage(course, lastPageId) : null
  if (!course || !place) return null
  const nextModule = course.modules[place.moduleIndex + 1]
  if (place.pageIndex < place.module.pages.length - 1 || !finished(place.module) || !nextModule) return { module: place.module, page: place.page }
  const page = entryPage(nextModule, undefined, viewed)
  return page ? { module: nextModule, page } : { module: place.module, page: place.page }
}

/** The app's addresses for a course, one of its pages and a module's handout: the routes' only spelling. */
export function coursePath(courseId: string): string {
  return `/course/${encodeURIComponent(courseId)}`
}

export function pagePath(courseId: string, pageId: string): string {
  return `${coursePath(courseId)}/page/${encodeURIComponent(pageId)}`
}

export function handoutPath(courseId: string, moduleId: string): string {
  return `${coursePath(courseId)}/module/${encodeURIComponent(moduleId)}/handout`
}
