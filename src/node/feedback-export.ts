import { stringify } from 'csv-stringify/sync'
import type { Language } from '../core/api/contract'
import type { FeedbackAuthor } from '../core/comments/feedback'
import type { FeedbackReport } from '../core/comments/feedback-report'
import { documentTranslator } from '../core/i18n/documents'
import { localDateTime, safeCell } from './results-csv'

const COLUMNS = ['course', 'module', 'page', 'part', 'quote', 'kind', 'comment', 'language', 'author', 'written'] as const

type Translate = ReturnType<typeof documentTranslator>

function authorName(author: FeedbackAuthor, t: Translate): string {
  return 'name' in author ? author.name : t('documents.feedback.unnamed', { number: author.unnamed })
}

/**
 * The feedback report as a spreadsheet: a row per comment, by course, page and part of the page,
 * with headings, kinds and unnamed learners in the interface language. Every cell a learner
 * wrote is kept from becoming a formula.
 */
export function feedbackCsv(report: FeedbackReport, language: Language): string {
  const t = documentTranslator(language)
  const rows: string[][] = [COLUMNS.map((column) => t(`documents.feedback.column.${column}`))]
  for (const course of report.courses) {
    for (const page of course.pages) {
      for (const part of page.parts) {
        const where = part.gone ? t('documents.feedback.gone') : part.blockId === null ? t('documents.feedback.wholePage') : part.blockId
        for (const comment of part.comments) {
          rows.push([
            safeCell(course.title ?? course.courseId),
            safeCell(page.moduleTitle ?? ''),
            safeCell(page.title ?? page.pageId),
            safeCell(where),
            safeCell(part.quote),
            t(`documents.feedback.kind.${comment.kind}`),
            safeCell(comment.text),
            comment.language,
            safeCell(authorName(comment.author, t)),
            localDateTime(comment.updatedAt ?? comment.createdAt),
          ])
        }
      }
    }
  }
  return stringify(rows, { bom: true, record_delimiter: 'windows' })
}

/** W3C Web Annotation motivations for the kinds of comment. */
const MOTIVATION = { question: 'questioning', experience: 'commenting', correction: 'editing', disagreement: 'assessing' } as const

/** Where a comment points, as an IRI of its own: the course, the page and, for a block, its anchor. */
const target = (courseId: string, pageId: string) => `urn:civic-learn:course:${encodeURIComponent(courseId)}:page:${encodeURIComponent(pageId)}`

/**
 * The feedback report as a W3C Web Annotation collection (JSON-LD), so annotation tools can read
 * it: each comment an annotation whose body is its words, its motivation its kind, and its target
 * the page, narrowed to a block by the block's words (a TextQuoteSelector) where it is about one.
 */
export function feedbackAnnotations(report: FeedbackReport, language: Language, generated: Date): unknown {
  const t = documentTranslator(language)
  const items = report.courses.flatMap((course) =>
    course.pages.flatMap((page) =>
      page.parts.flatMap((part) =>
        part.comments.map((comment) => ({
          type: 'Annotation',
          id: `urn:civic-learn:comment:${encodeURIComponent(course.courseId)}:${encodeURIComponent(comment.id)}`,
          motivation: MOTIVATION[comment.kind],
          created: comment.createdAt,
          ...(comment.updatedAt ? { modified: comment.updatedAt } : {}),
          creator: { type: 'Person', name: authorName(comment.author, t) },
          body: { type: 'TextualBody', value: comment.text, format: 'text/plain', language: comment.language },
          target: {
            source: target(course.courseId, page.pageId),
            ...(part.quote ? { selector: { type: 'TextQuoteSelector', exact: part.quote } } : {}),
          },
        })),
      ),
    ),
  )
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Civic Learn feedback report',
    generated: generated.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  }
}
