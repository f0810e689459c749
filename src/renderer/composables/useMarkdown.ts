import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { MarkdownOptions } from '../../core/course/markdown-html'
import { markdownEngine } from './markdown-engine'

export { courseMediaUrl, resolveCourseReference } from '../../core/course/course-media'
export type { MarkdownOptions } from '../../core/course/markdown-html'

/**
 * Renders course Markdown to HTML that is safe to put in the page: the host's engine renders it
 * with the course's own Markdown configuration (raw HTML off) and links and images pointed at the
 * course's files, sanitised by the course HTML policy (the app as it renders, a SCORM package at
 * export), since course folders are untrusted.
 */
export function renderCourseMarkdown(source: string, courseId: string, options: MarkdownOptions = {}): string {
  return markdownEngine().html(source, courseId, options)
}

/** The sanitised HTML of some course Markdown, kept up to date as the source or language changes. */
export function useMarkdown(
  source: MaybeRefOrGetter<string>,
  courseId: MaybeRefOrGetter<string>,
  options: MarkdownOptions = {},
): ComputedRef<string> {
  return computed(() => renderCourseMarkdown(toValue(source), toValue(courseId), options))
}
