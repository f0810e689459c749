import { COMMENT_FILE_FORMAT, COMMENT_FILE_VERSION, readFeedbackFile, type CommentFile } from '../../core/comments/comment-file'
import { mergeFeedback } from '../../core/comments/feedback'
import { feedbackReport } from '../../core/comments/feedback-report'
import { FIRST_LEARNER_NAME } from '../../core/app-defaults'
import type { Handlers } from '../api-router'
import type { CourseCatalog } from '../course-catalog'
import { feedbackAnnotations, feedbackCsv } from '../feedback-export'
import { download, slug, today } from './files'
import type { Learners } from './learners'

export interface FeedbackDeps extends Learners {
  catalog: CourseCatalog
  version: string
}

/**
 * Comments leaving the device, and coming back as feedback: the learner's comments as a file to
 * share (named only when they choose), and a trainer's or author's report merged from many such
 * files, or learner records, each read as untrusted input.
 */
export function feedbackHandlers({ learners, settings, catalog, version }: FeedbackDeps): Pick<Handlers, 'comments.export' | 'feedback.read' | 'feedback.report' | 'feedback.export'> {
  const report = async (sources: Parameters<typeof mergeFeedback>[0]) => feedbackReport(await catalog.all(), mergeFeedback(sources), settings.get().language)
  return {
    'comments.export': async ({ named }) => {
      const record = await learners.exportRecord(version)
      const name = record.learner.name
      // The placeholder name says nothing about who wrote the comments: it is left out like no name.
      const author = named && name !== FIRST_LEARNER_NAME ? { name } : null
      const courses = Object.fromEntries(
        Object.entries(record.progress)
          .filter(([, progress]) => progress.comments.length > 0)
          .map(([courseId, progress]) => [courseId, { courseVersion: progress.courseVersion, comments: progress.comments }]),
      )
      const file: CommentFile = { format: COMMENT_FILE_FORMAT, schemaVersion: COMMENT_FILE_VERSION, exportedAt: record.exportedAt, appVersion: version, author, courses }
      return download(`civic-learn-comments-${author ? slug(author.name) : 'unnamed'}-${today()}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`)
    },
    'feedback.read': ({ text }) => readFeedbackFile(text),
    'feedback.report': ({ sources }) => report(sources),
    'feedback.export': async ({ sources, format }) => {
      const laidOut = await report(sources)
      const { language } = settings.get()
      if (format === 'csv') return download(`civic-learn-feedback-${today()}.csv`, 'text/csv', feedbackCsv(laidOut, language))
      return download(`civic-learn-feedback-${today()}.jsonld`, 'application/ld+json', `${JSON.stringify(feedbackAnnotations(laidOut, language, new Date()), null, 2)}\n`)
    },
  }
}
