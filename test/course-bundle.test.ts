import { describe, expect, it } from 'vitest'
import { CourseBundleSchema } from '../src/core/course/bundle'
import { bilingualBundleOf, bundleOf, contentOf, moduleOf, pageOf } from './support/course-bundle'

const modules = [moduleOf('m', [pageOf('p1', [{ type: 'text', markdown: 'Hello.' }]), pageOf('p2', [], 'Second')], { title: 'Module', minutes: 1 })]

describe('the hand-built courses of the tests', () => {
  it('are courses the loader could give: the strict bundle schema accepts them as they are', () => {
    for (const bundle of [bundleOf(modules), bilingualBundleOf(modules, modules), bundleOf(modules, { audience: 'Councillors', credits: ['Us'], passMark: 50 })]) {
      expect(CourseBundleSchema.parse(bundle)).toEqual(bundle)
    }
  })

  it('put each override where it belongs, and keep a default where an override is undefined', () => {
    const bundle = bundleOf(modules, { id: 'wards', completion: ['all-quizzes-passed'], title: 'Your ward online', summary: 'Sum', passMark: undefined })
    expect(bundle).toMatchObject({ id: 'wards', completion: ['all-quizzes-passed'], passMark: 80, languages: ['en'] })
    expect(bundle.content).toEqual({ en: { title: 'Your ward online', summary: 'Sum', credits: [], modules } })
    expect(Object.keys(bundle.content.en ?? {})).not.toContain('audience')
    expect(modules[0]?.pages.map((page) => page.title)).toEqual(['P1', 'Second'])
  })

  it('give the Welsh content its own modules, under the English title marked (cy)', () => {
    const welsh = [moduleOf('m', [pageOf('p1')], { title: 'Modiwl' })]
    const bundle = bilingualBundleOf(modules, welsh, { title: 'Demo' })
    expect(bundle.languages).toEqual(['en', 'cy'])
    expect(bundle.content.cy).toEqual(contentOf(welsh, { title: 'Demo (cy)' }))
    expect(bundle.content.en?.modules).toBe(modules)
  })
})
