import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'

/** Names the window after what the learner is looking at, most specific part first. */
export function useDocumentTitle(parts: () => (string | undefined | null)[]): void {
  const { t } = useI18n({ useScope: 'global' })
  watchEffect(() => {
    // A screen rendered ahead of time (src/player/first-screen.ts) has no window to name.
    if (import.meta.env.SSR) return
    document.title = [...parts().filter((part): part is string => Boolean(part)), t('app.name')].join(' – ')
  })
}
