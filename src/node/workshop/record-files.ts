import { stringify } from 'csv-stringify/sync'
import type { Language } from '../../core/api/contract'
import { documentTranslator } from '../../core/i18n/documents'
import type { SessionRecord } from '../../core/workshop/record'
import { localDateTime, safeCell } from '../results-csv'

export interface RecordHeading {
  courseTitle: string
  moduleTitle: string
}

/**
 * The session as a spreadsheet: one row per page covered, per option or answer of each question
 * put to the room (with who gave it, in a named session), and per question from the room.
 */
export function sessionCsv(record: SessionRecord, heading: RecordHeading, language: Language): string {
  const t = documentTranslator(language)
  const columns = ['section', 'time', 'kind', 'question', 'answers', 'item', 'count', 'right', 'name'] as const
  const rows: (string | number)[][] = [columns.map((column) => t(`documents.session.column.${column}`))]
  const row = (values: Partial<Record<(typeof columns)[number], string | number>>) => rows.push(columns.map((column) => (typeof values[column] === 'string' ? safeCell(values[column]) : (values[column] ?? ''))))
  const when = localDateTime(record.startedAt)
  for (const name of record.attendees) row({ section: t('documents.session.section.attended'), time: when, name })
  for (const page of record.pages) row({ section: t('documents.session.section.page'), time: when, question: `${heading.moduleTitle}: ${page}` })
  for (const activity of record.activities) {
    const common = { section: t('documents.session.section.activity'), time: localDateTime(activity.openedAt), kind: `${t(`documents.session.source.${activity.source}`)} (${t(`documents.session.kind.${activity.kind}`)})`, question: activity.prompt, answers: activity.answers }
    if (activity.options.length === 0 && activity.texts.length === 0) row(common)
    for (const option of activity.options) row({ ...common, item: option.text, count: option.count, right: option.right ? t('documents.session.yes') : '' })
    for (const text of activity.texts) row({ ...common, item: text.text, count: text.count })
    for (const answer of activity.byName) row({ ...common, item: answer.answer, name: answer.name })
  }
  for (const question of record.questions) row({ section: t('documents.session.section.question'), question: question.text, count: question.votes, right: question.answered ? t('documents.session.answered') : '', name: question.by ?? '' })
  return stringify(rows)
}
