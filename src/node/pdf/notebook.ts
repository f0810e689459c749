import type { Language } from '../../core/api/contract'
import type { Block } from '../../core/course/blocks'
import type { CourseBundle, LocalizedCourse } from '../../core/course/bundle'
import type { CourseProgress } from '../../core/progress/schema'
import { hexColour, PdfWriter } from './pdf-writer'

const LABELS: Record<Language, { notebook: string; learner: string; saved: string; empty: string }> = {
  en: { notebook: 'Notebook', learner: 'Learner', saved: 'Saved', empty: 'No reflections yet.' },
  cy: { notebook: 'Llyfr nodiadau', learner: 'Dysgwr', saved: 'Cadwyd', empty: 'Dim myfyrdodau eto.' },
}

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

function day(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))
}

/** Markdown special characters in learner text are escaped so the file shows what they wrote. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1')
}

export function notebookMarkdown(course: CourseBundle, progress: CourseProgress, learner: string, language: Language): string {
  const label = LABELS[language]
  const title = content(course, language)?.title ?? course.id
  const entries = notebookEntries(course, progress, language)
  const lines = [`# ${label.notebook}: ${escapeMarkdown(title)}`, '', `${label.learner}: ${escapeMarkdown(learner)}`, '']
  if (entries.length === 0) lines.push(label.empty, '')
  let module = ''
  for (const entry of entries) {
    if (entry.moduleTitle !== module) {
      module = entry.moduleTitle
      lines.push(`## ${escapeMarkdown(module)}`, '')
    }
    lines.push(`### ${escapeMarkdown(entry.title)}`, '')
    lines.push(...entry.prompt.split('\n').map((line) => `> ${line}`), '')
    lines.push(...entry.text.split('\n').map(escapeMarkdown), '')
    lines.push(`*${label.saved} ${day(entry.savedAt, language)}*`, '')
  }
  return lines.join('\n')
}

export async function notebookPdf(course: CourseBundle, progress: CourseProgress, learner: string, language: Language, date: Date): Promise<Uint8Array> {
  const label = LABELS[language]
  const title = content(course, language)?.title ?? course.id
  const accent = hexColour('#00558c')
  const pdf = await PdfWriter.create(`${label.notebook}: ${title}`, learner, date)
  pdf.paragraph(`${label.notebook}: ${title}`, { size: 20, bold: true, colour: accent, after: 4 })
  pdf.paragraph(`${label.learner}: ${learner}`, { size: 11, after: 12 })
  const entries = notebookEntries(course, progress, language)
  if (entries.length === 0) pdf.paragraph(label.empty, { size: 11 })
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
    pdf.paragraph(`${label.saved} ${day(entry.savedAt, language)}`, { size: 9, colour: hexColour('#4a5360'), after: 12 })
  }
  return pdf.save()
}
