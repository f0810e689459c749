import { describe, expect, it } from 'vitest'
import { courseMediaUrl, renderCourseMarkdown, resolveCourseReference } from './useMarkdown'

describe('renderCourseMarkdown', () => {
  it('renders Markdown with raw HTML off: tags in the source show as text, never as elements', () => {
    const html = renderCourseMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)> **bold**', 'demo')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).not.toMatch(/<script|<img/)
    expect(html).toContain('&lt;script&gt;')
  })

  it('points images and links to files of the course at the course’s media URL', () => {
    const html = renderCourseMarkdown('![A square](media/photo.png) and [the handout](./media/my%20handout.pdf)', 'every-block')
    expect(html).toContain('src="courses/every-block/media/photo.png"')
    expect(html).toContain('alt="A square"')
    expect(html).toContain('href="courses/every-block/media/my%20handout.pdf"')
  })

  it('opens every link outside the player, without giving the other page a handle on the app', () => {
    const html = renderCourseMarkdown('[A guide](https://example.org/guide) or [write](mailto:help@example.org)', 'demo')
    const links = [...html.matchAll(/<a [^>]*>/g)].map((match) => match[0])
    expect(links).toHaveLength(2)
    for (const link of links) {
      expect(link).toContain('target="_blank"')
      expect(link).toContain('rel="noopener noreferrer"')
    }
  })

  it('keeps the words but drops links it cannot follow: scripts, in-page anchors, paths out of the course', () => {
    const html = renderCourseMarkdown('[one](javascript:alert(1)) [two](#top) [three](../other/secret.pdf)', 'demo')
    expect(html).not.toContain('<a')
    expect(html).toContain('one')
    expect(html).toContain('two')
    expect(html).toContain('three')
  })

  it('shows the alt text of a remote image instead of loading it', () => {
    const html = renderCourseMarkdown('![A tracking pixel](https://tracker.example/p.gif)', 'demo')
    expect(html).not.toContain('<img')
    expect(html).toContain('A tracking pixel')
  })

  it('moves headings down for a handout, never past h6', () => {
    expect(renderCourseMarkdown('## Sub\n\n###### Deep', 'demo', { headingOffset: 1 })).toBe('<h3>Sub</h3>\n<h6>Deep</h6>\n')
  })

  it('renders a single line without a paragraph for inline use', () => {
    expect(renderCourseMarkdown('Pick *one*', 'demo', { inline: true })).toBe('Pick <em>one</em>')
  })
})

describe('resolveCourseReference', () => {
  it('encodes each path segment of a course file', () => {
    expect(courseMediaUrl('demo', 'media/a b#c.pdf')).toBe('courses/demo/media/a%20b%23c.pdf')
    expect(resolveCourseReference('media/x.pdf', 'demo')).toEqual({ url: 'courses/demo/media/x.pdf', external: false })
    expect(resolveCourseReference('https://example.org', 'demo')).toEqual({ url: 'https://example.org', external: true })
    expect(resolveCourseReference('/etc/passwd', 'demo')).toBeNull()
  })
})
