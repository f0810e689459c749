import { useI18n } from 'vue-i18n'
import type { Jurisdiction } from '../../core/course/ids'
import type { Language } from '../../core/api'
import { LANGUAGE_TAGS } from '../i18n'

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/

/** Dates, lists of places and clock times in the interface language. */
export function useFormat() {
  const { locale, t } = useI18n({ useScope: 'global' })
  const tag = () => LANGUAGE_TAGS[locale.value as Language] ?? locale.value

  /** A calendar date such as "30 June 2026" from an ISO date or timestamp. */
  function date(iso: string): string {
    // A bare date is a day on the calendar, not a moment: no time zone may move it.
    if (CALENDAR_DAY.test(iso)) return new Intl.DateTimeFormat(tag(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
    return new Intl.DateTimeFormat(tag(), { dateStyle: 'long' }).format(new Date(iso))
  }

  function time(at: Date): string {
    return new Intl.DateTimeFormat(tag(), { hour: '2-digit', minute: '2-digit' }).format(at)
  }

  function list(items: readonly string[]): string {
    return new Intl.ListFormat(tag(), { type: 'conjunction' }).format(items)
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
