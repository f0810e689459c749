import type { App } from 'vue'
import type { Language } from '../../core/api'
import DashboardCertificateButton from '../components/dashboard/DashboardCertificateButton.vue'
import DataNotices from '../components/data/DataNotices.vue'
import LearnerHeaderNav from '../components/learner/LearnerHeaderNav.vue'
import LearnerNamePrompt from '../components/learner/LearnerNamePrompt.vue'
import { createAppI18n } from '../i18n'
import { DEVICE_UI, type DeviceUi } from './ui'

const files = import.meta.glob<Record<string, unknown>>('../i18n/locales/*/{dashboard,data,learners,notebook,notices,trainer}.json', { eager: true, import: 'default' })

/** The strings of the screens and pieces only the app shows (the learner's record on the device), per language. */
export const DEVICE_MESSAGES = Object.fromEntries(
  (['en', 'cy'] as const).map((language) => [language, Object.assign({}, ...Object.entries(files).filter(([path]) => path.includes(`/locales/${language}/`)).map(([, messages]) => messages))]),
) as Record<Language, Record<string, unknown>>

export const DEVICE_COMPONENTS: DeviceUi = { learnerNav: LearnerHeaderNav, dataNotices: DataNotices, certificateButton: DashboardCertificateButton, namePrompt: LearnerNamePrompt }

function withDeviceMessages(i18n: ReturnType<typeof createAppI18n>): ReturnType<typeof createAppI18n> {
  for (const [language, messages] of Object.entries(DEVICE_MESSAGES)) i18n.global.mergeLocaleMessage(language, messages as never)
  return i18n
}

/** Gives the app the pieces of the shared screens that only it shows, and their strings. */
export function installDeviceUi(app: App, i18n: ReturnType<typeof createAppI18n>): void {
  withDeviceMessages(i18n)
  app.provide(DEVICE_UI, DEVICE_COMPONENTS)
}

/** The app's i18n with the device's strings too: for tests of the screens only the app shows. */
export function createDeviceI18n(locale?: Language): ReturnType<typeof createAppI18n> {
  return withDeviceMessages(createAppI18n(locale))
}
