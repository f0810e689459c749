import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CourseBundle } from '../src/core/course/bundle'
import { BEACON_LIMIT, MAX_INPUT_VARS, MoodleModel, multipartBytes, urlencodedBytes } from '../src/core/scorm/moodle-model'
import { loadCourseFolder } from '../src/node/course-loader'
import * as scormAgain from 'scorm-again'
import { diligentWalk, launchInMoodle, storedForRelaunch, walkAndClose } from './support/moodle-walk'

/**
 * The bundled course in Moodle's runtime as modelled (src/core/scorm/moodle-model.ts): what each
 * commit sends, how, and what the site stores, so that a learner who closes the window loses
 * nothing whatever they answered.
 */
let course: CourseBundle
const CLOSE_LIMIT = 16 * 1024

beforeAll(async () => {
  const loaded = await loadCourseFolder(path.resolve(__dirname, '../courses/social-media-for-local-leaders'))
  if (!loaded.bundle) throw new Error('The bundled course does not load.')
  course = loaded.bundle
})


describe('the model of Moodle’s requests', () => {
  it('sends in 2004 what differs from launch and the whole journal every time; in 1.2 only what changed, and the preloaded journal once', () => {
    const preloaded = new Map([
      ['cmi.location', 'p1'],
      ['cmi.interactions.0.id', 'quiz.q1.a1'],
    ])
    const v2004 = new MoodleModel('scorm2004', { preloaded })
    v2004.written('cmi.location', 'p1')
    v2004.written('cmi.completion_status', 'incomplete')
    const names = () => v2004.fields(false).map(([name]) => name)
    expect(names()).toEqual(['id', 'a', 'sesskey', 'attempt', 'scoid', 'cmi__interactions__0__id', 'cmi__completion_status'])
    expect(v2004.request(false)).toBe(true)
    expect(names()).toContain('cmi__interactions__0__id')

    const v12 = new MoodleModel('scorm12', { preloaded: new Map([['cmi.interactions.0.id', 'quiz.q1.a1']]) })
    v12.written('cmi.core.lesson_status', 'incomplete')
    v12.written('cmi.core.session_time', '0000:01:00')
    expect(v12.fields(false).map(([name]) => name).slice(5)).toEqual(['cmi__interactions__0__id', 'cmi__core__lesson_status'])
    v12.request(false)
    expect(v12.fields(false)).toHaveLength(5)
    expect(v12.fields(true).map(([name]) => name).slice(5)).toEqual(['cmi__core__total_time'])
  })

  it('refuses a beacon past 64 KiB of beacons in flight, and keeps the first 1,000 fields of a request', () => {
    const model = new MoodleModel('scorm2004')
    for (let index = 0; index < 1200; index++) model.written(`cmi.interactions.${index}.id`, `quiz.question_${index}.a1`)
    // By XHR, as the page lives: taken, but PHP keeps the first 1,000 fields (five are Moodle's own).
    expect(model.request(false)).toBe(true)
    expect(model.stored.size).toBe(MAX_INPUT_VARS - 5)
    expect(model.stored.has('cmi.interactions.1199.id')).toBe(false)
    model.setUnloading(true)
    expect(multipartBytes(model.fields(false))).toBeGreaterThan(urlencodedBytes(model.fields(false)))
    expect(multipartBytes(model.fields(false))).toBeGreaterThan(BEACON_LIMIT)
    expect(model.request(false)).toBe(false)
    expect(model.requests.at(-1)).toMatchObject({ transport: 'beacon', accepted: false })

    // Beacons in flight together share the limit: two of 40 KiB do not both go.
    const twice = new MoodleModel('scorm2004')
    twice.written('cmi.suspend_data', 'x'.repeat(40 * 1024))
    twice.setUnloading(true)
    expect([twice.request(false), twice.request(true)]).toEqual([true, false])
  })
})

describe.each(['scorm12', 'scorm2004'] as const)('%s: the bundled course in Moodle’s runtime', (version) => {
  it.each(['assessments', 'all'] as const)('with the %s journal, closes with everything stored, each request under 16 KiB', (interactions) => {
    const launch = launchInMoodle({ version, course, scormAgain, choices: { interactions } })
    const { beforeClose } = walkAndClose(launch, course)
    const { moodle } = launch
    const last = moodle.requests.at(-1)
    expect(last).toMatchObject({ transport: 'beacon', finishing: true, accepted: true })
    // Each request as the tab closes stays under 16 KiB, and all of them far under the 64 KiB in flight.
    for (const request of moodle.requests.slice(beforeClose)) expect(request.bytes).toBeLessThanOrEqual(CLOSE_LIMIT)
    expect(moodle.requests.slice(beforeClose).reduce((sum, request) => sum + request.bytes, 0)).toBeLessThanOrEqual(BEACON_LIMIT / 2)
    expect(moodle.requests.every((request) => request.accepted)).toBe(true)
    expect(moodle.requests.every((request) => request.fields <= MAX_INPUT_VARS)).toBe(true)
    // Every tab switch committed by beacon, and was taken.
    expect(moodle.requests.filter((request) => request.transport === 'beacon' && !request.finishing).length).toBeGreaterThan(5)
    const stored = moodle.stored
    if (version === 'scorm12') {
      expect(stored.get('cmi.core.lesson_status')).toBe('passed')
      expect(stored.get('cmi.core.total_time')).toBeDefined()
      expect(stored.get('cmi.core.exit')).toBe('suspend')
    } else {
      expect([stored.get('cmi.completion_status'), stored.get('cmi.success_status')]).toEqual(['completed', 'passed'])
      expect(stored.get('cmi.session_time')).toMatch(/^PT/)
      expect(stored.get('cmi.exit')).toBe('suspend')
    }
    const lastPage = course.content[course.language]?.modules.at(-1)?.pages.at(-1)?.id
    expect(stored.get(version === 'scorm12' ? 'cmi.core.lesson_location' : 'cmi.location')).toBe(lastPage)
    expect(stored.get(version === 'scorm12' ? 'cmi.suspend_data' : 'cmi.suspend_data')).toBe(launch.lms.cmi.suspend_data)
    const journaled = [...stored.keys()].filter((element) => /^cmi\.interactions\.\d+\.id$/.test(element)).length
    expect(journaled).toBeGreaterThan(0)
  })

  it('on a relaunch, sends what Moodle preloaded while the page is alive, so the first commit is never a refused beacon', () => {
    const first = launchInMoodle({ version, course, scormAgain, choices: { interactions: 'all' } })
    const walk = diligentWalk(course)
    for (const batch of walk.slice(0, Math.floor(walk.length / 2))) first.tracker.record(batch)
    first.moodle.setUnloading(true)
    first.tracker.close()
    const again = launchInMoodle({ version, course, scormAgain, choices: { interactions: 'all' }, stored: storedForRelaunch(first.moodle) })
    // The launch commit: a normal request, before the learner can close anything.
    expect(again.moodle.requests[0]).toMatchObject({ transport: 'xhr', finishing: false, accepted: true })
    for (const batch of walk.slice(Math.floor(walk.length / 2))) again.tracker.record(batch)
    again.moodle.setUnloading(true)
    again.tracker.close()
    expect(again.moodle.requests.every((request) => request.accepted)).toBe(true)
    expect(again.moodle.requests.at(-1)?.bytes).toBeLessThanOrEqual(CLOSE_LIMIT)
    expect(again.moodle.stored.get(version === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed')
  })
})
