import { describe, expect, it, vi } from 'vitest'
import { moduleOf, pageOf } from '../../test/support/course-bundle'
import { courseOf } from '../../test/support/scorm-courses'
import type { LocalizedCourse } from '../core/course/bundle'
import type { PackageData, TranslationData } from '../core/scorm/package-data'
import { prerenderMarkdown } from '../core/scorm/prerender-markdown'
import { sanitiseCourseHtml } from '../renderer/composables/live-markdown'
import { prerenderedMarkdownEngine } from './prerendered-markdown'
import { translationLoader } from './translations'

function packageWithWelsh() {
  const course = courseOf([moduleOf('m', [pageOf('p', [{ type: 'text', markdown: 'Read **this** first.' }])])])
  const english = course.content.en as LocalizedCourse
  const welsh: LocalizedCourse = { ...english, title: 'Cwrs', modules: [{ ...english.modules[0]!, pages: [{ id: 'p', title: 'P', blocks: [{ type: 'text', markdown: 'Darllenwch **hwn** yn gyntaf.' }] }] }] }
  const data: PackageData = { format: 2, scorm: 'scorm12', reporting: 'passed-incomplete', interactions: 'all', appVersion: '1', course: { ...course, languages: ['en', 'cy'] }, markdown: prerenderMarkdown(english, course.id, sanitiseCourseHtml), translations: { cy: 'course.cy.json' } }
  const file: TranslationData = { format: 2, language: 'cy', content: welsh, markdown: prerenderMarkdown(welsh, course.id, sanitiseCourseHtml) }
  const engine = prerenderedMarkdownEngine(english, data.markdown, () => undefined)
  return { data, file, engine }
}

describe('loading a translation in the player', () => {
  it('fetches it once, the first time its language is read, into the course and the Markdown engine', async () => {
    const { data, file, engine } = packageWithWelsh()
    const fetchJson = vi.fn(async () => JSON.parse(JSON.stringify(file)) as unknown)
    const load = translationLoader(data, engine, fetchJson)
    await load('en')
    expect(fetchJson).not.toHaveBeenCalled()
    await Promise.all([load('cy'), load('cy')])
    await load('cy')
    expect(fetchJson).toHaveBeenCalledExactlyOnceWith('course.cy.json')
    expect(data.course.content.cy?.title).toBe('Cwrs')
    expect(engine.html('Darllenwch **hwn** yn gyntaf.', data.course.id, {})).toBe('<p>Darllenwch <strong>hwn</strong> yn gyntaf.</p>\n')
    await load('fr')
    expect(fetchJson).toHaveBeenCalledTimes(1)
  })

  it('refuses a file that is not the translation asked for, and tries again next time', async () => {
    const { data, file, engine } = packageWithWelsh()
    const fetchJson = vi.fn().mockResolvedValueOnce({ ...file, language: 'ga' }).mockResolvedValueOnce(file)
    const load = translationLoader(data, engine, fetchJson)
    await expect(load('cy')).rejects.toThrow("course.cy.json is not this course's cy translation")
    expect(data.course.content.cy).toBeUndefined()
    await load('cy')
    expect(data.course.content.cy?.title).toBe('Cwrs')
  })
})
