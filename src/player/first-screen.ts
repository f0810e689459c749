import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory } from 'vue-router'
import { isPackageData, type PackageData } from '../core/scorm/package-data'
import { languageTag } from '../renderer/i18n'
import { useCourseStore } from '../renderer/stores/course'
import { useSettingsStore } from '../renderer/stores/settings'
import { createPlayerApi } from './player-api'
import { createPlayerApp, createPlayerI18n, installPackageMarkdown } from './player-app'
import { ProgressTracker } from './progress-tracker'

/** A package's first screen, and the language it is in. */
export interface FirstScreen {
  /** What goes inside the page's `#app` element. */
  html: string
  /** The UI language it is in (a settings language, such as "cy"). */
  language: string
  /** The same as a tag, for the page's `lang` attribute. */
  lang: string
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
 */
export async function renderFirstScreen(data: unknown): Promise<FirstScreen> {
  if (!isPackageData(data)) throw new Error('Not a Civic Learn course package')
  const packageData: PackageData = data
  installPackageMarkdown(packageData, () => undefined)
  const tracker = new ProgressTracker({ course: packageData.course, session: null, storage: null, reporting: packageData.reporting, interactions: packageData.interactions })
  tracker.load()
  const api = createPlayerApi({ data: packageData, tracker, learnerName: null, storage: null })
  const { app, router } = await createPlayerApp(createSSRApp, {
    data: packageData,
    api,
    i18n: createPlayerI18n(),
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
  const language = app.runWithContext(() => useSettingsStore().settings.language)
  return { html, language, lang: languageTag(language) }
}
