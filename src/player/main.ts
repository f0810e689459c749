import { createPinia } from 'pinia'
import { createApp, h, reactive } from 'vue'
import type { Router } from 'vue-router'
import { CMI } from '../core/scorm/data-model'
import { isPackageData, PACKAGE_DATA_FILE, type PackageData } from '../core/scorm/package-data'
import { API_KEY } from '../renderer/api'
import { setMarkdownEngine } from '../renderer/composables/markdown-engine'
import { createAppI18n } from '../renderer/i18n'
import { createAppRouter } from '../renderer/router'
import { useAppInfoStore } from '../renderer/stores/app-info'
import { useCourseStore } from '../renderer/stores/course'
import { useSettingsStore } from '../renderer/stores/settings'
import '../renderer/styles/main.css'
import cy from './locales/cy/player.json'
import en from './locales/en/player.json'
import { COMMENT_CHANNEL } from '../renderer/components/comment/channel'
import { createPlayerApi, displayName } from './player-api'
import { prerenderedMarkdownEngine } from './prerendered-markdown'
import { fetchPackageJson, translationLoader } from './translations'
import { uiStringsLoader } from './ui-strings'
import PlayerShell from './PlayerShell.vue'
import { ProgressTracker, type KeyValueStore } from './progress-tracker'
import { connectPageLifecycle } from './page-lifecycle'
import { findScormApi, ScormSession } from './scorm-runtime'

/** Checkpoint commits while the learner reads without generating events. */
const TIMED_COMMIT_MS = 60_000

async function loadPackage(): Promise<PackageData> {
  const data = await fetchPackageJson(PACKAGE_DATA_FILE)
  if (!isPackageData(data)) throw new Error(`${PACKAGE_DATA_FILE} is not a Civic Learn course package`)
  return data
}

/** Sandboxed frames and some privacy settings refuse local storage outright. */
function browserStorage(): KeyValueStore | null {
  try {
    const storage = window.localStorage
    storage.getItem('civic-learn-probe')
    return storage
  } catch {
    return null
  }
}

/** Where a returning learner left off, on the routes this build of the app has. */
function resumePath(router: Router, courseId: string, pageId: string | undefined): string {
  const candidates = [...(pageId ? [`/course/${courseId}/page/${pageId}`] : []), `/course/${courseId}`]
  return candidates.find((path) => router.resolve(path).name !== 'not-found') ?? '/'
}

async function start(): Promise<void> {
  const i18n = createAppI18n()
  i18n.global.mergeLocaleMessage('en', en as never)
  // In the built player this is empty: its build writes the Welsh words to ui/cy.json (ui-strings.ts).
  i18n.global.mergeLocaleMessage('cy', cy as never)
  let data: PackageData
  try {
    data = await loadPackage()
  } catch (error) {
    const message = document.createElement('p')
    message.setAttribute('role', 'alert')
    message.textContent = i18n.global.t('scormPlayer.loadFailed', { reason: error instanceof Error ? error.message : String(error) })
    document.getElementById('app')?.replaceChildren(message)
    return
  }

  const engine = prerenderedMarkdownEngine(data.course.content[data.course.language], data.markdown, (text) => console.warn(text))
  setMarkdownEngine(engine)
  const loadTranslation = translationLoader(data, engine, fetchPackageJson)
  // Without its translation the course stays in its own language, with the app around it in the one chosen.
  const loadUiStrings = uiStringsLoader(i18n.global, fetchPackageJson)
  const loadLanguage = (language: string) =>
    Promise.all([
      loadTranslation(language).catch((error: unknown) => console.warn(`The translation could not be loaded: ${String(error)}`)),
      // Without them the app's words fall back to English around the course.
      loadUiStrings(language).catch((error: unknown) => console.warn(`The app's words in ${language} could not be loaded: ${String(error)}`)),
    ]).then(() => undefined)
  const view = reactive<{ trouble: boolean; exited: 'saved' | 'not-saved' | null }>({ trouble: false, exited: null })
  const found = findScormApi(window, data.scorm)
  const session = found ? new ScormSession(found, { onTrouble: () => (view.trouble = true), log: (text) => console.warn(text) }) : null
  const connected = session?.start() === true
  const storage = browserStorage()
  const tracker = new ProgressTracker({
    course: data.course,
    session: connected ? session : null,
    storage,
    reporting: data.reporting,
    interactions: data.interactions,
    log: (text) => console.warn(text),
  })
  const progress = tracker.load()
  // Connected before the app starts, so a window closed while it loads still finishes the session.
  let courseStore: ReturnType<typeof useCourseStore> | null = null
  const lifecycle = connectPageLifecycle({
    win: window,
    doc: document,
    tracker,
    // Events wait a moment in the course store before they reach the tracker: send them first.
    flush: () => courseStore?.flush() ?? Promise.resolve(),
    // The session is over, so nothing from here on reaches the LMS: the learner is told.
    onRestoredAfterClose: () => session?.trouble(),
    commitEveryMs: TIMED_COMMIT_MS,
  })
  const learnerName = connected && session ? session.get(CMI[session.version].learnerName) : null

  const app = createApp({
    render: () =>
      h(PlayerShell, {
        connection: connected ? 'lms' : 'standalone',
        trouble: view.trouble,
        unreadable: tracker.savedProgressUnreadable,
        branding: data.branding,
        exited: view.exited,
        onExit: () => (view.exited = lifecycle.exit() ? 'saved' : 'not-saved'),
      }),
  })
  const api = createPlayerApi({ data, tracker, learnerName, storage, loadLanguage })
  app.provide(API_KEY, api)
  // The learner is told where a comment goes, and under which name, before they write one.
  app.provide(COMMENT_CHANNEL, connected ? { kind: 'lms', learnerName: learnerName ? displayName(learnerName) || null : null } : { kind: 'page' })
  // A learner who reads a translation gets it before the first screen; the rest never load it.
  await loadLanguage((await api['settings.get']({})).language)
  app.use(createPinia())
  app.use(i18n)
  const router = createAppRouter()
  app.use(router)
  await app.runWithContext(() => Promise.allSettled([useSettingsStore().load(), useAppInfoStore().load()]))
  const hash = window.location.hash
  if (hash === '' || hash === '#' || hash === '#/') await router.replace(resumePath(router, data.course.id, progress.location?.pageId))
  app.mount('#app')

  courseStore = app.runWithContext(() => useCourseStore())
}

void start()
