import { afterEach, describe, expect, it, vi } from 'vitest'
import { pdfText } from '../../../test/support/pdf-text'
import { certificatePdf, verificationCode, type CertificateRecord } from './certificate'

const record: CertificateRecord = {
  learner: 'Cllr Alys Morgan',
  courseId: 'social-media-for-local-leaders',
  courseTitle: 'Social media for local leaders',
  courseVersion: '1.0.0',
  completedAt: '2026-11-20T15:30:00.000Z',
  score: 87,
  secondsSpent: 5400,
  importedAt: null,
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('certificate', () => {
  it('shows the learner, course, version, date, score, time and verification code', async () => {
    const text = await pdfText(await certificatePdf(record, 'en', { organisation: 'Cwm Teg County Borough Council', colour: '#7a1f3d' }))
    for (const expected of [
      'Certificate of completion',
      'Cllr Alys Morgan',
      'Social media for local leaders',
      'Version: 1.0.0',
      'Completed on: 20 November 2026',
      'Score: 87%',
      'Time spent: 90 minutes',
      `Verification code: ${verificationCode(record)}`,
      'Cwm Teg County Borough Council',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('is written in Welsh for a Welsh-speaking learner, Welsh letters included', async () => {
    const text = await pdfText(await certificatePdf({ ...record, learner: 'Siân Ŵyn' }, 'cy'))
    expect(text).toContain('Tystysgrif cwblhau')
    expect(text).toContain('Siân Ŵyn')
    expect(text).toContain('Sgôr: 87%')
  })

  it('dates a Welsh certificate with the catalogue’s Welsh month, even where Intl has no Welsh', async () => {
    // Electron's ICU data has no Welsh, and Intl answers a Welsh request in English there.
    const DateTimeFormat = Intl.DateTimeFormat
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(((_: unknown, options?: Intl.DateTimeFormatOptions) => new DateTimeFormat('en-GB', options)) as typeof Intl.DateTimeFormat)
    const pdf = await certificatePdf(record, 'cy')
    vi.restoreAllMocks()
    expect(await pdfText(pdf)).toContain('Cwblhawyd ar: 20 Tachwedd 2026')
  })

  it('says so when the course has no scored assessment', async () => {
    expect(await pdfText(await certificatePdf({ ...record, score: null }, 'en'))).toContain('No scored assessment')
  })

  it('says one minute, not one minutes, for a short course', async () => {
    expect(await pdfText(await certificatePdf({ ...record, secondsSpent: 50 }, 'en'))).toContain('Time spent: 1 minute')
    expect(await pdfText(await certificatePdf({ ...record, secondsSpent: 50 }, 'en'))).not.toContain('1 minutes')
  })

  it('gives the same bytes for the same record', async () => {
    expect(Buffer.from(await certificatePdf(record, 'en')).equals(Buffer.from(await certificatePdf(record, 'en')))).toBe(true)
  })
})

describe('what a certificate claims', () => {
  it('says it was made on the learner’s own device and what the code does not prove; an imported record says so', async () => {
    const text = await pdfText(await certificatePdf({ ...record, importedAt: '2026-11-22T09:00:00.000Z' }, 'en'))
    expect(text).toContain('made on the learner’s own device')
    expect(text).toContain('it does not prove who took the course')
    expect(text).toContain('Includes progress imported from another device on 22 November 2026')
    const welsh = await pdfText(await certificatePdf({ ...record, importedAt: '2026-11-22T09:00:00.000Z' }, 'cy'))
    expect(welsh).toContain('a fewnforiwyd o ddyfais arall ar 22 Tachwedd 2026')
  })
})

describe('verificationCode', () => {
  it('is stable, readable, and changes with any detail of the record', () => {
    const code = verificationCode(record)
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(verificationCode({ ...record })).toBe(code)
    // Certificates made before records could be imported keep their codes: this one's was printed then.
    expect(code).toBe('YPBB-ZB0E-DY9K')
    for (const change of [{ learner: 'Cllr Tom Hale' }, { score: 86 }, { completedAt: '2026-11-21T15:30:00.000Z' }, { courseVersion: '1.0.1' }, { secondsSpent: 9000 }, { importedAt: '2026-11-22T09:00:00.000Z' }]) {
      expect(verificationCode({ ...record, ...change })).not.toBe(code)
    }
  })
})
