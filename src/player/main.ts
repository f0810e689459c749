import { createApp, reactive } from 'vue'
import { createWebHashHistory, type Router } from 'vue-router'
import { CMI } from '../core/scorm/data-model'
import { isPackageData, PACKAGE_DATA_FILE, type PackageData } from '../core/scorm/package-data'
import '../renderer/styles/main.css'
import { useCourseStore } from '../renderer/stores/course'
import { createPlayerApi, displayName } from './player-api'
import { createPlayerApp, createPlayerI18n, installPackageMarkdown, type ShellState } from './player-app'
import { fetchPackageJson, translationLoader } from './translations'
import { uiStringsLoader } from './ui-strings'
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

/**
 * The element the app renders into. The package's index.html may hold the first screen, rendered
 * at export (first-screen.ts) and inert: seen at once, but neither used nor read out until the
 * live app replaces it, so nothing on it is a control that does nothing.
 */
function takeOverFirstScreen(): HTMLElement | null {
  const root = document.getElementById('app')
  root?.removeAttribute('inert')
  return root
}

async function start(): Promise<void> {
  const i18n = createPlayerI18n()
  let data: PackageData
  try {
    data = await loadPackage()
  } catch (error) {
    const message = document.createElement('p')
    message.setAttribute('role', 'alert')
    message.textContent = i18n.global.t('scormPlayer.loadFailed', { reason: error instanceof Error ? error.message : String(error) })
    takeOverFirstScreen()?.replaceChildren(message)
    return
  }

  const engine = installPackageMarkdown(data, (text) => console.warn(text))
  const loadTranslation = translationLoader(data, engine, fetchPackageJson)
  // Without its translation the course stays in its own language, with the app around it in the one chosen.
  const loadUiStrings = uiStringsLoader(i18n.global, fetchPackageJson)
  const loadLanguage = (language: string) =>
    Promise.all([
      loadTranslation(language).catch((error: unknown) => console.warn(`The translation could not be loaded: ${String(error)}`)),
      // Without them the app's words fall back to English around the course.
      loadUiStrings(language).catch((error: unknown) => console.warn(`The app's words in ${language} could not be loaded: ${String(error)}`)),
    ]).then(() => undefined)
  const shell = reactive<ShellState>({ connection: null, trouble: false, unreadable: false, exited: null })
  const found = findScormApi(window, data.scorm)
  const session = found ? new ScormSession(found, { onTrouble: () => (shell.trouble = true), log: (text) => console.warn(text) }) : null
  const connected = session?.start() === true
  shell.connection = connected ? 'lms' : 'standalone'
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
  shell.unreadable = tracker.savedProgressUnreadable
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

  const api = createPlayerApi({ data, tracker, learnerName, storage, loadLanguage })
  // A learner who reads a translation gets it before the first screen; the rest never load it.
  await loadLanguage((await api['settings.get']({})).language)
  const { app, router } = await createPlayerApp(createApp, {
    data,
    api,
    i18n,
    history: createWebHashHistory(),
    commentChannel: !connected ? { kind: 'page' } : tracker.lmsKeepsComments ? { kind: 'lms', learnerName: learnerName ? displayName(learnerName) || null : null } : { kind: 'none' },
    shell,
    onExit: () => (shell.exited = lifecycle.exit() ? 'saved' : 'not-saved'),
  })
  const hash = window.location.hash
  if (hash === '' || hash === '#' || hash === '#/') await router.replace(resumePath(router, data.course.id, progress.location?.pageId))
  const root = takeOverFirstScreen()
  if (root) app.mount(root)

  courseStore = app.runWithContext(() => useCourseStore())
}

void start()
