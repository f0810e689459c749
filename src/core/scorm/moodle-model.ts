import type { CmiWrite } from './data-model'
import type { ScormVersion } from './manifest'

/**
 * What a Moodle site receives of what a package writes, modelled on Moodle's own SCORM runtime
 * (mod/scorm: request.js, and CollectData and StoreData in datamodels/scorm_12.js and scorm_13.js,
 * read, not copied), so the tests and the bench see what Moodle and Totara do and scorm-again
 * does not:
 * - every Commit and Terminate (LMSCommit, LMSFinish) is one POST of form fields, one per data
 *   model element, after five of Moodle's own (id, a, sesskey, attempt, scoid);
 * - 2004 sends every element that differs from its value at launch, and every element of the
 *   interactions journal, preloaded ones too, again with each request; 1.2 sends what changed
 *   since its last request (marked sent before the server answers, so a refused request's values
 *   are never sent again), the interactions it preloaded once, on its first request, and never
 *   the session time; both add the total time when finishing;
 * - once the page is being closed or hidden (pagehide, visibilitychange), requests go by
 *   navigator.sendBeacon as multipart form data, which Chromium refuses past 64 KiB of beacons
 *   in flight; Moodle then answers false with error 101. Otherwise a synchronous XHR, urlencoded;
 * - PHP keeps the first 1,000 fields of a request (max_input_vars). Moodle may read an urlencoded
 *   body again for the rest; a walk of a retaken course in Moodle lost them, so the model keeps
 *   the first 1,000 of every request, the case a package must stay inside.
 */
export const BEACON_LIMIT = 64 * 1024
export const MAX_INPUT_VARS = 1000

export type FormField = [name: string, value: string]

const MOODLE_FIELDS: FormField[] = [
  ['id', '123456'],
  ['a', '7890'],
  ['sesskey', 'AbCdEfGhIj'],
  ['attempt', '1'],
  ['scoid', '12345'],
]
/** Chromium's multipart boundary: "----WebKitFormBoundary" and 16 characters. */
const BOUNDARY_LENGTH = 38
function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

/** Moodle's name for an element's form field: `cmi.interactions.0.id` is `cmi__interactions__0__id`. */
export function moodleFieldName(element: string): string {
  return element.replaceAll('.', '__')
}

/** The element a form field stores, as Moodle's datamodel.php reads it; null for Moodle's own fields. */
export function elementOfField(name: string): string | null {
  return name.startsWith('cmi__') ? name.replaceAll('__', '.') : null
}

/** What the LMS gave at launch (a data model as scorm-again loads it) as element → value, as Moodle's runtime holds it. */
export function preloadedValues(stored: unknown, prefix = 'cmi', into = new Map<string, string>()): Map<string, string> {
  if (stored === null || stored === undefined) return into
  if (typeof stored !== 'object') {
    if (String(stored) !== '') into.set(prefix, String(stored))
    return into
  }
  for (const [key, item] of Object.entries(stored)) preloadedValues(item, `${prefix}.${key}`, into)
  return into
}

/** The size of the fields as an XHR body (application/x-www-form-urlencoded; what it encodes is ASCII). */
export function urlencodedBytes(fields: readonly FormField[]): number {
  return fields.reduce((sum, [name, value], index) => sum + (index > 0 ? 1 : 0) + encodeURIComponent(name).length + 1 + encodeURIComponent(value).length, 0)
}

/** The size of one field in a multipart body: its boundary line, its header, a blank line, the value. */
function multipartFieldBytes([name, value]: FormField): number {
  return 2 + BOUNDARY_LENGTH + 2 + utf8Length(`Content-Disposition: form-data; name="${name}"`) + 2 + 2 + utf8Length(value) + 2
}

/** The size of the fields as a beacon's body (multipart/form-data), closing boundary included. */
export function multipartBytes(fields: readonly FormField[]): number {
  return fields.reduce((sum, field) => sum + multipartFieldBytes(field), 2 + BOUNDARY_LENGTH + 2 + 2)
}

/** What writing these values adds to every beacon that carries them: for sizing the interactions journal. */
export function beaconCost(writes: readonly CmiWrite[]): number {
  return writes.reduce((sum, { element, value }) => sum + multipartFieldBytes([moodleFieldName(element), value]), 0)
}

export interface MoodleRequest {
  transport: 'xhr' | 'beacon'
  finishing: boolean
  fields: number
  bytes: number
  accepted: boolean
}

export interface MoodleModelOptions {
  /** The values the LMS gave the package at launch (element → value), the journal's included. */
  preloaded?: ReadonlyMap<string, string>
  /** Sends a request; the default stands in for Chromium's beacon limit. Returns whether it was accepted. */
  send?: (request: { transport: 'xhr' | 'beacon'; fields: FormField[]; bytes: number }) => boolean
  /** Moodle's total time at launch, which finishing adds the session's to (the model sends it as given). */
  totalTime?: string
}

const JOURNAL = /^cmi\.(interactions|objectives|comments_from_learner)\.\d+\./
/** Elements Moodle's 2004 runtime keeps as numbers: the string written always differs from them in type. */
const NUMERIC_2004 = new Set(['cmi.score.raw', 'cmi.score.min', 'cmi.score.max', 'cmi.score.scaled', 'cmi.progress_measure'])

/**
 * One launch as Moodle's runtime handles it: told each value the package writes (`written`), it
 * works out each request's fields (`request`), sends them by XHR or beacon as the page's state
 * says (`unloading`), and keeps what the server stored (`stored`).
 */
export class MoodleModel {
  /** The page is being closed or hidden: requests go by beacon. */
  unloading = false
  readonly requests: MoodleRequest[] = []
  /** What the server stored, by element (the last request that reached it wins). */
  readonly stored = new Map<string, string>()
  private readonly current = new Map<string, string>()
  private readonly launch: ReadonlyMap<string, string>
  /** 1.2: the value each element had when last sent (or at launch). */
  private readonly sent = new Map<string, string>()
  private preloadedJournalSent = false
  /** Beacon bytes sent since the page started closing: Chromium's limit is on beacons in flight together. */
  private beaconBytes = 0

  constructor(
    private readonly version: ScormVersion,
    private readonly options: MoodleModelOptions = {},
  ) {
    this.launch = options.preloaded ?? new Map()
    for (const [element, value] of this.launch) {
      this.current.set(element, value)
      if (!JOURNAL.test(element)) this.sent.set(element, value)
    }
  }

  /** The package wrote this value and the LMS took it. */
  written(element: string, value: string): void {
    this.current.set(element, value)
  }

  /** The page's state changed: closing or hidden (true), or shown again (false). */
  setUnloading(unloading: boolean): void {
    this.unloading = unloading
    if (!unloading) this.beaconBytes = 0
  }

  /** The fields of the next request (a Commit, or a Terminate when `finishing`). */
  fields(finishing: boolean): FormField[] {
    const fields: FormField[] = [...MOODLE_FIELDS]
    const add = (element: string, value: string) => fields.push([moodleFieldName(element), value])
    const total = this.version === 'scorm12' ? 'cmi.core.total_time' : 'cmi.total_time'
    if (finishing && this.version === 'scorm2004') add(total, this.options.totalTime ?? 'PT0S')
    for (const [element, value] of this.current) {
      if (this.version === 'scorm2004') {
        if (JOURNAL.test(element) || this.launch.get(element) !== value || NUMERIC_2004.has(element)) add(element, value)
      } else if (element === 'cmi.core.session_time') {
        // Moodle's 1.2 runtime never sends it: it works out the total time itself.
      } else if (JOURNAL.test(element) && this.launch.has(element)) {
        if (!this.preloadedJournalSent) add(element, value)
      } else if (this.sent.get(element) !== value) add(element, value)
    }
    if (finishing && this.version === 'scorm12') add(total, this.options.totalTime ?? '0000:00:00.00')
    if (this.unloading) fields.push(['unloading', '1'])
    return fields
  }

  /** Sends a Commit (or a Terminate when `finishing`) as Moodle's runtime would; returns whether the server took it. */
  request(finishing: boolean): boolean {
    const fields = this.fields(finishing)
    const transport = this.unloading ? 'beacon' : 'xhr'
    const bytes = transport === 'beacon' ? multipartBytes(fields) : urlencodedBytes(fields)
    // 1.2 marks everything sent before the server answers: a refused request is not sent again.
    if (this.version === 'scorm12') {
      this.preloadedJournalSent = true
      for (const [element, value] of this.current) this.sent.set(element, value)
    }
    const accepted = this.options.send ? this.options.send({ transport, fields, bytes }) : this.simulate(transport, bytes)
    this.requests.push({ transport, finishing, fields: fields.length, bytes, accepted })
    if (!accepted) return false
    for (const [name, value] of fields.slice(0, MAX_INPUT_VARS)) {
      const element = elementOfField(name)
      if (element) this.stored.set(element, value)
    }
    return true
  }

  /** Chromium's beacon quota, in a test or the bench where no browser sends anything. */
  private simulate(transport: 'xhr' | 'beacon', bytes: number): boolean {
    if (transport === 'xhr') return true
    if (this.beaconBytes + bytes > BEACON_LIMIT) return false
    this.beaconBytes += bytes
    return true
  }
}
