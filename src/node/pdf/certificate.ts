import { createHash } from 'node:crypto'
import type { Language } from '../../core/api/contract'
import { calendarDate } from '../../core/i18n/dates'
import { documentTranslator } from '../../core/i18n/documents'
import type { MessageValues } from '../../core/i18n/translate'
import type { Signer } from '../signing'
import { hexColour, PdfWriter } from './pdf-writer'

export interface CertificateRecord {
  learner: string
  courseId: string
  courseTitle: string
  courseVersion: string
  /** ISO timestamp of completion. */
  completedAt: string
  /** Percentage, or null for a course without quizzes. */
  score: number | null
  secondsSpent: number
  /** When the learner's record came from another device (an import), when it was imported; otherwise null. */
  importedAt: string | null
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

/**
 * The certificate as a one-page A4 PDF, in the learner's language, with the council's branding.
 * With a signer (the council's key, on a trainer's laptop), its details and their signature are
 * kept in the PDF's document information, for `civic-learn verify`, and the page says so.
 */
export async function certificatePdf(record: CertificateRecord, language: Language, branding: Branding = {}, signer?: Signer): Promise<Uint8Array> {
  const t = documentTranslator(language)
  const label = (key: string, values?: MessageValues) => t(`documents.certificate.${key}`, values)
  const accent = hexColour(branding.colour ?? '#00558c')
  const pdf = await PdfWriter.create(label('fileTitle', { course: record.courseTitle }), branding.organisation ?? 'Civic Learn', new Date(record.completedAt))
  pdf.border(accent)
  pdf.moveTo(110)
  if (branding.organisation) pdf.paragraph(branding.organisation, { size: 14, bold: true, colour: accent, centre: true, after: 18 })
  pdf.paragraph(label('title'), { size: 28, bold: true, colour: accent, centre: true, after: 36 })
  pdf.paragraph(label('intro'), { size: 13, centre: true, after: 10 })
  pdf.paragraph(record.learner, { size: 24, bold: true, centre: true, after: 10 })
  pdf.paragraph(label('completed'), { size: 13, centre: true, after: 10 })
  pdf.paragraph(record.courseTitle, { size: 18, bold: true, centre: true, after: 40 })
  const minutes = Math.max(1, Math.round(record.secondsSpent / 60))
  const facts = [
    label('version', { version: record.courseVersion }),
    label('date', { date: calendarDate(record.completedAt, t, 'utc') }),
    record.score === null ? label('noScore') : label('score', { score: record.score }),
    minutes === 1 ? label('timeOne') : label('time', { minutes }),
  ]
  for (const fact of facts) pdf.paragraph(fact, { size: 12, centre: true, after: 6 })
  if (record.importedAt !== null) pdf.paragraph(label('imported', { date: calendarDate(record.importedAt, t, 'utc') }), { size: 10, centre: true, after: 6 })
  pdf.space(40)
  pdf.paragraph(label('code', { code: verificationCode(record) }), { size: 12, bold: true, centre: true, after: 6 })
  pdf.paragraph(label('codeNote'), { size: 9, centre: true, after: 6 })
  if (signer) {
    const organisation = branding.organisation ?? 'Civic Learn'
    const signed = JSON.stringify({ format: CERTIFICATE_FORMAT, version: 1, organisation, ...record })
    pdf.setInfo(SIGNED_DETAILS_KEY, signed)
    pdf.setInfo(SIGNATURE_KEY, signer.sign(signed))
    pdf.paragraph(label('signed', { organisation, fingerprint: signer.fingerprint }), { size: 9, centre: true })
  }
  return pdf.save()
}
