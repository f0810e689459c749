import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { courseMarkdownHtml } from '../src/core/course/markdown-html'
import { prerenderMarkdown } from '../src/core/scorm/prerender-markdown'
import { markdownSources } from '../src/core/scorm/prerendered-markdown'
import { loadCourseFolder } from '../src/node/course-loader'
import { prerenderedMarkdownEngine } from '../src/player/prerendered-markdown'

const ROOT = path.resolve(__dirname, '..')

/**
 * The package writes each string's rendering once, and leaves out plain text and most inline
 * renderings for the player to make again: over every string of the real courses, in every
 * language, the player must still show exactly what the app shows (HTML ignores a trailing line
 * break inside a line, so that alone may differ inline).
 */
describe.each(['social-media-for-local-leaders', 'example-first-steps'])('the package Markdown of %s', (folder) => {
  it('gives the app’s rendering of every string, block and inline, in every language', async () => {
    const { bundle } = await loadCourseFolder(path.join(ROOT, 'courses', folder))
    if (!bundle) throw new Error(`${folder} does not load`)
    for (const [language, content] of Object.entries(bundle.content)) {
      const engine = prerenderedMarkdownEngine(content, JSON.parse(JSON.stringify(prerenderMarkdown(content, bundle.id))), () => {
        throw new Error(`a string of ${language} was not rendered at export`)
      })
      for (const source of markdownSources(content)) {
        expect(engine.html(source, bundle.id, {}), source).toBe(courseMarkdownHtml(source, bundle.id))
        expect(engine.html(source, bundle.id, { inline: true }).trimEnd(), source).toBe(courseMarkdownHtml(source, bundle.id, { inline: true }).trimEnd())
      }
    }
  })
})
