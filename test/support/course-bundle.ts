import type { Block } from '../../src/core/course/blocks'
import type { CourseBundle, LocalizedCourse, Module, Page } from '../../src/core/course/bundle'

/**
 * The one home of hand-built courses in tests: a loaded course (CourseBundle) as the loader would
 * give it, built from small parts, so that a change to the bundle's type is made here alone. A
 * test passes as overrides only what it relies on (ids, titles, pass mark, completion rules,
 * languages); everything else is a plain default.
 */

/** A page holding the given blocks; its title is its id in capitals unless given. */
export function pageOf(id: string, blocks: Block[] = [], title = id.toUpperCase()): Page {
  return { id, title, blocks }
}

/** A module of the given pages: five minutes, no objectives, no jurisdiction; its title is its id in capitals unless given. */
export function moduleOf(id: string, pages: Page[], overrides: Partial<Omit<Module, 'id' | 'pages'>> = {}): Module {
  return { id, title: id.toUpperCase(), objectives: [], minutes: 5, jurisdiction: [], pages, ...overrides }
}

/** What a test may set of a course: the bundle's own fields, and the title, summary, audience and credits of its content. */
export type BundleOverrides = Partial<Omit<CourseBundle, 'format' | 'content'>> & Partial<Omit<LocalizedCourse, 'modules'>>

/** One language's content of a course: the given modules under the title "Demo" unless given. */
export function contentOf(modules: Module[], overrides: Partial<Omit<LocalizedCourse, 'modules'>> = {}): LocalizedCourse {
  return { title: 'Demo', summary: 'S', credits: [], ...overrides, modules }
}

/** The overrides without the keys given as undefined, so that a default stays. */
function given<T extends object>(overrides: T): Partial<T> {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Partial<T>
}

function split(overrides: BundleOverrides): { bundle: Omit<CourseBundle, 'content'>; content: Partial<Omit<LocalizedCourse, 'modules'>> } {
  const { title, summary, audience, credits, ...rest } = overrides
  const bundle: Omit<CourseBundle, 'content'> = {
    format: 1,
    id: 'demo',
    version: '1.0.0',
    language: 'en',
    languages: ['en'],
    minutes: 5,
    jurisdiction: 'uk-wide',
    lastReviewed: '2026-11-01',
    passMark: 80,
    completion: ['all-pages-viewed'],
    licence: 'CC BY 4.0',
    ...given(rest),
  }
  return { bundle, content: given({ title, summary, audience, credits }) }
}

/**
 * A course in English alone, of the given modules: id "demo", version 1.0.0, pass mark 80,
 * complete when every page is viewed, unless the overrides say otherwise.
 */
export function bundleOf(modules: Module[], overrides: BundleOverrides = {}): CourseBundle {
  const { bundle, content } = split(overrides)
  return { ...bundle, content: { en: contentOf(modules, content) } }
}

/**
 * The same course in English and Welsh (languages en and cy): the Welsh content has its own
 * modules and its title is the English one followed by " (cy)".
 */
export function bilingualBundleOf(english: Module[], welsh: Module[], overrides: BundleOverrides = {}): CourseBundle {
  const { bundle, content } = split({ languages: ['en', 'cy'], ...overrides })
  const en = contentOf(english, content)
  return { ...bundle, content: { en, cy: contentOf(welsh, { ...content, title: `${en.title} (cy)` }) } }
}
