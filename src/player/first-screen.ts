import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory } from 'vue-router'
import { isUiLanguage } from '../core/app-defaults'
import { isPackageData, PACKAGE_SETTINGS_KEY, type FirstScreen, type PackageData } from '../core/scorm/package-data'
import { languageTag } from '../renderer/i18n'
import { useCourseStore } from '../renderer/stores/course'
import { useSettingsStore } from '../renderer/stores/settings'
import { createPlayerApi } from './player-api'
import { createPlayerApp, createPlayerI18n, installPackageMarkdown } from './player-app'
import { ProgressTracker, type KeyValueStore } from './progress-tracker'
import { translationLoader, type FetchJson } from './translations'
import { uiStringsLoader } from './ui-strings'

/** Settings kept in memory: the language a first screen is drawn in, as a learner's saved choice. */
function chosenLanguage(language: string): KeyValueStore {
  const saved = JSON.stringify({ language })
  return { getItem: (key) => (key === PACKAGE_SETTINGS_KEY ? saved : null), setItem: () => undefined }
}

/**
 * A package's first screen as HTML, rendered at export into its index.html (built on its own
 * into out/player-server by vite.player-server.config.mts, and loaded by the exporter), so a
 * learner sees the course the moment the page arrives rather than once the player's script has
 * been compiled and run. It is the screen a new learner starts on, the course page, drawn by the
 * player's own components from the package's own data; the live app replaces it as it starts
 * (main.ts), on that screen or wherever the learner left off. Until then the LMS connection is not
 * known, so the shell says only that the course is starting. The app's Markdown engine is set for
 * the course being rendered: the exporter renders one course at a time.
 *
 * In the course's own language, or in one of its translations (`language`), whose files
 * (the translation, the app's words in it) `readJson` reads as the player would fetch them.
 */
export async function renderFirstScreen(data: unknown, language?: string, readJson?: FetchJson): Promise<FirstScreen> {
  if (!isPackageData(data)) throw new Error('Not a Civic Learn course package')
  // A copy: a translation joins the course it is loaded into.
  const packageData: PackageData = structuredClone(data)
  const engine = installPackageMarkdown(packageData, () => undefined)
  if (language !== undefined && !isUiLanguage(language)) throw new Error(`The app has no words in ${language}`)
  // In that language from the start: the shell is drawn before the app sets the language.
  const i18n = createPlayerI18n(language)
  if (language !== undefined) {
    if (!readJson) throw new Error(`The first screen in ${language} needs the package's files`)
    await Promise.all([translationLoader(packageData, engine, readJson)(language), uiStringsLoader(i18n.global, readJson)(language)])
  }
  const tracker = new ProgressTracker({ course: packageData.course, session: null, storage: null, reporting: packageData.reporting, interactions: packageData.interactions })
  tracker.load()
  const api = createPlayerApi({ data: packageData, tracker, learnerName: null, storage: language === undefined ? null : chosenLanguage(language) })
  const { app, router } = await createPlayerApp(createSSRApp, {
    data: packageData,
    api,
    i18n,
    // Links written as the live app's hash history writes them.
    history: createMemoryHistory('#'),
    commentChannel: { kind: 'page' },
    shell: { connection: null, trouble: false, unreadable: false, exited: null },
  })
  const courseId = packageData.course.id
  await router.push(`/course/${courseId}`)
  await router.isReady()
  // The course screen opens its course as it is set up; here it is open before rendering.
  await app.runWithContext(() => useCourseStore().open(courseId))
  const html = await renderToString(app)
  const shown = app.runWithContext(() => useSettingsStore().settings.language)
  return { html, language: shown, lang: languageTag(shown) }
}
