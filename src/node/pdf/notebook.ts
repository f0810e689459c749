import type { Language } from '../../core/api/contract'
import type { Block } from '../../core/course/blocks'
import type { CourseBundle, LocalizedCourse } from '../../core/course/bundle'
import { calendarDate } from '../../core/i18n/dates'
import { documentTranslator } from '../../core/i18n/documents'
import type { Translate } from '../../core/i18n/translate'
import type { CourseProgress } from '../../core/progress/schema'
import { hexColour, PdfWriter } from './pdf-writer'

export interface NotebookEntry {
  moduleTitle: string
  title: string
  prompt: string
  text: string
  savedAt: string
}

function content(course: CourseBundle, language: Language): LocalizedCourse | undefined {
  return course.content[language] ?? course.content[course.language]
}

/** The learner's reflections in course order, each with its module and prompt. */
export function notebookEntries(course: CourseBundle, progress: CourseProgress, language: Language): NotebookEntry[] {
  const entries: NotebookEntry[] = []
  for (const module of content(course, language)?.modules ?? []) {
    for (const page of module.pages) {
      for (const block of page.blocks as Block[]) {
        if (block.type !== 'reflection') continue
        const saved = progress.reflections[block.id]
        if (!saved || saved.text.trim() === '') continue
        entries.push({ moduleTitle: module.title, title: block.title ?? page.title, prompt: block.prompt, text: saved.text, savedAt: saved.savedAt })
      }
    }
  }
  return entries
}

function saved(entry: NotebookEntry, t: Translate): string {
  return t('documents.notebook.saved', { date: calendarDate(entry.savedAt, t, 'utc') })
}

/** Markdown special characters in learner text are escaped so the file shows what they wrote. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1')
}

export function notebookMarkdown(course: CourseBundle, progress: CourseProgress, learner: string, language: Language): string {
  const t = documentTranslator(language)
  const title = content(course, language)?.title ?? course.id
  const entries = notebookEntries(course, progress, language)
  const lines = [`# ${t('documents.notebook.title', { course: escapeMarkdown(title) })}`, '', t('documents.notebook.learner', { name: escapeMarkdown(learner) }), '']
  if (entries.length === 0) lines.push(t('documents.notebook.empty'), '')
  let module = ''
  for (const entry of entries) {
    if (entry.moduleTitle !== module) {
      module = entry.moduleTitle
      lines.push(`## ${escapeMarkdown(module)}`, '')
    }
    lines.push(`### ${escapeMarkdown(entry.title)}`, '')
    lines.push(...entry.prompt.split('\n').map((line) => `> ${line}`), '')
    lines.push(...entry.text.split('\n').map(escapeMarkdown), '')
    lines.push(`*${saved(entry, t)}*`, '')
  }
  return lines.join('\n')
}

export async function notebookPdf(course: CourseBundle, progress: CourseProgress, learner: string, language: Language, date: Date): Promise<Uint8Array> {
  const t = documentTranslator(language)
  const heading = t('documents.notebook.title', { course: content(course, language)?.title ?? course.id })
  const accent = hexColour('#00558c')
  const pdf = await PdfWriter.create(heading, learner, date)
  pdf.paragraph(heading, { size: 20, bold: true, colour: accent, after: 4 })
  pdf.paragraph(t('documents.notebook.learner', { name: learner }), { size: 11, after: 12 })
  const entries = notebookEntries(course, progress, language)
  if (entries.length === 0) pdf.paragraph(t('documents.notebook.empty'), { size: 11 })
  let module = ''
  for (const entry of entries) {
    if (entry.moduleTitle !== module) {
      module = entry.moduleTitle
      pdf.rule(accent)
      pdf.paragraph(module, { size: 15, bold: true, colour: accent, after: 6 })
    }
    pdf.paragraph(entry.title, { size: 12, bold: true, after: 2 })
    pdf.paragraph(entry.prompt, { size: 10, colour: hexColour('#4a5360'), after: 6 })
    pdf.paragraph(entry.text, { size: 11, after: 4 })
    pdf.paragraph(saved(entry, t), { size: 9, colour: hexColour('#4a5360'), after: 12 })
  }
  return pdf.save()
}
