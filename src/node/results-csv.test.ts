import { describe, expect, it } from 'vitest'
import { loadTestCourse } from '../core/course/test-course'
import { emptyProgress } from '../core/progress/empty-progress'
import { resultsCsv } from './results-csv'

function results(language: 'en' | 'cy', importedAt: string | null = null): string[] {
  const { bundle } = loadTestCourse('# One {#one}\n\n::: quiz {id: quiz, bank: bank}\n:::\n')
  if (!bundle) throw new Error('the test course did not load')
  const progress = { ...emptyProgress(bundle.id, bundle.version), startedAt: '2026-11-21T10:00:00.000Z' }
  return resultsCsv([bundle], [{ name: 'Siân', importedAt, progress: { [bundle.id]: progress } }], language).replace(/^\uFEFF/, '').split('\r\n')
}

describe('resultsCsv', () => {
  it('heads its columns from the catalogue, in English as the trainers’ spreadsheets know them', () => {
    const [header, row] = results('en')
    expect(header).toBe('Learner,Course,Version,Progress (%),Complete,Passed,Score (%),Minutes spent,Started,Completed,Imported from another device')
    expect(row).toBe('Siân,Test,1.0.0,0,no,no,0,0,2026-11-21T10:00:00.000Z,,')
  })

  it('is written in Welsh for a Welsh interface, its figures and times unchanged', () => {
    const [header, row] = results('cy')
    expect(header).toBe('Dysgwr,Cwrs,Fersiwn,Cynnydd (%),Wedi’i gwblhau,Wedi pasio,Sgôr (%),Munudau a dreuliwyd,Dechreuwyd,Cwblhawyd,Wedi’i fewnforio o ddyfais arall')
    expect(row).toBe('Siân,Test,1.0.0,0,na,na,0,0,2026-11-21T10:00:00.000Z,,')
  })

  it('says when a learner’s record was imported from another device', () => {
    const [, row] = results('en', '2026-11-22T09:00:00.000Z')
    expect(row).toBe('Siân,Test,1.0.0,0,no,no,0,0,2026-11-21T10:00:00.000Z,,2026-11-22T09:00:00.000Z')
  })
})
