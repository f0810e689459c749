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

describe('selectModules: a final assessment drawing per bank', () => {
  const question = (id: string) => ({ id, type: 'true-false' as const, prompt: `${id}?`, answer: true, weight: 1, feedback: { correct: 'Yes.', incorrect: 'No.' }, explanation: 'Because.' })
  const final: Module = {
    ...module('final-assessment'),
    pages: [
      {
        id: 'final-page',
        title: 'Final',
        blocks: [
          {
            type: 'quiz',
            id: 'final-quiz',
            bank: 'welcome-bank',
            draw: 3,
            passMark: 80,
            shuffle: true,
            pools: [
              { name: 'welcome-bank', draw: 1, questionIds: ['w1', 'w2'], module: 'welcome' },
              { name: 'rules-bank', draw: 1, questionIds: ['r1', 'r2'], module: 'the-rules' },
              { name: 'general-bank', draw: 1, questionIds: ['g1'] },
            ],
            questions: ['w1', 'w2', 'r1', 'r2', 'g1'].map(question),
          },
        ],
      },
    ],
  }
  const withFinal = () => {
    const modules = [module('welcome'), module('the-rules'), final]
    return course({ content: { en: { title: 'Course', summary: 'A course.', credits: [], modules }, cy: { title: 'Cwrs', summary: 'Cwrs.', credits: [], modules } } })
  }
  const quizIn = (bundle: CourseBundle, language: string) => bundle.content[language]?.modules.find((item) => item.id === 'final-assessment')?.pages[0]?.blocks[0]

  it('leaves out the bank of a hidden module, with its questions, in every language', () => {
    const branded = selectModules(withFinal(), undefined, overlay)
    for (const language of ['en', 'cy']) {
      expect(quizIn(branded, language)).toMatchObject({ draw: 2, bank: 'welcome-bank', pools: [{ name: 'welcome-bank' }, { name: 'general-bank' }] })
      expect((quizIn(branded, language) as { questions: { id: string }[] }).questions.map((item) => item.id)).toEqual(['w1', 'w2', 'g1'])
    }
    expect(quizIn(selectModules(withFinal(), undefined, undefined), 'en')).toMatchObject({ draw: 3 })
  })

  it('is refused when every bank it draws from tests a module left out', () => {
    const onlyTested = withFinal()
    const quiz = quizIn(onlyTested, 'en') as { pools: { module?: string }[] }
    quiz.pools.splice(2, 1)
    expect(() => selectModules(onlyTested, ['final-assessment'], undefined)).toThrow('The quiz "final-quiz" in the module "final-assessment" draws only from banks that test modules left out (welcome, the-rules)')
  })
})
