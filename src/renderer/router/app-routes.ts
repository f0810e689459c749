import type { RouteRecordRaw } from 'vue-router'

/**
 * Screens only the desktop app and the web host show: the learner's record and profiles, the
 * device's data and SCORM export. Inside a package the LMS keeps the record, so the player
 * leaves these out (see createAppRouter).
 */
export const APP_ROUTES: readonly RouteRecordRaw[] = [
  { path: '/progress', name: 'progress', component: () => import('../pages/DashboardPage.vue') },
  { path: '/notebook', name: 'notebook', component: () => import('../pages/NotebookPage.vue') },
  { path: '/learners', name: 'learners', component: () => import('../pages/LearnersPage.vue') },
  { path: '/data', name: 'data', component: () => import('../pages/DataPage.vue') },
  { path: '/results', name: 'results', component: () => import('../pages/ResultsPage.vue') },
  { path: '/feedback', name: 'feedback', component: () => import('../pages/FeedbackPage.vue') },
  { path: '/present/:courseId/:moduleId', name: 'present', component: () => import('../pages/PresenterPage.vue') },
  // The projector's window: the page alone, without the app's header and footer.
  { path: '/audience/:courseId', name: 'audience', component: () => import('../pages/AudiencePage.vue'), meta: { bare: true } },
  { path: '/export/:courseId', name: 'export', component: () => import('../pages/ExportPage.vue') },
]
