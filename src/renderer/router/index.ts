import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import HomePage from '../pages/HomePage.vue'

/**
 * Hash history: the same build runs from the desktop app's custom scheme, the web host and,
 * later, inside a SCORM package at whatever path an LMS gives it, with no server-side fallback.
 */
export function createAppRouter(): Router {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'home', component: HomePage },
      { path: '/:rest(.*)*', name: 'not-found', component: () => import('../pages/NotFoundPage.vue') },
    ],
  })
}
