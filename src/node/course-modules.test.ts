import { describe, expect, it } from 'vitest'
import { BrandingOverlaySchema } from '../core/branding'
import type { CourseBundle, Module } from '../core/course/bundle'
import { selectModules } from './course-modules'

const module = (id: string): Module => ({ id, title: id, objectives: [], minutes: 5, jurisdiction: ['uk-wide'], pages: [{ id: `${id}-page`, title: id, blocks: [] }] })

function course(extra: Partial<CourseBundle> = {}): CourseBundle {
  const modules = ['welcome', 'the-rules', 'final-assessment'].map(module)
  return {
    format: 1,
    id: 'course',
    version: '1.0.0',
    language: 'en',
    languages: ['en', 'cy'],
    minutes: 15,
    jurisdiction: 'uk-wide',
    lastReviewed: '2026-12-01',
    passMark: 80,
    completion: ['all-pages-viewed'],
    licence: 'CC BY 4.0',
    content: {
      en: { title: 'Course', summary: 'A course.', credits: [], modules },
      cy: { title: 'Cwrs', summary: 'Cwrs.', credits: [], modules },
    },
    ...extra,
  }
}

const overlay = BrandingOverlaySchema.parse({ organisation: 'Anytown Borough Council', policyPage: { title: 'Our protocol', markdown: 'Read it.' }, hideModules: ['the-rules'] })
const ids = (bundle: CourseBundle, language = 'en') => bundle.content[language]?.modules.map((item) => item.id)

describe('selectModules: the policy page of a council’s branding', () => {
  it('goes last in a course without a final assessment', () => {
    expect(ids(selectModules(course(), undefined, overlay))).toEqual(['welcome', 'final-assessment', 'local-policy'])
  })

  it('goes just before the final assessment the course names, in every language', () => {
    const branded = selectModules(course({ finalAssessment: 'final-assessment' }), undefined, overlay)
    expect(ids(branded)).toEqual(['welcome', 'local-policy', 'final-assessment'])
    expect(ids(branded, 'cy')).toEqual(['welcome', 'local-policy', 'final-assessment'])
  })

  it('goes last when the final assessment is among the modules left out', () => {
    const branded = selectModules(course({ finalAssessment: 'final-assessment' }), ['welcome', 'the-rules'], { ...overlay, hideModules: [] })
    expect(ids(branded)).toEqual(['welcome', 'the-rules', 'local-policy'])
  })

  it('is not added to an example for course authors, whose hidden modules still go', () => {
    expect(ids(selectModules(course({ example: true }), undefined, overlay))).toEqual(['welcome', 'final-assessment'])
  })
})
