import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import { loadMarkdownEngine } from '../composables/markdown-engine'
import HomePage from '../pages/HomePage.vue'

/**
 * Hash history: the same build runs from the desktop app's custom scheme, the web host and,
 * later, inside a SCORM package at whatever path an LMS gives it, with no server-side fallback.
 * Only the library is in the first chunk; every other screen loads when it is first opened.
 */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'home', component: HomePage },
      { path: '/course/:courseId', name: 'course', component: () => import('../pages/CoursePage.vue') },
      { path: '/course/:courseId/page/:pageId', name: 'player', component: () => import('../pages/PlayerPage.vue') },
      { path: '/course/:courseId/module/:moduleId/handout', name: 'handout', component: () => import('../pages/HandoutPage.vue') },
      { path: '/search', name: 'search', component: () => import('../pages/SearchPage.vue') },
      { path: '/settings', name: 'settings', component: () => import('../pages/SettingsPage.vue') },
      { path: '/progress', name: 'progress', component: () => import('../pages/DashboardPage.vue') },
      { path: '/notebook', name: 'notebook', component: () => import('../pages/NotebookPage.vue') },
      { path: '/learners', name: 'learners', component: () => import('../pages/LearnersPage.vue') },
      { path: '/data', name: 'data', component: () => import('../pages/DataPage.vue') },
      { path: '/export/:courseId', name: 'export', component: () => import('../pages/ExportPage.vue') },
      { path: '/:rest(.*)*', name: 'not-found', component: () => import('../pages/NotFoundPage.vue') },
    ],
    // The player puts the learner back where they were on a page itself; other screens start at the top.
    scrollBehavior: (to) => (to.name === 'player' ? false : { top: 0 }),
  })
  // Every screen but the library may show course text; its Markdown parser loads on the way there.
  router.beforeEach((to) => (to.name === 'home' ? undefined : loadMarkdownEngine()))
  return router
}
