import { useI18n } from 'vue-i18n'

/** Time spent learning in words a reviewer reads at a glance: "25 minutes", "2 h 5 min". */
export function useDuration(): (seconds: number) => string {
  const { t } = useI18n({ useScope: 'global' })
  return (seconds) => {
    if (seconds <= 0) return t('dashboard.time.none')
    if (seconds < 60) return t('dashboard.time.underMinute')
    const minutes = Math.round(seconds / 60)
    if (minutes < 60) return t('dashboard.time.minutes', minutes)
    return t('dashboard.time.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
  }
}
