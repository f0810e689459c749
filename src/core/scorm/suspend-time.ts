import type { BitReader, BitWriter } from './bits'

/** Suspend data counts time in whole minutes from here. */
const EPOCH = Date.UTC(2020, 0, 1)
const TIME_BITS = 25

/** The moment data without any time stands in with. */
export const SUSPEND_EPOCH = new Date(EPOCH).toISOString()

/** Writes a flag for whether there is a time, then the time to the minute. */
export function writeTime(writer: BitWriter, iso: string | undefined): void {
  const ms = iso === undefined ? NaN : Date.parse(iso)
  writer.bool(!Number.isNaN(ms))
  if (!Number.isNaN(ms)) writer.uint(Math.min(Math.max(0, Math.round((ms - EPOCH) / 60_000)), 2 ** TIME_BITS - 1), TIME_BITS)
}

/** Reads what `writeTime` wrote. */
export function readTime(reader: BitReader): string | undefined {
  return reader.bool() ? new Date(EPOCH + reader.uint(TIME_BITS) * 60_000).toISOString() : undefined
}
