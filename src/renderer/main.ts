import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { API_KEY, createBrowserApi } from './api'
import App from './App.vue'
import { installBranding } from './branding/install'
import { installDeviceUi } from './device/install'
import { useBrandingStore } from './branding/store'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { APP_ROUTES } from './router/app-routes'
import { setMarkdownEngineLoader } from './composables/markdown-engine'
import { useAppInfoStore } from './stores/app-info'
import { useCoursesStore } from './stores/courses'
import { useLearnersStore } from './stores/learners'
import { useNoticesStore } from './stores/notices'
import { useSettingsStore } from './stores/settings'
import './styles/main.css'
import './styles/app-screens.css'

async function start(): Promise<void> {
  setMarkdownEngineLoader(async () => (await import('./composables/live-markdown')).liveMarkdownEngine)
  const app = createApp(App)
  app.provide(API_KEY, createBrowserApi(window))
  app.use(createPinia())
  const i18n = createAppI18n()
  app.use(i18n)
  installBranding(app, i18n)
  installDeviceUi(app, i18n)
  const router = createAppRouter(APP_ROUTES)
  app.use(router)
  // Settings and branding before the first paint, so it is in the learner's language and the
  // council's colours. What the first screen shows is asked for at the same time, not after them.
  await app.runWithContext(() => {
    void useLearnersStore().load().catch(() => undefined)
    void useNoticesStore().load()
    if (router.resolve(window.location.hash.slice(1) || '/').name === 'home') useCoursesStore().prefetch()
    return Promise.allSettled([useSettingsStore().load(), useAppInfoStore().load(), useBrandingStore().load()])
  })
  app.mount('#app')
}

void start()
