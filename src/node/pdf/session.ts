import type { Language } from '../../core/api/contract'
import { documentTranslator } from '../../core/i18n/documents'
import type { SessionRecord } from '../../core/workshop/record'
import { localDateTime } from '../results-csv'
import type { RecordHeading } from '../workshop/record-files'
import { hexColour, PDF_LANGUAGE, PdfWriter } from './pdf-writer'

/** How many questions each list of the one-page summary shows; the CSV has them all. */
const PDF_ACTIVITIES = 10
const PDF_ROOM_QUESTIONS = 6
const PDF_PAGES = 12

/** The session on one page of A4 (long sessions are cut short, and say so), with the council's name and colour where set. */
export async function sessionPdf(record: SessionRecord, heading: RecordHeading, language: Language, branding: { organisation?: string; colour?: string }, date: Date): Promise<Uint8Array> {
  const t = documentTranslator(language)
  const accent = hexColour(branding.colour ?? '#00558c')
  const muted = hexColour('#4a5360')
  const title = t('documents.session.title')
  const pdf = await PdfWriter.create({ title, author: branding.organisation ?? 'Civic Learn', date, language: PDF_LANGUAGE[language] })
  if (branding.organisation) pdf.paragraph(branding.organisation, { size: 11, bold: true, colour: muted, after: 4 })
  pdf.paragraph(title, { size: 18, bold: true, colour: accent, role: 'H1', after: 6 })
  pdf.paragraph(t('documents.session.course', { course: heading.courseTitle }), { size: 10, after: 2 })
  pdf.paragraph(t('documents.session.module', { module: heading.moduleTitle }), { size: 10, after: 2 })
  pdf.paragraph(t('documents.session.started', { time: localDateTime(record.startedAt) }), { size: 10, after: 2 })
  pdf.paragraph(t('documents.session.people', { count: record.participants }), { size: 10, after: 2 })
  pdf.paragraph(record.anonymous ? t('documents.session.anonymous') : t('documents.session.names', { names: record.names.join(', ') || t('documents.session.none') }), { size: 10, after: 8 })

  const section = (text: string) => {
    pdf.rule(accent)
    pdf.paragraph(text, { size: 12, bold: true, colour: accent, role: 'H2', after: 4 })
  }
  const more = (shown: number, total: number) => {
    if (total > shown) pdf.paragraph(t('documents.session.more', { count: total - shown }), { size: 9, colour: muted, after: 4 })
  }
  if (record.attendees.length > 0) pdf.paragraph(t('documents.session.attended', { names: record.attendees.join(', ') }), { size: 10, after: 4 })
  section(t('documents.session.pages', { count: record.pages.length }))
  pdf.paragraph(record.pages.length === 0 ? t('documents.session.none') : record.pages.slice(0, PDF_PAGES).join(' · '), { size: 9, after: 4 })
  more(Math.min(PDF_PAGES, record.pages.length), record.pages.length)

  section(t('documents.session.asked', { count: record.activities.length }))
  if (record.activities.length === 0) pdf.paragraph(t('documents.session.none'), { size: 9, after: 4 })
  for (const activity of record.activities.slice(0, PDF_ACTIVITIES)) {
    pdf.paragraph(`${activity.prompt} (${t('documents.session.answers', { count: activity.answers })})`, { size: 9, bold: true, after: 1 })
    const results = activity.kind === 'choice'
      ? activity.options.map((option) => `${option.text}: ${option.count}${option.right ? ` (${t('documents.session.right')})` : ''}`)
      : activity.texts.slice(0, 12).map((text) => (text.count > 1 ? `${text.text} (${text.count})` : text.text))
    pdf.paragraph(results.join(' · ') || t('documents.session.none'), { size: 8, colour: muted, after: 4 })
  }
  more(Math.min(PDF_ACTIVITIES, record.activities.length), record.activities.length)

  section(t('documents.session.roomQuestions', { count: record.questions.length }))
  if (record.questions.length === 0) pdf.paragraph(t('documents.session.none'), { size: 9, after: 4 })
  const byVotes = [...record.questions].sort((a, b) => b.votes - a.votes)
  for (const question of byVotes.slice(0, PDF_ROOM_QUESTIONS)) {
    const extra = [t('documents.session.votes', { count: question.votes }), ...(question.answered ? [t('documents.session.answered')] : []), ...(question.by ? [question.by] : [])]
    pdf.paragraph(`${question.text} (${extra.join(', ')})`, { size: 9, after: 3 })
  }
  more(Math.min(PDF_ROOM_QUESTIONS, record.questions.length), record.questions.length)
  return pdf.save()
}
