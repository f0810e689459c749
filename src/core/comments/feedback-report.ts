import type { CourseBundle, LocalizedCourse } from '../course/bundle'
import { feedbackByPage, type FeedbackComment, type FeedbackPage, type MergedFeedback } from './feedback'

/** A feedback report: each course the comments are about, by page and part, in a language the course has. */
export interface FeedbackCourse {
  courseId: string
  /** Null for a course this app does not have: its comments are listed by page id alone. */
  title: string | null
  language: string
  pages: FeedbackPage[]
}

export interface FeedbackReport {
  courses: FeedbackCourse[]
  comments: number
  duplicates: number
  authors: number
}

/** A course this app does not have: every comment on it is on a page it cannot find. */
const NO_CONTENT: LocalizedCourse = { title: '', summary: '', credits: [], modules: [] }

/** The merged comments laid out over the courses as they are now, in `language` where a course has it. */
export function feedbackReport(courses: readonly CourseBundle[], merged: MergedFeedback, language: string): FeedbackReport {
  const byCourse = new Map<string, FeedbackComment[]>()
  for (const comment of merged.comments) byCourse.set(comment.courseId, [...(byCourse.get(comment.courseId) ?? []), comment])
  const laidOut = [...byCourse.entries()].map(([courseId, comments]): FeedbackCourse => {
    const course = courses.find((candidate) => candidate.id === courseId)
    const shown = course && (course.content[language] ? language : course.language)
    const content = course && shown ? course.content[shown] : undefined
    if (!content || !shown) return { courseId, title: null, language, pages: feedbackByPage(NO_CONTENT, language, comments) }
    return { courseId, title: content.title, language: shown, pages: feedbackByPage(content, shown, comments) }
  })
  return { courses: laidOut, comments: merged.comments.length, duplicates: merged.duplicates, authors: merged.authors }
}
