import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { pdfTags, pdfText } from '../../../test/support/pdf-text'
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
  cpdHours: 4.5,
  courseTitleInEnglish: 'Social media for local leaders',
}

const logo = { bytes: readFileSync(new URL('../../../e2e/fixtures/branding/logo.png', import.meta.url)), type: 'png' as const, alt: 'Cwm Teg County Borough Council crest' }

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
      'CPD: 4.5 hours',
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

  it('is one landscape A4 page, tagged for screen readers in reading order, with the council’s logo as a described figure', async () => {
    const tags = await pdfTags(await certificatePdf(record, 'en', { organisation: 'Cwm Teg County Borough Council', colour: '#7a1f3d', logo }))
    expect(tags.pageSizes).toEqual([[842, 595]])
    expect(tags.marked).toBe(true)
    expect(tags.language).toBe('en-GB')
    // Every word on the page is inside an element; the borders are artifacts.
    expect(tags.untagged).toBe('')
    expect(tags.elements.slice(0, 7)).toEqual([
      { role: 'Figure', text: '', alt: 'Cwm Teg County Borough Council crest' },
      { role: 'P', text: 'Cwm Teg County Borough Council' },
      { role: 'H1', text: 'Certificate of completion' },
      { role: 'P', text: 'This is to certify that' },
      { role: 'P', text: 'Cllr Alys Morgan' },
      { role: 'P', text: 'has completed the course' },
      { role: 'P', text: 'Social media for local leaders' },
    ])
    expect(tags.elements[7]?.text).toMatch(/^Completed on: 20 November 2026 · CPD: 4.5 hours · Score: 87% · Time spent: 90 minutes · Version: 1.0.0$/)
  })

  it('leaves out a logo the PDF library cannot read, and still makes the certificate', async () => {
    const tags = await pdfTags(await certificatePdf(record, 'en', { organisation: 'Cwm Teg County Borough Council', logo: { ...logo, bytes: new Uint8Array([1, 2, 3]) } }))
    expect(tags.elements.map((element) => element.role)).not.toContain('Figure')
    expect(tags.elements[0]).toEqual({ role: 'P', text: 'Cwm Teg County Borough Council' })
  })

  it('is bilingual for a Welsh-speaking learner: each line in Welsh, then in English marked as English', async () => {
    const tags = await pdfTags(await certificatePdf({ ...record, courseTitle: 'Cyfryngau cymdeithasol i arweinwyr lleol' }, 'cy'))
    expect(tags.language).toBe('cy')
    expect(tags.untagged).toBe('')
    const english = tags.elements.filter((element) => element.lang === 'en-GB').map((element) => element.text)
    const welsh = tags.elements.filter((element) => element.lang === undefined).map((element) => element.text)
    expect(welsh.slice(0, 5)).toEqual(['Tystysgrif cwblhau', 'Mae hyn yn tystio bod', 'Cllr Alys Morgan', 'wedi cwblhau’r cwrs', 'Cyfryngau cymdeithasol i arweinwyr lleol'])
    expect(english.slice(0, 4)).toEqual(['Certificate of completion', 'This is to certify that', 'has completed the course', 'Social media for local leaders'])
    expect(welsh).toContain('Cwblhawyd ar: 20 Tachwedd 2026 · DPP: 4.5 awr · Sgôr: 87% · Amser a dreuliwyd: 90 munud · Fersiwn: 1.0.0')
    expect(english).toContain('Completed on: 20 November 2026 · CPD: 4.5 hours · Score: 87% · Time spent: 90 minutes · Version: 1.0.0')
    expect(english.some((line) => line.startsWith('This certificate was made on the learner’s own device'))).toBe(true)
    // The Welsh title is the heading; its English line follows it.
    expect(tags.elements[0]).toEqual({ role: 'H1', text: 'Tystysgrif cwblhau' })
    expect(tags.elements[1]).toEqual({ role: 'P', text: 'Certificate of completion', lang: 'en-GB' })
    expect(tags.pageSizes).toEqual([[842, 595]])
  })

  it('says one hour of CPD, not one hours', async () => {
    const text = await pdfText(await certificatePdf({ ...record, cpdHours: 1 }, 'en'))
    expect(text).toContain('CPD: 1 hour ')
    expect(text).not.toContain('1 hours')
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
