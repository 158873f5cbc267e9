import { createRouter, createWebHashHistory, type Router } from 'vue-router';

/**
 * Routes of the editor. Hash history: every address is served by the one index.html, whatever the server's
 * fallback route does, and reloading any page works.
 */
export function createEditorRouter(): Router {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: '/flows' },
      { path: '/flows', name: 'flows', component: () => import('./pages/FlowsPage.vue') },
      { path: '/flows/:id', name: 'flow', component: () => import('./pages/FlowEditorPage.vue'), props: true },
      { path: '/entities/:type?', name: 'entities', component: () => import('./pages/EntitiesPage.vue') },
      { path: '/:rest(.*)*', redirect: '/flows' },
    ],
  });
}
