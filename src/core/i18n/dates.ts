import type { Translate } from './translate'

/**
 * Whose calendar a timestamp's day is read in. The interface uses the learner's clock (`local`),
 * so a course finished late in the evening shows that evening's date. Documents use `utc`: their
 * bytes and their date then depend on the record alone, not on the time zone of the machine (or
 * web host) that wrote them, and a certificate made twice from one record is the same file.
 */
export type DateZone = 'local' | 'utc'

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function calendarDay(iso: string, zone: DateZone): { year: number; month: number; day: number } {
  const written = CALENDAR_DAY.exec(iso)
  if (written) return { year: Number(written[1]), month: Number(written[2]), day: Number(written[3]) }
  const at = new Date(iso)
  return zone === 'utc'
    ? { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() }
    : { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() }
}

/**
 * A calendar date such as "30 June 2026" or "30 Mehefin 2026", from an ISO date (taken as written)
 * or timestamp (read in `zone`). It is built from the catalogue's `format.date` and
 * `format.month.<1-12>` rather than Intl, because Chromium's and Electron's trimmed ICU data has no
 * Welsh: Intl would quietly give English month names there. The interface and the documents both
 * date things with it.
 */
export function calendarDate(iso: string, t: Translate, zone: DateZone): string {
  const { year, month, day } = calendarDay(iso, zone)
  return t('format.date', { day, month: t(`format.month.${month}`), year })
}
