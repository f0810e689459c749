import { Scorm12API, Scorm2004API } from 'scorm-again'
import { CMI } from '../../core/scorm/cmi'
import type { ScormVersion } from '../../core/scorm/manifest'
import { API_PROPERTY, strictLms, type LmsApi, type StrictLms } from '../../core/scorm/strict-lms'

/** scorm-again's API object, as far as the preview uses it. */
interface ScormAgain {
  loadFromJSON(json: Record<string, unknown>): void
  cmi: unknown
}

/** The learner the preview LMS launches the package for. */
export const PREVIEW_LEARNER = { id: 'preview-learner', name: 'Learner, Preview' }

export interface LmsSession {
  version: ScormVersion
  strict: StrictLms
  /** The data model as the LMS holds it now. */
  snapshot(): Record<string, unknown>
}

function firstLaunch(version: ScormVersion): Record<string, unknown> {
  return version === 'scorm12'
    ? { core: { student_id: PREVIEW_LEARNER.id, student_name: PREVIEW_LEARNER.name, entry: 'ab-initio', credit: 'credit', lesson_mode: 'normal' } }
    : { learner_id: PREVIEW_LEARNER.id, learner_name: PREVIEW_LEARNER.name, entry: 'ab-initio', credit: 'credit', mode: 'normal' }
}

/** The manifest's pass mark, where the LMS keeps it for the package to read. */
function withMastery(version: ScormVersion, data: Record<string, unknown>, masteryScore: number | null): Record<string, unknown> {
  if (masteryScore === null) return data
  return version === 'scorm12'
    ? { ...data, student_data: { ...(data.student_data as object | undefined), mastery_score: String(masteryScore) } }
    : { ...data, scaled_passing_score: String(masteryScore / 100) }
}

/**
 * Puts a strict LMS on the window for the package's frame to find: scorm-again, holding the
 * stored data of an earlier session (or a first launch), wrapped in the app's strict checks. Like
 * Moodle, it judges the score against the manifest's pass mark itself, and the strict checks
 * log a status that the judgement overturns.
 */
export function openLmsSession(win: Window, version: ScormVersion, stored: Record<string, unknown> | null, onCall: () => void, masteryScore: number | null = null): LmsSession {
  // No commit URL: the data stays in this window, where the preview shows it.
  const settings = { lmsCommitUrl: false, autocommit: false, mastery_override: masteryScore !== null, logLevel: 5 } as const
  const api = (version === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings)) as unknown as ScormAgain
  api.loadFromJSON(withMastery(version, stored ?? firstLaunch(version), masteryScore))
  const strict = strictLms(version, api as unknown as LmsApi, { onCall, masteryScore })
  const slots = win as unknown as Record<string, unknown>
  delete slots[API_PROPERTY.scorm12]
  delete slots[API_PROPERTY.scorm2004]
  slots[API_PROPERTY[version]] = strict.api
  return { version, strict, snapshot: () => JSON.parse(JSON.stringify(api.cmi)) as Record<string, unknown> }
}

/** The last value the course wrote to an element, or null. */
export function lastWritten(session: LmsSession, element: string): string | null {
  const sets = session.strict.log.sets
  for (let index = sets.length - 1; index >= 0; index--) if (sets[index]?.[0] === element) return sets[index]?.[1] ?? null
  return null
}

/**
 * What the LMS gives the next launch. After an exit with "suspend" the learner resumes: the data
 * model less the write-only interactions journal, with entry "resume". Otherwise the attempt is
 * over: SCORM 2004 starts a new attempt from nothing, and SCORM 1.2 LMSs (Moodle among them)
 * keep the data with an empty entry.
 */
export function relaunchData(session: LmsSession): Record<string, unknown> {
  const suspended = lastWritten(session, CMI[session.version].exit) === 'suspend'
  if (!suspended && session.version === 'scorm2004') return firstLaunch(session.version)
  const { interactions: _journal, objectives: _objectives, ...kept } = session.snapshot()
  const entry = suspended ? 'resume' : ''
  return session.version === 'scorm12' ? { ...kept, core: { ...(kept.core as object), entry } } : { ...kept, entry }
}

export interface ReportedInteraction {
  index: number
  id: string
  type: string
  response: string
  result: string
  when: string
}

/** The interactions journal as the course wrote it, one row per interaction. */
export function reportedInteractions(session: LmsSession): ReportedInteraction[] {
  const rows = new Map<number, ReportedInteraction>()
  const { interactionResponse: responseField, interactionTime: timeField } = CMI[session.version]
  for (const [element, value] of session.strict.log.sets) {
    const match = /^cmi\.interactions\.(\d+)\.(\w+)$/.exec(element)
    if (!match) continue
    const index = Number(match[1])
    const row = rows.get(index) ?? { index, id: '', type: '', response: '', result: '', when: '' }
    const field = match[2]
    if (field === 'id') row.id = value
    else if (field === 'type') row.type = value
    else if (field === responseField) row.response = value
    else if (field === 'result') row.result = value
    else if (field === timeField) row.when = value
    rows.set(index, row)
  }
  return [...rows.values()].sort((a, b) => a.index - b.index)
}
