import { createApp, h } from 'vue'
import { createI18n } from 'vue-i18n'
import { DEFAULT_LANGUAGE, isUiLanguage } from '../../core/app-defaults'
import { applyDisplay } from '../../core/display'
import { LANGUAGE_TAGS } from '../i18n'
import '../styles/main.css'
import { PREVIEW_MESSAGES } from './messages'
import PreviewApp from './PreviewApp.vue'

/** The ids the app's exports are kept under (randomUUID). */
const PACKAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * "Test this package": a window of its own, opened from the export page with the package's id
 * and the learner's language in its query. It needs no API: everything it shows comes from the
 * package and from the LMS it hosts.
 */
function start(): void {
  const query = new URLSearchParams(window.location.search)
  const asked = query.get('lang')
  const language = isUiLanguage(asked) ? asked : DEFAULT_LANGUAGE
  const id = query.get('package') ?? ''
  document.documentElement.lang = LANGUAGE_TAGS[language]
  applyDisplay({ theme: 'system', textSize: 'normal' }, document.documentElement, window.matchMedia?.('(prefers-color-scheme: dark)'))
  const i18n = createI18n({ legacy: false, locale: language, fallbackLocale: DEFAULT_LANGUAGE, messages: PREVIEW_MESSAGES })
  createApp({ render: () => h(PreviewApp, { packageId: PACKAGE_ID.test(id) ? id : null }) })
    .use(i18n)
    .mount('#app')
}

start()
