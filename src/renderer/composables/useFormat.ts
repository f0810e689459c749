import { useI18n } from 'vue-i18n'
import type { Jurisdiction } from '../../core/course/ids'
import { calendarDate } from '../../core/i18n/dates'

/**
 * Dates, lists of places and clock times in the interface language. They are built from the
 * catalogues rather than Intl, because Chromium's and Electron's trimmed ICU data has no Welsh:
 * Intl would quietly give American English there.
 */
export function useFormat() {
  const { t } = useI18n({ useScope: 'global' })

  /** A calendar date such as "30 June 2026" from an ISO date or timestamp, on the learner's clock. */
  function date(iso: string): string {
    return calendarDate(iso, t, 'local')
  }

  /** A 24-hour clock time such as 09:05. */
  function time(at: Date): string {
    return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
  }

  /** "A, B and C" in English; Welsh lists with commas, since "a" would mutate the next word. */
  function list(items: readonly string[]): string {
    if (items.length <= 1) return items.join('')
    return `${items.slice(0, -1).join(t('format.listSeparator'))}${t('format.listLast')}${items.at(-1)}`
  }

  function places(jurisdictions: readonly Jurisdiction[]): string {
    return list(jurisdictions.map((place) => t(`nations.jurisdiction.${place}`)))
  }

  /** A media time such as 1:05 or 1:02:03. */
  function clock(seconds: number): string {
    const whole = Math.max(0, Math.floor(seconds))
    const h = Math.floor(whole / 3600)
    const m = Math.floor((whole % 3600) / 60)
    const s = String(whole % 60).padStart(2, '0')
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
  }

  return { date, time, list, places, clock }
}
