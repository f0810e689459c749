import { createRouter, createWebHashHistory, type Router, type RouterHistory, type RouteRecordRaw } from 'vue-router'
import { loadMarkdownEngine } from '../composables/markdown-engine'
import HomePage from '../pages/HomePage.vue'

/**
 * The screens every build shows, the SCORM player's included: the library, a course, its pages,
 * handouts, search and settings. The desktop app and web host add their own (app-routes.ts);
 * the player leaves them out, so its single bundle carries no screen it never shows.
 */
const LEARNING_ROUTES: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage },
  { path: '/course/:courseId', name: 'course', component: () => import('../pages/CoursePage.vue') },
  { path: '/course/:courseId/page/:pageId', name: 'player', component: () => import('../pages/PlayerPage.vue') },
  { path: '/course/:courseId/module/:moduleId/handout', name: 'handout', component: () => import('../pages/HandoutPage.vue') },
  { path: '/search', name: 'search', component: () => import('../pages/SearchPage.vue') },
  { path: '/settings', name: 'settings', component: () => import('../pages/SettingsPage.vue') },
]

/**
 * Hash history: the same build runs from the desktop app's custom scheme, the web host and
 * inside a SCORM package at whatever path an LMS gives it, with no server-side fallback.
 * Only the library is in the first chunk; every other screen loads when it is first opened.
 * A package's first screen, rendered at export, is routed in memory (`history`).
 */
export function createAppRouter(extraRoutes: readonly RouteRecordRaw[] = [], history: RouterHistory = createWebHashHistory()): Router {
  const router = createRouter({
    history,
    routes: [
      ...LEARNING_ROUTES,
      ...extraRoutes,
      { path: '/:rest(.*)*', name: 'not-found', component: () => import('../pages/NotFoundPage.vue') },
    ],
    // The player puts the learner back where they were on a page itself; other screens start at the top.
    scrollBehavior: (to) => (to.name === 'player' ? false : { top: 0 }),
  })
  // Every screen but the library may show course text; its Markdown parser loads on the way there.
  router.beforeEach((to) => (to.name === 'home' ? undefined : loadMarkdownEngine()))
  return router
}
