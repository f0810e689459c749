import type { CivicApi, MethodInput, MethodOutput } from '../../core/api'
import { ApiError } from '../../core/api/errors'
import { METHOD_NAMES } from '../../core/api/methods'
import type { CourseBundle } from '../../core/course/bundle'
import { applyEvents } from '../../core/progress/reducer'
import type { CourseProgress, TrackingEvent } from '../../core/progress/schema'

/**
 * A CivicApi for component tests: the methods a test gives, and every other method failing
 * loudly so a test never passes by calling something it did not expect.
 */
export function fakeApi(methods: Partial<CivicApi>): CivicApi {
  const unexpected = (method: string) => async () => {
    throw new ApiError({ code: 'INTERNAL', message: `The test did not expect a call to ${method}.` })
  }
  return Object.fromEntries(METHOD_NAMES.map((method) => [method, methods[method] ?? unexpected(method)])) as CivicApi
}

/**
 * progress.record as a host answers it, for component tests: the events are applied to the
 * progress it holds (from `start`) and the answer is its new revision, with that progress unless
 * the client named the revision before (the host's rule); every event sent is kept in `sent` for
 * assertions.
 */
export function fakeProgressHost(course: CourseBundle, start: CourseProgress) {
  let held = start
  let revision = 0
  const sent: TrackingEvent[] = []
  const record = async (input: MethodInput<'progress.record'>): Promise<MethodOutput<'progress.record'>> => {
    sent.push(...input.events)
    const same = input.since === String(revision)
    held = applyEvents(course, held, input.events)
    revision++
    return same ? { revision: String(revision) } : { revision: String(revision), progress: held }
  }
  return { sent, record }
}
