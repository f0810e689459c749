import type { Language } from '../core/api/contract'
import type { Block } from '../core/course/blocks'
import type { CourseBundle } from '../core/course/bundle'
import { contentIn } from '../core/course/localized'
import { calendarDate } from '../core/i18n/dates'
import { documentTranslator } from '../core/i18n/documents'
import type { Translate } from '../core/i18n/translate'
import type { CourseProgress } from '../core/progress/schema'
import { ownValue } from '../core/progress/id-record'

/** The learner's notebook (their reflections) as entries and as Markdown; the PDF is in ./pdf/notebook.ts, which loads the PDF library. */

export interface NotebookEntry {
  moduleTitle: string
  title: string
  prompt: string
  text: string
  savedAt: string
}

/** The learner's reflections in course order, each with its module and prompt. */
export function notebookEntries(course: CourseBundle, progress: CourseProgress, language: Language): NotebookEntry[] {
  const entries: NotebookEntry[] = []
  for (const module of contentIn(course, language)?.modules ?? []) {
    for (const page of module.pages) {
      for (const block of page.blocks as Block[]) {
        if (block.type !== 'reflection') continue
        const saved = ownValue(progress.reflections, block.id)
        if (!saved || saved.text.trim() === '') continue
        entries.push({ moduleTitle: module.title, title: block.title ?? page.title, prompt: block.prompt, text: saved.text, savedAt: saved.savedAt })
      }
    }
  }
  return entries
}

export function savedLine(entry: NotebookEntry, t: Translate): string {
  return t('documents.notebook.saved', { date: calendarDate(entry.savedAt, t, 'utc') })
}

/** Markdown special characters in learner text are escaped so the file shows what they wrote. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1')
}

/** Whose notebook it is: their name, and when their record came from another device (or null). */
export interface NotebookLearner {
  name: string
  importedAt: string | null
}

/** The lines under the title: who the learner is, and that their reflections came from elsewhere when they did. */
export function learnerLines(learner: NotebookLearner, t: Translate): string[] {
  const lines = [t('documents.notebook.learner', { name: learner.name })]
  if (learner.importedAt !== null) lines.push(t('documents.notebook.imported', { date: calendarDate(learner.importedAt, t, 'utc') }))
  return lines
}

export function notebookMarkdown(course: CourseBundle, progress: CourseProgress, learner: NotebookLearner, language: Language): string {
  const t = documentTranslator(language)
  const title = contentIn(course, language)?.title ?? course.id
  const entries = notebookEntries(course, progress, language)
  const lines = [`# ${t('documents.notebook.title', { course: escapeMarkdown(title) })}`, '', ...learnerLines({ ...learner, name: escapeMarkdown(learner.name) }, t).flatMap((line) => [line, '']), '']
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
    lines.push(`*${savedLine(entry, t)}*`, '')
  }
  return lines.join('\n')
}
