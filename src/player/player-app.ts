import { createPinia } from 'pinia'
import { h, type App, type CreateAppFunction } from 'vue'
import type { Router, RouterHistory } from 'vue-router'
import type { CivicApi, Language } from '../core/api/contract'
import type { PackageData } from '../core/scorm/package-data'
import { API_KEY } from '../renderer/api'
import { COMMENT_CHANNEL, type CommentChannel } from '../renderer/components/comment/channel'
import { setMarkdownEngine } from '../renderer/composables/markdown-engine'
import { createAppI18n } from '../renderer/i18n'
import { createAppRouter } from '../renderer/router'
import { useAppInfoStore } from '../renderer/stores/app-info'
import { useSettingsStore } from '../renderer/stores/settings'
import cy from './locales/cy/player.json'
import en from './locales/en/player.json'
import PlayerShell from './PlayerShell.vue'
import { prerenderedMarkdownEngine } from './prerendered-markdown'

/** What the shell around the course shows: see PlayerShell's props. */
export interface ShellState {
  connection: 'lms' | 'standalone' | null
  trouble: boolean
  unreadable: boolean
  exited: 'saved' | 'not-saved' | null
}

export interface PlayerAppOptions {
  data: PackageData
  api: CivicApi
  i18n: ReturnType<typeof createPlayerI18n>
  history: RouterHistory
  commentChannel: CommentChannel
  /** Read at every render, so a reactive object keeps the shell up to date. */
  shell: ShellState
  onExit?: () => void
}

/**
 * The app's UI strings with the player's own, in `locale` from the start. In the built player the
 * Welsh ones are empty: its build writes them to ui/cy.json (ui-strings.ts).
 */
export function createPlayerI18n(locale?: Language) {
  const i18n = createAppI18n(locale)
  i18n.global.mergeLocaleMessage('en', en as never)
  i18n.global.mergeLocaleMessage('cy', cy as never)
  return i18n
}

/** Makes the course's HTML as rendered at export (its own language) the app's Markdown engine. */
export function installPackageMarkdown(data: PackageData, log: (text: string) => void) {
  const engine = prerenderedMarkdownEngine(data.course.content[data.course.language], data.markdown, log)
  setMarkdownEngine(engine)
  return engine
}

/**
 * The player's Vue app, the same in the browser (`createApp`, main.ts) and for the first screen
 * rendered into the package at export (`createSSRApp`, first-screen.ts): the shell around the
 * app's screens, the package's API, and the settings and app info loaded before anything renders.
 */
export async function createPlayerApp(create: CreateAppFunction<Element>, options: PlayerAppOptions): Promise<{ app: App<Element>; router: Router }> {
  const { shell } = options
  const app = create({
    render: () =>
      h(PlayerShell, {
        connection: shell.connection,
        trouble: shell.trouble,
        unreadable: shell.unreadable,
        branding: options.data.branding,
        exited: shell.exited,
        onExit: () => options.onExit?.(),
      }),
  })
  app.provide(API_KEY, options.api)
  // The learner is told where a comment goes, and under which name, before they write one.
  app.provide(COMMENT_CHANNEL, options.commentChannel)
  app.use(createPinia())
  app.use(options.i18n)
  const router = createAppRouter([], options.history)
  app.use(router)
  await app.runWithContext(() => Promise.allSettled([useSettingsStore().load(), useAppInfoStore().load()]))
  return { app, router }
}
