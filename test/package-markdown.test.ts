// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify walks the document with a NodeIterator, and happy-dom's stops at
// the first node removed, leaving the rest unsanitised; jsdom's follows the DOM standard, as browsers do.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LocalizedCourse } from '../src/core/course/bundle'
import { COURSE_HTML_POLICY } from '../src/core/course/html-policy'
import { courseMarkdownHtml } from '../src/core/course/markdown-html'
import { prerenderMarkdown } from '../src/core/scorm/prerender-markdown'
import { markdownSources } from '../src/core/scorm/prerendered-markdown'
import { loadCourseFolder } from '../src/node/course-loader'
import { sanitiseCourseHtml as sanitiseAtExport } from '../src/node/export/course-html'
import { prerenderedMarkdownEngine } from '../src/player/prerendered-markdown'
import { liveMarkdownEngine, sanitiseCourseHtml as sanitiseLive } from '../src/renderer/composables/live-markdown'

const ROOT = path.resolve(__dirname, '..')

/**
 * HTML as a browser holds it once parsed: the two sanitisers write the same document differently
 * (`<br />` or `<br>`, which characters they escape), and what a learner sees is the document.
 * A trailing line break inside a line is ignored by HTML, so it is dropped too.
 */
function parsed(html: string): string {
  const template = document.createElement('template')
  template.innerHTML = html
  return template.innerHTML.trimEnd()
}

/** The player's engine over some content, from what the exporter writes for it. */
function playerEngine(content: LocalizedCourse, courseId: string, language: string) {
  return prerenderedMarkdownEngine(content, JSON.parse(JSON.stringify(prerenderMarkdown(content, courseId, sanitiseAtExport))), () => {
    throw new Error(`a string of ${language} was not rendered at export`)
  })
}

/**
 * The package writes each string's rendering once, sanitised at export by sanitize-html, and
 * leaves out plain text and most inline renderings for the player to make again: over every
 * string of the real courses, in every language, the player must still show exactly what the app
 * shows after rendering live and sanitising with DOMPurify, block, inline and with headings moved.
 */
describe.each(['social-media-for-local-leaders', 'example-first-steps'])('the package Markdown of %s', (folder) => {
  it('gives the app’s rendering of every string, block and inline, in every language', async () => {
    const { bundle } = await loadCourseFolder(path.join(ROOT, 'courses', folder))
    if (!bundle) throw new Error(`${folder} does not load`)
    for (const [language, content] of Object.entries(bundle.content)) {
      const engine = playerEngine(content, bundle.id, language)
      for (const source of markdownSources(content)) {
        for (const options of [{}, { inline: true }, { headingOffset: 1 }]) {
          expect(parsed(engine.html(source, bundle.id, options)), source).toBe(parsed(liveMarkdownEngine.html(source, bundle.id, options)))
        }
      }
    }
  })
})

/**
 * Markdown written to get past the renderer: scripts in links and images, quotes to break out of
 * attributes, entities, autolinks, code fences whose language names a class, tables, deep
 * nesting. Both sanitisers must keep the same document, with nothing in it that runs.
 */
const HOSTILE_MARKDOWN = [
  '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox(1))',
  '[entity](&#106;avascript:alert(1)) [spaced]( javascript:alert(1)) [tab](java\tscript:alert(1))',
  '![x" onerror="alert(1)](media/a.png) ![pixel](https://tracker.example/p.gif) ![up](../../etc/passwd)',
  '[title](https://example.org "t\\" onclick=\\"alert(1)") <https://example.org/a?b=<script>> <javascript:alert(1)>',
  'Raw <script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src="https://example.org"></iframe> <style>*{}</style>',
  '```switch"><script>alert(1)</script>\ncode <b>here</b>\n```',
  '| <b>a</b> | b |\n| :- | -: |\n| [x](javascript:1) | ![y](media/y.png "t") |',
  '> '.repeat(40) + 'deep',
  '::: note\nA directive inside text\n:::',
  '<!-- comment --> &lt;script&gt; &amp;lt; &#x3C;svg onload=alert(1)&#x3E; ~~gone~~ `<code>`',
  '3. three\n4. four\n\n---\n\nLine  \nbreak',
]

/** Well-formed HTML the renderer never makes, which the policy must still strip alike. */
const HOSTILE_HTML = [
  '<p onclick="alert(1)" style="color:red" class="language-switch" id="app" data-x="1" aria-hidden="true">text</p>',
  '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="//evil.example/">c</a><a href="\\\\evil.example/">e</a><a href="https://example.org/" target="_top">d</a>',
  '<img src="x" onerror="alert(1)"><img src="media/a.png" alt="a" srcset="https://evil.example/a.png 2x">',
  '<form action="https://evil.example/"><input name="pin"><button>Send</button></form>',
  '<svg><script>alert(1)</script><a href="https://example.org">x</a></svg><math><mi>x</mi></math>',
  '<iframe src="https://example.org"></iframe><object data="x"></object><embed src="x"><template><p>t</p></template>',
  '<style>body{display:none}</style><script>alert(1)</script><textarea>t</textarea><select><option>o</option></select>',
  '<details open ontoggle="alert(1)"><summary>s</summary>d</details><video src="x"></video><audio src="x"></audio>',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x">',
]

/** What in some sanitised HTML the policy does not allow: tags, attributes, addresses with another scheme or host. */
function outsidePolicy(html: string): string[] {
  const template = document.createElement('template')
  template.innerHTML = html
  const found: string[] = []
  for (const element of template.content.querySelectorAll('*')) {
    const tag = element.localName
    if (!(COURSE_HTML_POLICY.tags as readonly string[]).includes(tag)) found.push(`<${tag}>`)
    for (const { name, value } of element.attributes) {
      if (!(COURSE_HTML_POLICY.attributes as readonly string[]).includes(name)) found.push(`${tag} ${name}`)
      const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value)?.[1]?.toLowerCase()
      if ((name === 'href' || name === 'src') && ((scheme && !(COURSE_HTML_POLICY.schemes as readonly string[]).includes(scheme)) || /^[/\\]{2}/.test(value))) {
        found.push(`${tag} ${name}=${value}`)
      }
    }
  }
  return found
}

describe('the course HTML policy, applied by DOMPurify in the app and sanitize-html at export', () => {
  it.each(HOSTILE_MARKDOWN)('keeps the same harmless document of the Markdown %j', (source) => {
    for (const options of [{}, { inline: true }]) {
      const rendered = courseMarkdownHtml(source, 'demo', options)
      const live = parsed(sanitiseLive(rendered))
      expect(parsed(sanitiseAtExport(rendered))).toBe(live)
      expect(outsidePolicy(live)).toEqual([])
    }
  })

  it.each(HOSTILE_HTML)('strips %j alike, leaving nothing that runs, styles or submits', (html) => {
    expect(outsidePolicy(html), 'the check finds what the sanitisers must remove').not.toEqual([])
    const live = parsed(sanitiseLive(html))
    const atExport = parsed(sanitiseAtExport(html))
    expect(atExport).toBe(live)
    expect(outsidePolicy(atExport)).toEqual([])
  })

  it('keeps what courses are made of: headings, lists, tables, links out and to course files, images of the course', () => {
    const source = '## Rules\n\n1. [The Act](https://www.legislation.gov.uk/ukpga/1983/2 "title")\n2. ![A chart](media/chart.png)\n\n| a | b |\n| - | - |\n| *1* | ~~2~~ |\n\n> `code` and **bold** [write](mailto:help@example.org)'
    const html = sanitiseAtExport(courseMarkdownHtml(source, 'demo'))
    expect(parsed(html)).toBe(parsed(courseMarkdownHtml(source, 'demo').replace(/ style="[^"]*"/g, '')))
    expect(html).toContain('href="https://www.legislation.gov.uk/ukpga/1983/2"')
    expect(html).toContain('src="courses/demo/media/chart.png"')
    expect(html).toContain('target="_blank"')
  })
})
