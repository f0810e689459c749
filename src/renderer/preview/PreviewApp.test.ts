import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import { buildManifest } from '../../core/scorm/manifest'
import { PREVIEW_MESSAGES } from './messages'
import PreviewApp from './PreviewApp.vue'
import { EVENTUALLY } from '../../../test/support/eventually'

const ID = '0b6f2a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
const MANIFEST = buildManifest({ version: 'scorm12', courseId: 'demo', courseVersion: '1.0.0', title: 'Demo course', launch: 'index.html', files: ['index.html'] })

type Answer = { status: number; body?: string }
let answers: Map<string, Answer>
const requests: string[] = []

beforeEach(() => {
  answers = new Map([[`preview/${ID}/imsmanifest.xml`, { status: 200, body: MANIFEST }]])
  requests.length = 0
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${url}`)
    const answer = answers.get(url) ?? { status: 404, body: 'Not found.' }
    return new Response(answer.body ?? '', { status: answer.status })
  })
})

const mounted: { unmount(): void }[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  vi.unstubAllGlobals()
  vi.useRealTimers()
  delete (window as unknown as Record<string, unknown>).API
})

async function mountPreview(packageId: string | null, locale: 'en' | 'cy' = 'en') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: PREVIEW_MESSAGES })
  // Not attached to the document: happy-dom loads no frames, and the course in the frame is the
  // end-to-end tests' business (e2e/preview.spec.ts).
  const wrapper = mount(PreviewApp, { props: { packageId }, global: { plugins: [i18n] } })
  mounted.push(wrapper)
  await flushPromises()
  return wrapper
}

/** The package's side of a session: what the player in the frame would call. */
const lms = () => (window as unknown as { API?: Record<string, (...args: string[]) => string> }).API

describe('PreviewApp', () => {
  it('launches the package from its manifest with the strict LMS in place, and names the window', async () => {
    const wrapper = await mountPreview(ID)
    expect(wrapper.get('iframe').attributes('src')).toBe(`preview/${ID}/index.html`)
    expect(wrapper.get('iframe').attributes('title')).toBe('Course: Demo course')
    expect(wrapper.get('[data-testid="preview-version"]').text()).toBe('SCORM 1.2')
    expect(document.title).toBe('Demo course – Test this package – Civic Learn')
    expect(lms()?.LMSInitialize?.('')).toBe('true')
    expect(lms()?.LMSSetValue?.('cmi.core.lesson_status', 'incomplete')).toBe('true')
    expect(lms()?.LMSSetValue?.('cmi.interactions.0.id', 'bad id!')).toBe('false')
    await flushPromises()
    expect(wrapper.get('[data-testid="reported-status"]').text()).toContain('incomplete')
    expect(wrapper.get('[data-testid="reported-session"]').text()).toContain('open')
    expect(wrapper.get('[data-testid="preview-problems"]').text()).toContain('interaction id "bad id!" fails Moodle')
    expect(wrapper.text()).toContain('1 problem')
  })

  it('says so when it was opened without a package, in the page’s language', async () => {
    const wrapper = await mountPreview(null, 'cy')
    expect(wrapper.get('[role="alert"]').text()).toBe('Ni enwyd pecyn. Agorwch y ffenestr hon o dudalen allforio Civic Learn.')
    expect(document.title).toBe("Profi'r pecyn hwn – Civic Learn")
    expect(requests).toEqual([])
  })

  it('says a package the app no longer keeps has gone, and a broken manifest what is wrong with it', async () => {
    answers.clear()
    expect((await mountPreview(ID)).get('[role="alert"]').text()).toBe(
      'This package is no longer available to test. Export it again from Civic Learn, then choose Test this package.',
    )
    answers.set(`preview/${ID}/imsmanifest.xml`, { status: 200, body: MANIFEST.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>3</schemaversion>') })
    expect((await mountPreview(ID)).get('[role="alert"]').text()).toBe(
      'This package cannot be launched: imsmanifest.xml names schema version "3", which is neither SCORM 1.2 nor 2004.',
    )
  })

  it('relaunches once however often the button is pressed, waiting for the course to finish', async () => {
    const wrapper = await mountPreview(ID)
    lms()?.LMSInitialize?.('')
    const button = wrapper.findAll('button').find((item) => item.text() === 'Close and relaunch')
    const first = button?.trigger('click')
    const second = button?.trigger('click')
    await flushPromises()
    expect(button?.attributes('aria-disabled')).toBe('true')
    expect(button?.attributes('disabled')).toBeUndefined()
    // The course finishes as its page is closed.
    lms()?.LMSFinish?.('')
    await Promise.all([first, second])
    await vi.waitFor(() => expect(wrapper.get('[data-testid="preview-announcement"]').text()).toBe('Launch 2: the course was opened again with the data the LMS kept.'), EVENTUALLY)
    expect(requests.filter((request) => request.startsWith('HEAD'))).toHaveLength(1)
    expect(wrapper.get('[data-testid="reported-session"]').text()).toContain('not started')
  })

  it('relaunches a course that never finishes after a short wait, rather than hanging', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const wrapper = await mountPreview(ID)
    await wrapper.findAll('button').find((item) => item.text() === 'Start again as a new learner')?.trigger('click')
    await vi.advanceTimersByTimeAsync(3100)
    await flushPromises()
    expect(wrapper.get('[data-testid="preview-announcement"]').text()).toBe('Launch 2: the course was opened for a new learner.')
  })

  it('says the package has gone when the app stopped keeping it before a relaunch', async () => {
    const wrapper = await mountPreview(ID)
    lms()?.LMSInitialize?.('')
    lms()?.LMSFinish?.('')
    answers.clear()
    await wrapper.findAll('button').find((item) => item.text() === 'Close and relaunch')?.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true), EVENTUALLY)
    expect(wrapper.get('[role="alert"]').text()).toContain('This package is no longer available to test.')
    expect(wrapper.find('iframe').exists()).toBe(false)
  })
})
