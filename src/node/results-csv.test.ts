import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadTestCourse } from '../core/course/test-course'
import { emptyProgress } from '../core/progress/empty-progress'
import type { CourseProgress } from '../core/progress/schema'
import { resultsCsv, type LearnerResults } from './results-csv'

const { bundle } = loadTestCourse('# One {#one}\n\n::: quiz {id: quiz, bank: bank, title: "Check"}\n:::\n')
if (!bundle) throw new Error('the test course did not load')
const course = bundle

function started(extra: Partial<CourseProgress> = {}): Record<string, CourseProgress> {
  return { [course.id]: { ...emptyProgress(course.id, course.version), startedAt: '2026-11-21T10:00:00.000Z', ...extra } }
}

function csv(learners: LearnerResults[], language: 'en' | 'cy' = 'en'): string[] {
  return resultsCsv([course], learners, language).replace(/^\uFEFF/, '').split('\r\n')
}

let zone: string | undefined
beforeEach(() => {
  zone = process.env.TZ
  // The laptop's clock: summer time in London is an hour ahead of UTC.
  process.env.TZ = 'Europe/London'
})
afterEach(() => {
  if (zone === undefined) delete process.env.TZ
  else process.env.TZ = zone
})

describe('resultsCsv', () => {
  it('heads its columns from the catalogue, in English as the trainers’ spreadsheets know them, with a column per quiz', () => {
    const [header, row] = csv([{ name: 'Siân', importedAt: null, progress: started() }])
    expect(header).toBe('Learner,Course,Version,Progress (%),Complete,Passed,Quizzes passed,Quizzes in the course,Average of quizzes taken (%),Minutes spent,Started,Completed,Imported from another device,Quiz: Module: Check (%)')
    expect(row).toBe('Siân,Test,1.0.0,0,no,no,0,1,,0,2026-11-21 10:00,,,')
  })

  it('is written in Welsh for a Welsh interface, its figures and times unchanged', () => {
    const [header, row] = csv([{ name: 'Siân', importedAt: null, progress: started() }], 'cy')
    expect(header).toBe('Dysgwr,Cwrs,Fersiwn,Cynnydd (%),Wedi’i gwblhau,Wedi pasio,Cwisiau wedi’u pasio,Cwisiau yn y cwrs,Cyfartaledd y cwisiau a wnaed (%),Munudau a dreuliwyd,Dechreuwyd,Cwblhawyd,Wedi’i fewnforio o ddyfais arall,Cwis: Module: Check (%)')
    expect(row).toBe('Siân,Test,1.0.0,0,na,na,0,1,,0,2026-11-21 10:00,,,')
  })

  it('gives times as the laptop’s clock shows them, and says when a record was imported', () => {
    const [, row] = csv([{ name: 'Siân', importedAt: '2026-06-22T09:00:00.000Z', progress: started({ startedAt: '2026-06-21T10:00:00.000Z' }) }])
    expect(row).toBe('Siân,Test,1.0.0,0,no,no,0,1,,0,2026-06-21 11:00,,2026-06-22 10:00,')
  })

  it('lists learners who have not started, and each quiz’s best score once taken', () => {
    const attempt = (score: number) => ({ seed: 1, startedAt: '2026-11-21T10:01:00.000Z', submittedAt: '2026-11-21T10:02:00.000Z', responses: {}, score, passed: score >= 60 })
    const [, taken, waiting] = csv([
      { name: 'Siân', importedAt: null, progress: started({ quizzes: { quiz: { attempts: [attempt(40), attempt(100)] } } }) },
      { name: 'Dewi', importedAt: null, progress: {} },
    ])
    expect(taken?.split(',').at(-1)).toBe('100')
    expect(waiting).toBe('Dewi,Test,1.0.0,0,no,,0,1,,0,,,,')
  })

  it('keeps a name that starts like a formula from running as one', () => {
    const [, row] = csv([{ name: '=HYPERLINK("x")', importedAt: null, progress: {} }])
    expect(row?.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true)
  })
})
