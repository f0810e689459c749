import { mount } from '@vue/test-utils'
import fc from 'fast-check'
import { Scorm12API, Scorm2004API } from 'scorm-again'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { moduleOf, pageOf } from '../../test/support/course-bundle'
import { floodRumour } from '../../test/support/scenarios'
import { courseOf, questionsOfEveryType, quizBlock } from '../../test/support/scorm-courses'
import type { TrackingEvent } from '../core/progress/schema'
import { CMI } from '../core/scorm/cmi'
import type { ScormVersion } from '../core/scorm/manifest'
import { strictLms } from '../core/scorm/strict-lms'
import { createAppI18n } from '../renderer/i18n'
import cy from './locales/cy/player.json'
import en from './locales/en/player.json'
import PlayerShell from './PlayerShell.vue'
import { ProgressTracker } from './progress-tracker'
import { ScormSession, type Scorm12Api, type Scorm2004Api } from './scorm-runtime'

const questions = questionsOfEveryType('q', 3)
const course = courseOf([
  moduleOf('m', [pageOf('intro', [floodRumour, { type: 'reflection', id: 'plan', prompt: 'What next?' }], 'Intro'), pageOf('check', [quizBlock('check-quiz', questions, { passMark: 50 })], 'Check')]),
])
const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString()
const firstVisit: TrackingEvent[] = [
  { type: 'page.viewed', at: at(0), pageId: 'intro' },
  { type: 'scenario.chose', blockId: 'flood-rumour', stepId: 'post', choiceId: 'a' },
  { type: 'reflection.saved', at: at(1), blockId: 'plan', text: 'Check first; then post.' },
  { type: 'page.viewed', at: at(2), pageId: 'check' },
  { type: 'quiz.started', at: at(3), quizId: 'check-quiz', seed: 9 },
  { type: 'quiz.answered', quizId: 'check-quiz', questionId: 'q-single', response: 'a' },
  { type: 'location.changed', pageId: 'check', scroll: 0.5 },
]
const secondVisit: TrackingEvent[] = [
  { type: 'page.viewed', at: at(10), pageId: 'intro' },
  { type: 'page.viewed', at: at(11), pageId: 'check' },
  { type: 'quiz.started', at: at(12), quizId: 'check-quiz', seed: 3 },
  { type: 'quiz.submitted', at: at(13), quizId: 'check-quiz' },
]

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-21T10:00:00Z') }))
afterEach(() => vi.useRealTimers())

/**
 * The player's tracker in scorm-again behind the strict LMS, as main.ts starts it: `stored` is
 * what the LMS holds from before, `refuseWrites` an error code every SetValue fails with.
 */
function launch(version: ScormVersion, options: { stored?: Record<string, unknown>; refuseWrites?: string } = {}) {
  const settings = { lmsCommitUrl: false as const, mastery_override: false, autocommit: false, logLevel: 5 as const }
  const lms = version === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings)
  const { stored } = options
  if (stored) lms.loadFromJSON(version === 'scorm12' ? { ...stored, core: { ...(stored.core as object), entry: 'resume' } } : { ...stored, entry: 'resume' })
  const strict = strictLms(version, lms as unknown as Record<string, unknown>, options.refuseWrites === undefined ? {} : { refuseWrites: options.refuseWrites })
  let trouble = false
  const found = version === 'scorm12' ? { version, api: strict.api as unknown as Scorm12Api } : { version, api: strict.api as unknown as Scorm2004Api }
  const session = new ScormSession(found, { onTrouble: () => (trouble = true) })
  session.start()
  const tracker = new ProgressTracker({ course, session, storage: null })
  const progress = tracker.load()
  return { lms, strict, tracker, progress, troubled: () => trouble }
}

/** What the LMS keeps between launches. */
function stored(lms: Scorm12API | Scorm2004API): Record<string, unknown> {
  const cmi = JSON.parse(JSON.stringify(lms.cmi)) as Record<string, unknown>
  delete cmi.interactions
  delete cmi.objectives
  return cmi
}

/** The player's frame around the course, in English or Welsh, with the course itself left out. */
function shell(props: { trouble: boolean; unreadable?: boolean; connection?: 'lms' | 'standalone' }, locale: 'en' | 'cy' = 'en') {
  const i18n = createAppI18n(locale)
  i18n.global.mergeLocaleMessage('en', en as never)
  i18n.global.mergeLocaleMessage('cy', cy as never)
  const blank = defineComponent({ render: () => null })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: blank }] })
  return mount(PlayerShell, { props: { connection: 'lms', ...props }, global: { plugins: [i18n, router], stubs: { App: blank } } })
}

const SAVED = en.scormPlayer.lms.connected

/** The player's words once the learner has dismissed each warning: none of them may say that progress is saved. */
async function afterDismissing(wrapper: ReturnType<typeof shell>): Promise<string> {
  for (const button of wrapper.findAll('[role="alert"] button')) await button.trigger('click')
  return wrapper.text()
}

describe('suspend data the LMS damaged or cut short', () => {
  /** A real learner's suspend data, written by the player through the strict LMS. */
  function written(version: ScormVersion) {
    const first = launch(version)
    first.tracker.record(firstVisit)
    first.tracker.close()
    expect(first.strict.log.violations).toEqual([])
    return stored(first.lms)
  }

  /** Launches on `data`, takes a visit's progress, and ends the session as the page would. */
  function visitWith(version: ScormVersion, before: Record<string, unknown>, data: string) {
    const launched = launch(version, { stored: { ...before, suspend_data: data } })
    launched.tracker.record(secondVisit)
    launched.tracker.commit()
    launched.tracker.close()
    return launched
  }

  const damage = (data: string, position: number, how: 'drop' | 'change', char: string) =>
    how === 'drop' ? data.slice(0, position) + data.slice(position + 1) : data.slice(0, position) + char + data.slice(position + 1)

  it.each(['scorm12', 'scorm2004'] as const)('%s: are left as they are, the learner starts afresh and is told, whichever one character is dropped', async (version) => {
    const before = written(version)
    const data = before.suspend_data as string
    expect(data.length).toBeGreaterThan(20)
    for (let position = 0; position < data.length; position++) {
      const damaged = damage(data, position, 'drop', '')
      const visit = visitWith(version, before, damaged)
      // The LMS holds exactly what it held: the player never wrote suspend data in that session.
      expect(visit.strict.log.sets.filter(([element]) => element === CMI[version].suspendData)).toEqual([])
      expect(visit.lms.cmi.suspend_data).toBe(damaged)
      expect(visit.strict.log.violations).toEqual([])
      // Nothing of it was taken for the learner's progress, and the player knows to tell them.
      expect(Object.keys(visit.progress.pages)).toEqual([])
      expect(visit.progress.scenarios).toEqual({})
      expect(visit.tracker.savedProgressUnreadable).toBe(true)
    }
    const text = shell({ trouble: false, unreadable: true }).text()
    expect(text).toContain(en.scormPlayer.lms.unreadable)
    expect(text).not.toContain(SAVED)
  })

  it('are left as they are whichever one character is changed (property)', () => {
    const before = written('scorm12')
    const data = before.suspend_data as string
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    fc.assert(
      fc.property(fc.nat({ max: data.length - 1 }), fc.constantFrom(...alphabet), (position, char) => {
        fc.pre(char !== data[position])
        const damaged = damage(data, position, 'change', char)
        const visit = visitWith('scorm12', before, damaged)
        expect(visit.strict.log.sets.some(([element]) => element === 'cmi.suspend_data')).toBe(false)
        expect(visit.lms.cmi.suspend_data).toBe(damaged)
        expect(visit.tracker.savedProgressUnreadable).toBe(true)
      }),
      { numRuns: 200, seed: 20261121 },
    )
  })

  it('resume as before when intact, and the connection line says the platform saves progress', () => {
    const before = written('scorm12')
    const visit = visitWith('scorm12', before, before.suspend_data as string)
    expect(visit.tracker.savedProgressUnreadable).toBe(false)
    expect(visit.progress.scenarios['flood-rumour']).toBeDefined()
    expect(visit.lms.cmi.suspend_data).not.toBe(before.suspend_data)
    expect(shell({ trouble: visit.troubled(), unreadable: false }).text()).toContain(SAVED)
  })

  it('are told of in Welsh too, and dismissing the warning does not bring back "saved"', async () => {
    const welsh = shell({ trouble: false, unreadable: true }, 'cy')
    expect(welsh.get('[data-testid="scorm-unreadable"]').text()).toContain(cy.scormPlayer.lms.unreadable)
    const english = shell({ trouble: false, unreadable: true })
    expect(await afterDismissing(english)).not.toContain(SAVED)
  })
})

describe('an LMS that refuses every write', () => {
  // Refusals for good, 1.2: 201 invalid argument, 401 not implemented, 402 keyword, 403 read only,
  // 404 write only, 405 incorrect data type; 2004: 201, 401 undefined, 402 unimplemented, 403 not
  // initialised, 404 read only, 405 write only, 406 type mismatch, 407 out of range, 408 dependency
  // not established. And failures that may pass, retried first: 1.2's 101, 2004's 351 and 391.
  const codes = [
    ...['101', '201', '401', '402', '403', '404', '405'].map((code) => ['scorm12', code] as const),
    ...['351', '391', '201', '401', '402', '403', '404', '405', '406', '407', '408'].map((code) => ['scorm2004', code] as const),
  ]

  it.each(codes)('%s, error %s: the learner is told progress may not be saved, and nothing says it is', async (version, code) => {
    const visit = launch(version, { refuseWrites: code })
    visit.tracker.record(firstVisit)
    visit.tracker.commit()
    expect(visit.troubled()).toBe(true)
    visit.tracker.close()
    expect(visit.strict.log.sets).toEqual([])
    expect(visit.lms.cmi.suspend_data).toBe('')

    const wrapper = shell({ trouble: visit.troubled() })
    expect(wrapper.get('[data-testid="scorm-trouble"]').text()).toContain('may not be saved')
    expect(wrapper.text()).not.toContain(SAVED)
    expect(await afterDismissing(wrapper)).not.toContain(SAVED)
  })

  it('is not confused with an LMS that takes everything', () => {
    const visit = launch('scorm2004')
    visit.tracker.record(firstVisit)
    visit.tracker.commit()
    expect(visit.troubled()).toBe(false)
    expect(shell({ trouble: visit.troubled() }).get('[data-testid="scorm-connection"]').text()).toBe(SAVED)
  })

  it('does not warn when only the optional journal of answers is refused', () => {
    let lastError = '0'
    const answer = (ok: boolean) => ((lastError = ok ? '0' : '405'), String(ok))
    const api: Scorm12Api = {
      LMSInitialize: () => 'true',
      LMSFinish: () => 'true',
      LMSGetValue: () => '',
      LMSSetValue: (element) => answer(!element.startsWith('cmi.interactions.')),
      LMSCommit: () => 'true',
      LMSGetLastError: () => lastError,
      LMSGetErrorString: () => 'Incorrect data type',
      LMSGetDiagnostic: () => '',
    }
    let trouble = false
    const session = new ScormSession({ version: 'scorm12', api }, { onTrouble: () => (trouble = true) })
    session.start()
    expect(session.set('cmi.interactions.0.id', 'x')).toBe(false)
    expect(session.set('cmi.suspend_data', 'abc')).toBe(true)
    expect(session.commit()).toBe(true)
    expect(trouble).toBe(false)
  })
})
