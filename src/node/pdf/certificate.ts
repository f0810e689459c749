import { createHash } from 'node:crypto'
import type { Language } from '../../core/api/contract'
import { calendarDate } from '../../core/i18n/dates'
import { documentTranslator } from '../../core/i18n/documents'
import type { MessageValues } from '../../core/i18n/translate'
import type { Signer } from '../signing'
import { hexColour, PDF_LANGUAGE, PdfWriter, type TextStyle } from './pdf-writer'

export interface CertificateRecord {
  learner: string
  courseId: string
  courseTitle: string
  courseVersion: string
  /** ISO timestamp of completion. */
  completedAt: string
  /** Percentage, or null for a course without quizzes. */
  score: number | null
  /** Time spent until the course was completed: the certificate says the same thing on any later day. */
  secondsSpent: number
  /** When the learner's record came from another device (an import), when it was imported; otherwise null. */
  importedAt: string | null
  /** The course's hours of continuing professional development (its `cpdHours`, or its estimated time). */
  cpdHours: number
  /** The course's title in English, for the English lines of a Welsh learner's bilingual certificate. */
  courseTitleInEnglish: string
}

/** What a signed certificate carries, signed: its details, and who issued it. */
export const CERTIFICATE_FORMAT = 'civic-learn-certificate'
/** The PDF document-information entries a signed certificate keeps its signed details and signature in. */
export const SIGNED_DETAILS_KEY = 'CivicLearnCertificate'
export const SIGNATURE_KEY = 'CivicLearnSignature'

export interface Branding {
  organisation?: string
  /** A hex colour for the border and headings, already checked for contrast on white. */
  colour?: string
  /** The council's logo, where it is a PNG or JPEG (what a PDF can carry), with its text for screen readers. */
  logo?: { bytes: Uint8Array; type: 'png' | 'jpeg'; alt: string }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A code printed on the certificate and derived from the record it certifies: anyone holding the
 * learner's exported record can recompute it, and any change to the name, course, date, score or
 * time gives a different code. It shows the certificate matches a record; it is not a signature.
 */
export function verificationCode(record: CertificateRecord): string {
  const details = [record.learner.trim(), record.courseId, record.courseVersion, record.completedAt, record.score, Math.round(record.secondsSpent)]
  // Only an imported record adds to the details, so codes of certificates made before stay the same.
  const canonical = JSON.stringify(record.importedAt === null ? details : [...details, record.importedAt])
  const digest = createHash('sha256').update(canonical).digest()
  let bits = 0n
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte)
  let code = ''
  for (let i = 0; i < 12; i++) code += CROCKFORD[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)]
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}

/** Hours as a certificate prints them: 4.5, 1.25, 3. */
function hours(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/**
 * The certificate as one landscape A4 page, tagged for screen readers, with the council's name,
 * logo and colour where branded. A Welsh-speaking learner's certificate is bilingual: each line in
 * Welsh, then in English (tagged as English). With a signer (the council's key, on a trainer's
 * laptop), its details and their signature are kept in the PDF's document information, for
 * `civic-learn verify`, and the page says so.
 */
export async function certificatePdf(record: CertificateRecord, language: Language, branding: Branding = {}, signer?: Signer): Promise<Uint8Array> {
  const t = documentTranslator(language)
  const english = language === 'cy' ? documentTranslator('en') : null
  const label = (key: string, values?: MessageValues) => t(`documents.certificate.${key}`, values)
  const accent = hexColour(branding.colour ?? '#00558c')
  const muted = hexColour('#4a5360')
  const organisation = branding.organisation ?? 'Civic Learn'
  const pdf = await PdfWriter.create({
    title: label('fileTitle', { course: record.courseTitle }),
    author: organisation,
    date: new Date(record.completedAt),
    language: PDF_LANGUAGE[language],
    landscape: true,
  })
  /** A line in the learner's language and, on a bilingual certificate, the same line in English below it, smaller. */
  const both = (key: string, values: MessageValues | undefined, style: TextStyle, englishValues = values) => {
    pdf.paragraph(label(key, values), english ? { ...style, after: 1 } : style)
    if (english) pdf.paragraph(english(`documents.certificate.${key}`, englishValues), { ...style, role: 'P', size: Math.max(7, Math.round(style.size * 0.75)), bold: false, colour: muted, lang: PDF_LANGUAGE.en })
  }
  pdf.border(accent)
  pdf.moveTo(english ? 52 : 84)
  if (branding.logo) {
    try {
      await pdf.image(branding.logo.bytes, branding.logo.type, english ? 34 : 44, branding.logo.alt, 6)
    } catch {
      // A logo the PDF library cannot decode leaves the certificate without it, not the learner without a certificate.
    }
  }
  if (branding.organisation) pdf.paragraph(branding.organisation, { size: 13, bold: true, colour: accent, centre: true, after: english ? 8 : 14 })
  both('title', undefined, { size: english ? 26 : 32, bold: true, colour: accent, centre: true, role: 'H1', after: english ? 10 : 26 })
  both('intro', undefined, { size: 12, centre: true, after: 6 })
  pdf.paragraph(record.learner, { size: 26, bold: true, centre: true, after: english ? 6 : 10 })
  both('completed', undefined, { size: 12, centre: true, after: 6 })
  pdf.paragraph(record.courseTitle, { size: 19, bold: true, centre: true, after: english ? 1 : 28 })
  if (english) pdf.paragraph(record.courseTitleInEnglish, { size: 13, colour: muted, centre: true, lang: PDF_LANGUAGE.en, after: 12 })
  const minutes = Math.max(1, Math.round(record.secondsSpent / 60))
  const facts = (translate: typeof t) => {
    const say = (key: string, values?: MessageValues) => translate(`documents.certificate.${key}`, values)
    return [
      say('date', { date: calendarDate(record.completedAt, translate, 'utc') }),
      record.cpdHours === 1 ? say('cpdOne') : say('cpd', { hours: hours(record.cpdHours) }),
      record.score === null ? say('noScore') : say('score', { score: record.score }),
      minutes === 1 ? say('timeOne') : say('time', { minutes }),
      say('version', { version: record.courseVersion }),
    ].join('   ·   ')
  }
  pdf.paragraph(facts(t), { size: 11, centre: true, after: english ? 1 : 8 })
  if (english) pdf.paragraph(facts(english), { size: 9, colour: muted, centre: true, lang: PDF_LANGUAGE.en, after: 8 })
  if (record.importedAt !== null) {
    const date = (translate: typeof t) => calendarDate(record.importedAt as string, translate, 'utc')
    both('imported', { date: date(t) }, { size: 9, centre: true, after: 6 }, english ? { date: date(english) } : undefined)
  }
  pdf.space(english ? 8 : 44)
  both('code', { code: verificationCode(record) }, { size: 11, bold: true, centre: true, after: 4 })
  both('codeNote', undefined, { size: 8, colour: muted, centre: true, after: 4 })
  if (signer) {
    const signed = JSON.stringify({ format: CERTIFICATE_FORMAT, version: 1, organisation, ...record })
    pdf.setInfo(SIGNED_DETAILS_KEY, signed)
    pdf.setInfo(SIGNATURE_KEY, signer.sign(signed))
    both('signed', { organisation, fingerprint: signer.fingerprint }, { size: 8, colour: muted, centre: true })
  }
  return pdf.save()
}
