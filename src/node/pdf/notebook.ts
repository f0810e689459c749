import type { Language } from '../../core/api/contract'
import type { CourseBundle } from '../../core/course/bundle'
import { contentIn } from '../../core/course/localized'
import { documentTranslator } from '../../core/i18n/documents'
import type { CourseProgress } from '../../core/progress/schema'
import { learnerLines, notebookEntries, savedLine, type NotebookLearner } from '../notebook'
import { hexColour, PDF_LANGUAGE, PdfWriter } from './pdf-writer'

export async function notebookPdf(course: CourseBundle, progress: CourseProgress, learner: NotebookLearner, language: Language, date: Date): Promise<Uint8Array> {
  const t = documentTranslator(language)
  const heading = t('documents.notebook.title', { course: contentIn(course, language)?.title ?? course.id })
  const accent = hexColour('#00558c')
  const pdf = await PdfWriter.create({ title: heading, author: learner.name, date, language: PDF_LANGUAGE[language] })
  pdf.paragraph(heading, { size: 20, bold: true, colour: accent, role: 'H1', after: 4 })
  const lines = learnerLines(learner, t)
  lines.forEach((line, index) => pdf.paragraph(line, { size: 11, after: index === lines.length - 1 ? 12 : 4 }))
  const entries = notebookEntries(course, progress, language)
  if (entries.length === 0) pdf.paragraph(t('documents.notebook.empty'), { size: 11 })
  let module = ''
  for (const entry of entries) {
    if (entry.moduleTitle !== module) {
      module = entry.moduleTitle
      pdf.rule(accent)
      pdf.paragraph(module, { size: 15, bold: true, colour: accent, role: 'H2', after: 6 })
    }
    pdf.paragraph(entry.title, { size: 12, bold: true, role: 'H3', after: 2 })
    pdf.paragraph(entry.prompt, { size: 10, colour: hexColour('#4a5360'), after: 6 })
    pdf.paragraph(entry.text, { size: 11, after: 4 })
    pdf.paragraph(savedLine(entry, t), { size: 9, colour: hexColour('#4a5360'), after: 12 })
  }
  return pdf.save()
}
