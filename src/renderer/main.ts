import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { API_KEY, createBrowserApi } from './api'
import App from './App.vue'
import { installBranding } from './branding/install'
import { useBrandingStore } from './branding/store'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { APP_ROUTES } from './router/app-routes'
import { setMarkdownEngineLoader } from './composables/markdown-engine'
import { useAppInfoStore } from './stores/app-info'
import { useSettingsStore } from './stores/settings'
import './styles/main.css'

async function start(): Promise<void> {
  setMarkdownEngineLoader(async () => {
    const { courseMarkdownHtml, courseMarkdownText } = await import('../core/course/markdown-html')
    return { html: courseMarkdownHtml, text: courseMarkdownText }
  })
  const app = createApp(App)
  app.provide(API_KEY, createBrowserApi(window))
  app.use(createPinia())
  const i18n = createAppI18n()
  app.use(i18n)
  installBranding(app, i18n)
  app.use(createAppRouter(APP_ROUTES))
  // Settings and branding first, so the first paint is in the learner's language and the council's colours.
  await app.runWithContext(() => Promise.allSettled([useSettingsStore().load(), useAppInfoStore().load(), useBrandingStore().load()]))
  app.mount('#app')
}

void start()
