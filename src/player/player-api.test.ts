import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/app-defaults'
import { moduleOf, pageOf } from '../../test/support/course-bundle'
import { courseOf } from '../../test/support/scorm-courses'
import { ApiError } from '../core/api/errors'
import { createPlayerApi, displayName } from './player-api'
import { ProgressTracker } from './progress-tracker'

const course = courseOf([moduleOf('m', [pageOf('p1')])])

function setup(learnerName: string | null = 'Jones, Ceri', loadLanguage?: (language: string) => Promise<void>) {
  const saved = new Map<string, string>()
  const storage = { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => void saved.set(key, value) }
  const tracker = new ProgressTracker({ course, session: null, storage })
  tracker.load()
  const data = { format: 2 as const, scorm: 'scorm12' as const, reporting: 'passed-incomplete' as const, interactions: 'all' as const, appVersion: '1.2.3', course, markdown: { html: [], inline: [] }, translations: {} }
  const api = createPlayerApi({ data, tracker, learnerName, storage, ...(loadLanguage ? { loadLanguage } : {}) })
  return { api, saved }
}

describe('the CivicApi of a package', () => {
  it('serves the one course it carries', async () => {
    const { api } = setup()
    expect(await api['course.list']({})).toEqual([expect.objectContaining({ status: 'ready', id: 'scorm-test', modules: 1 })])
    expect(await api['course.get']({ courseId: 'scorm-test' })).toBe(course)
    await expect(api['course.get']({ courseId: 'other' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('says it runs in a package, so the footer names the learning platform, not the browser', async () => {
    expect(await setup().api['app.info']({})).toEqual({ name: 'Civic Learn', version: '1.2.3', host: 'scorm' })
  })

  it('records progress and reports it back', async () => {
    const { api } = setup()
    await api['progress.record']({ courseId: 'scorm-test', events: [{ type: 'page.viewed', at: '2026-11-21T10:00:00.000Z', pageId: 'p1' }] })
    expect(Object.keys((await api['progress.get']({ courseId: 'scorm-test' })).pages)).toEqual(['p1'])
    expect(await api['progress.overview']({})).toEqual([expect.objectContaining({ courseId: 'scorm-test', complete: true, progress: 1 })])
  })

  it('has one learner, named by the LMS', async () => {
    expect((await setup().api['profile.list']({})).profiles).toEqual([expect.objectContaining({ id: 'learner', name: 'Ceri Jones', hasPin: false })])
    expect(displayName('Ceri Jones')).toBe('Ceri Jones')
    expect(displayName('Jones, Ceri')).toBe('Ceri Jones')
  })

  it('keeps settings in the browser', async () => {
    const { api, saved } = setup()
    expect(await api['settings.get']({})).toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: null })
    await api['settings.update']({ language: 'cy' })
    expect(await api['settings.get']({})).toEqual({ ...DEFAULT_SETTINGS, language: 'cy', nation: null })
    saved.set('civic-learn-settings', '{not json')
    expect(await api['settings.get']({})).toEqual({ ...DEFAULT_SETTINGS, language: 'en', nation: null })
  })

  it('keeps the display settings in the browser, and takes what it cannot read at its default', async () => {
    const { api, saved } = setup()
    await api['settings.update']({ theme: 'dark', textSize: 'large', captions: false })
    expect(await api['settings.get']({})).toMatchObject({ theme: 'dark', textSize: 'large', captions: false })
    saved.set('civic-learn-settings', '{"language": "cy", "theme": "purple", "textSize": 3, "captions": "no"}')
    expect(await api['settings.get']({})).toEqual({ ...DEFAULT_SETTINGS, language: 'cy' })
  })

  it('loads the course in a new language before answering the switch', async () => {
    const order: string[] = []
    const { api } = setup(null, async (language) => {
      await Promise.resolve()
      order.push(`loaded ${language}`)
    })
    await api['settings.update']({ nation: 'wales' })
    expect(order).toEqual([])
    await api['settings.update']({ language: 'cy' }).then((settings) => order.push(`answered ${settings.language}`))
    expect(order).toEqual(['loaded cy', 'answered cy'])
  })

  it('answers a typed UNAVAILABLE error for what belongs to the LMS', async () => {
    const { api } = setup()
    const failure = await api['profile.create']({ name: 'Someone' }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ code: 'UNAVAILABLE' })
    await expect(api['certificate.create']({ courseId: 'scorm-test' })).rejects.toMatchObject({ code: 'UNAVAILABLE' })
  })
})
