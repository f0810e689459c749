/**
 * Progress keeps things by id in plain JSON objects (pages, videos, quizzes, answers, block
 * states), as it is stored and sent. Ids such as "constructor" are valid, and events and records
 * from outside may name "toString" or "__proto__": a plain `record[id]` then finds what
 * Object.prototype has under that name, `id in record` is true for a learner who did nothing, and
 * `record[id] = value` can hit the `__proto__` setter. Such records are built, read and written
 * here: built without a prototype, read only through their own properties (records parsed by zod
 * or sent over IPC have Object.prototype again). Zod-free, for the SCORM player.
 */

/** A record of values by id without a prototype: it holds nothing that was not put in it. */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>
  // Without a prototype there is no setter for any id to reach, "__proto__" included.
  for (const [id, value] of entries) record[id] = value
  return record
}

/** Whether the record itself holds the id. */
export function hasId(record: Readonly<Record<string, unknown>> | undefined, id: string): boolean {
  return record !== undefined && Object.hasOwn(record, id)
}

/** The value the record itself holds under the id, or undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined
}

/**
 * Sets the id in a record being built. Defined rather than assigned, so that even in a record
 * with Object.prototype (one zod parsed) "__proto__" is an entry, never the prototype's setter.
 */
export function putId<T>(record: Record<string, T>, id: string, value: NoInfer<T>): void {
  Object.defineProperty(record, id, { value, writable: true, enumerable: true, configurable: true })
}

/** A copy of the record with the id set to the value, in the same order; the record itself is unchanged. */
export function withId<T>(record: Readonly<Record<string, T>>, id: string, value: NoInfer<T>): Record<string, T> {
  const copy = idRecord(Object.entries(record))
  copy[id] = value
  return copy
}
