import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moduleOf, pageOf } from '../../test/support/course-bundle'
import { launchInStrictLms, relaunchData } from '../../test/support/strict-launch'
import { floodRumour } from '../../test/support/scenarios'
import { courseOf } from '../../test/support/scorm-courses'
import type { Block } from '../core/course/blocks'
import type { ReflectionBlock } from '../core/course/blocks/reflection'
import { TRACKED_BLOCK_TYPES } from '../core/course/blocks/tracked'
import type { TrackedBlockType } from '../core/course/blocks/tracked-contract'
import { applyEvents } from '../core/progress/reducer'
import { type CourseProgress, emptyProgress, type TrackingEvent } from '../core/progress/schema'
import { decodeSuspendData, encodeSuspendData } from '../core/scorm/suspend-codec'

/**
 * A tracked block type the engine has never heard of, registered only here: the learner says how
 * confident they feel, 1 to 5. If any part of the engine switched on the block type instead of
 * asking the registry, this block's state (or the states after it) would be lost on the way through.
 */
interface ConfidenceBlock {
  type: 'confidence'
  id: string
  prompt: string
}
interface ConfidenceRated {
  type: 'confidence.rated'
  blockId: string
  at: string
  value: number
}

const confidence: TrackedBlockType<ConfidenceBlock, number, ConfidenceRated, 'confidence'> = {
  type: 'confidence',
  slice: 'confidence',
  events: ['confidence.rated'],
  reduce: (_block, state, event) => (Number.isInteger(event.value) && event.value >= 1 && event.value <= 5 ? event.value : state),
  codec: {
    shape: (blocks) => blocks.map((block) => block.id).join(','),
    write(writer, _block, state) {
      writer.bool(state !== undefined)
      if (state !== undefined) writer.uint(state - 1, 3)
    },
    read: (reader) => (reader.bool() ? reader.uint(3) + 1 : undefined),
    longest: () => 5,
  },
}

const registry = TRACKED_BLOCK_TYPES as Record<string, unknown>
beforeAll(() => {
  registry.confidence = confidence
})
afterAll(() => {
  delete registry.confidence
})

const asked: ConfidenceBlock = { type: 'confidence', id: 'how-sure', prompt: 'How sure are you of the rules on election material?' }
const reflection: ReflectionBlock = { type: 'reflection', id: 'your-plan', prompt: 'What will you change in your next post?' }
/** The new type between the scenario and the reflection, so a state of another type comes after it. */
const course = courseOf([moduleOf('m', [pageOf('practice', [floodRumour, asked as unknown as Block, reflection], 'Practice')])])
const withoutIt = courseOf([moduleOf('m', [pageOf('practice', [floodRumour, reflection], 'Practice')])])
const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString()
/** The new type's event, which the API's event schema (built when the module loads) has never heard of either. */
const rated = (blockId: string, second: number, value: number) => ({ type: 'confidence.rated', blockId, at: at(second), value }) as ConfidenceRated as unknown as TrackingEvent
const events: TrackingEvent[] = [
  { type: 'page.viewed', at: at(0), pageId: 'practice' },
  { type: 'scenario.chose', blockId: 'flood-rumour', stepId: 'post', choiceId: 'a' },
  rated('how-sure', 5, 4),
  { type: 'reflection.saved', at: at(9), blockId: 'your-plan', text: 'Check before I share.' },
]
const slices = (progress: CourseProgress | null | undefined) => progress as unknown as Record<string, Record<string, unknown>> | undefined

describe('a tracked block type added in one module and one registry line', () => {
  it('gets its own place in progress, and the reducer applies its events beside the others', () => {
    expect(slices(emptyProgress(course.id, course.version))?.confidence).toEqual({})
    const progress = applyEvents(course, emptyProgress(course.id, course.version), events)
    expect(slices(progress)?.confidence).toEqual({ 'how-sure': 4 })
    expect(progress.scenarios['flood-rumour']).toEqual([{ stepId: 'post', choiceId: 'a' }])
    expect(progress.reflections['your-plan']?.text).toBe('Check before I share.')
    // A rating out of range changes nothing; one for a block the course lacks neither.
    const ignored = applyEvents(course, progress, [rated('how-sure', 20, 9), rated('elsewhere', 21, 2)])
    expect(ignored).toBe(progress)
    // An event with a time counts as activity.
    expect(applyEvents(course, emptyProgress(course.id, course.version), events.slice(2, 3)).updatedAt).toBe(at(5))
  })

  it('round-trips through suspend data with the states after it intact, and leaves other courses\' data as it was', () => {
    const progress = applyEvents(course, emptyProgress(course.id, course.version), events)
    const decoded = decodeSuspendData(course, encodeSuspendData(course, progress).data)
    expect(slices(decoded)?.confidence).toEqual({ 'how-sure': 4 })
    expect(decoded?.scenarios).toEqual(progress.scenarios)
    expect(decoded?.reflections['your-plan']?.text).toBe('Check before I share.')

    // A course without the new block keeps its fingerprint, so its learners resume after the update.
    // (Each encoding gets its own copy of the course: the codec caches what it works out per course.)
    const older = applyEvents(withoutIt, emptyProgress(withoutIt.id, withoutIt.version), events)
    delete registry.confidence
    let before: string
    try {
      before = encodeSuspendData(structuredClone(withoutIt), older).data
    } finally {
      registry.confidence = confidence
    }
    expect(encodeSuspendData(structuredClone(withoutIt), older).data).toBe(before)
  })

  it.each(['scorm12', 'scorm2004'] as const)('%s: a strict LMS accepts every value, and a relaunch resumes with its state', (version) => {
    const first = launchInStrictLms(version, course)
    first.tracker.record(events)
    first.tracker.close()
    expect(first.strict.log.violations).toEqual([])

    const again = launchInStrictLms(version, course, relaunchData(first))
    expect(slices(again.progress)?.confidence).toEqual({ 'how-sure': 4 })
    expect(again.progress.scenarios['flood-rumour']).toEqual([{ stepId: 'post', choiceId: 'a' }])
    expect(again.progress.reflections['your-plan']?.text).toBe('Check before I share.')
    again.tracker.close()
  })
})
