import { describe, expect, it, vi } from 'vitest'
import type { CourseBundle, LocalizedCourse } from '../core/course/bundle'
import { courseMarkdownText } from '../core/course/markdown-html'
import { prerenderMarkdown } from '../core/scorm/prerender-markdown'
import { markdownSources } from '../core/scorm/prerendered-markdown'
import { liveMarkdownEngine, sanitiseCourseHtml } from '../renderer/composables/live-markdown'
import { prerenderedMarkdownEngine } from './prerendered-markdown'

const SOURCES = [
  'Plain words',
  'Pick *one* of [the guide](media/guide.pdf)',
  '## A heading\n\nA paragraph with `code`.\n\n###### Deepest',
  '- one\n- two **bold**',
  'First paragraph\n\nSecond paragraph',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  'Raw <script>alert(1)</script> stays text',
]

/** Only `id` and `content` matter to the pre-rendering; the strings sit where a course puts them. */
const course = {
  id: 'demo',
  content: { en: { title: 'Demo', summary: SOURCES[0], credits: [], modules: [{ id: 'm', pages: [{ blocks: SOURCES.slice(1).map((markdown) => ({ type: 'text', markdown })) }] }] } },
} as unknown as CourseBundle

const content = course.content.en as LocalizedCourse

describe('the player’s pre-rendered Markdown', () => {
  const engine = prerenderedMarkdownEngine(content, prerenderMarkdown(content, 'demo', sanitiseCourseHtml), () => undefined)

  // The export sanitises with sanitize-html (test/package-markdown.test.ts compares the two); here
  // the app's own sanitiser stands in, so the strings must match exactly.
  const live = (source: string, options: { inline?: boolean; headingOffset?: number }) => liveMarkdownEngine.html(source, 'demo', options)
  it.each(SOURCES)('gives the app’s live rendering for %j: block, inline and with headings moved down', (source) => {
    expect(engine.html(source, 'demo', {})).toBe(live(source, {}))
    expect(engine.html(source, 'demo', { inline: true })).toBe(live(source, { inline: true }))
    expect(engine.html(source, 'demo', { headingOffset: 1 })).toBe(live(source, { headingOffset: 1 }))
    expect(engine.html(source, 'demo', { headingOffset: 5 })).toBe(live(source, { headingOffset: 5 }))
  })

  // The live engine joins inline pieces with spaces ("code ."), the HTML's text does not: search
  // matches words, so the words must be the same.
  const words = (text: string) => text.split(/\W+/).filter(Boolean)
  it.each(SOURCES)('gives search the same words as the live engine for %j', (source) => {
    expect(words(engine.text(source))).toEqual(words(courseMarkdownText(source)))
  })

  it('shows text the export did not see as escaped plain text, and says so once', () => {
    const log = vi.fn()
    const strict = prerenderedMarkdownEngine({}, { html: [], inline: [] }, log)
    expect(strict.html('<img src=x onerror=alert(1)> *hi*', 'demo', {})).toBe('<p>&lt;img src=x onerror=alert(1)&gt; *hi*</p>')
    expect(strict.html('a & b', 'demo', { inline: true })).toBe('a &amp; b')
    expect(log).toHaveBeenCalledTimes(1)
  })

  it('stores each source’s HTML once, without the source, and an inline rendering only where the block one does not give it', () => {
    const stored = prerenderMarkdown(content, 'demo', sanitiseCourseHtml)
    const sources = markdownSources(content)
    expect(stored.html).toHaveLength(sources.length)
    // Plain text is not written at all: the player makes its paragraph again.
    expect(stored.html[sources.indexOf('Plain words')]).toBe('')
    expect(stored.html[sources.indexOf('Raw <script>alert(1)</script> stays text')]).toBe('')
    expect(JSON.stringify(stored)).not.toContain('[the guide](media/guide.pdf)')
    const inlined = stored.inline.map(([position]) => sources[position])
    expect(inlined).not.toContain('Pick *one* of [the guide](media/guide.pdf)')
    expect(inlined).toContain(SOURCES[4])
  })

  it('takes in a translation loaded later, beside what it has', () => {
    const welsh = { title: 'Demo', summary: 'Geiriau plaen', credits: [], modules: [] }
    const growing = prerenderedMarkdownEngine(content, prerenderMarkdown(content, 'demo', sanitiseCourseHtml), () => undefined)
    growing.add(welsh, prerenderMarkdown(welsh as unknown as LocalizedCourse, 'demo', sanitiseCourseHtml))
    expect(growing.html('Geiriau plaen', 'demo', {})).toBe('<p>Geiriau plaen</p>\n')
    expect(growing.html('Plain words', 'demo', {})).toBe('<p>Plain words</p>\n')
  })
})
