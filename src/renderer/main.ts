import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { API_KEY, createBrowserApi } from './api'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
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
  app.use(createAppI18n())
  app.use(createAppRouter())
  // Settings first, so the first paint is already in the learner's language.
  await app.runWithContext(() => Promise.allSettled([useSettingsStore().load(), useAppInfoStore().load()]))
  app.mount('#app')
}

void start()
