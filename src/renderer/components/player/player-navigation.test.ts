import { describe, expect, it } from 'vitest'
import { contentOf, moduleOf, pageOf } from '../../../../test/support/course-bundle'
import type { Module } from '../../../core/course/bundle'
import { coursePath, entryPage, handoutPath, locatePage, moduleOfPage, pagePath, resumePage } from './player-navigation'

const module = (id: string, pages: string[]): Module => moduleOf(id, pages.map((page) => pageOf(page, [], page)), { title: id })
const course = contentOf([module('one', ['a', 'b']), module('two', ['c'])], { title: 'C' })

describe('player navigation', () => {
  it('finds a page with its neighbours across module boundaries', () => {
    const place = locatePage(course, 'b')
    expect(place?.module.id).toBe('one')
    expect([place?.moduleIndex, place?.pageIndex]).toEqual([0, 1])
    expect(place?.previous?.page.id).toBe('a')
    expect(place?.next?.page.id).toBe('c')
    expect(place?.next?.module.id).toBe('two')
    expect(locatePage(course, 'a')?.previous).toBeNull()
    expect(locatePage(course, 'c')?.next).toBeNull()
    expect(locatePage(course, 'missing')).toBeNull()
    expect(locatePage(null, 'a')).toBeNull()
  })

  it('opens a module where the learner left it, else at the first page not seen, else at its start', () => {
    const [first, second] = course.modules as [Module, Module]
    expect(entryPage(first, 'b', {})?.id).toBe('b')
    expect(entryPage(first, 'c', {})?.id).toBe('a')
    expect(entryPage(first, 'c', { a: {} })?.id).toBe('b')
    expect(entryPage(first, undefined, { a: {}, b: {} })?.id).toBe('a')
    expect(entryPage(second, undefined, {})?.id).toBe('c')
    expect(moduleOfPage(course, 'c')?.id).toBe('two')
  })

  it('builds the course, player and handout paths with encoded ids', () => {
    expect(pagePath('demo', 'first-page')).toBe('/course/demo/page/first-page')
    expect(coursePath('demo')).toBe('/course/demo')
    expect(handoutPath('demo', 'one')).toBe('/course/demo/module/one/handout')
    expect([coursePath('a b'), pagePath('a b', 'c/d'), handoutPath('a b', 'e?f')]).toEqual(['/course/a%20b', '/course/a%20b/page/c%2Fd', '/course/a%20b/module/e%3Ff/handout'])
  })
})

describe('resumePage', () => {
  const course = contentOf([moduleOf('one', [pageOf('a'), pageOf('b')]), moduleOf('two', [pageOf('c'), pageOf('d')])])
  const seen = { a: {}, b: {} }

  it('goes on in the next module once the learner finished one on its last page, at its first page not yet seen', () => {
    expect(resumePage(course, 'b', seen, (module) => module.id === 'one')).toMatchObject({ module: { id: 'two' }, page: { id: 'c' } })
    expect(resumePage(course, 'b', { ...seen, c: {} }, (module) => module.id === 'one')).toMatchObject({ page: { id: 'd' } })
  })

  it('returns to the very page otherwise: mid-module, an unfinished module, or the course’s last page', () => {
    expect(resumePage(course, 'a', seen, () => true)).toMatchObject({ page: { id: 'a' } })
    expect(resumePage(course, 'b', seen, () => false)).toMatchObject({ page: { id: 'b' } })
    expect(resumePage(course, 'd', seen, () => true)).toMatchObject({ page: { id: 'd' } })
    expect(resumePage(course, undefined, seen, () => true)).toBeNull()
    expect(resumePage(course, 'gone', seen, () => true)).toBeNull()
  })
})
