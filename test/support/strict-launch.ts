import { Scorm12API, Scorm2004API } from 'scorm-again'
import type { CourseBundle } from '../../src/core/course/bundle'
import type { ScormVersion } from '../../src/core/scorm/manifest'
import { strictLms } from '../../src/core/scorm/strict-lms'
import { ProgressTracker } from '../../src/player/progress-tracker'
import { type Scorm12Api, type Scorm2004Api, ScormSession } from '../../src/player/scorm-runtime'

/**
 * The player's progress tracker for `course`, started in scorm-again wrapped in the strict
 * stand-in LMS. `stored` (from `relaunchData` of an earlier launch) makes it a relaunch.
 */
export function launchInStrictLms(version: ScormVersion, course: CourseBundle, stored?: Record<string, unknown>) {
  const settings = { lmsCommitUrl: false as const, mastery_override: false, autocommit: false, logLevel: 5 as const }
  const lms = version === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings)
  if (stored) lms.loadFromJSON(version === 'scorm12' ? { ...stored, core: { ...(stored.core as object), entry: 'resume' } } : { ...stored, entry: 'resume' })
  const strict = strictLms(version, lms as unknown as Record<string, unknown>)
  const session = new ScormSession(version === 'scorm12' ? { version, api: strict.api as unknown as Scorm12Api } : { version, api: strict.api as unknown as Scorm2004Api })
  session.start()
  const tracker = new ProgressTracker({ course, session, storage: null, interactions: 'all' })
  return { lms, strict, tracker, progress: tracker.load() }
}

/** What the LMS keeps of a launch for the next: its data model, without the interactions journal, which the player never reads back. */
export function relaunchData(launch: ReturnType<typeof launchInStrictLms>): Record<string, unknown> {
  const cmi = JSON.parse(JSON.stringify(launch.lms.cmi)) as Record<string, unknown>
  delete cmi.interactions
  return cmi
}
