import { renderCourseMarkdown } from '../../composables/useMarkdown'

/**
 * The words of a line of course Markdown without its markup, for places that only take text: the
 * options of a select, button names and live-region announcements.
 */
export function plainText(source: string): string {
  const html = renderCourseMarkdown(source, '', { inline: true })
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? source
}
