// The portal's pages under /portal (public: no login), mounted by src/router.ts.
import type { RouteRecordRaw } from 'vue-router';

export const portalRoutes: RouteRecordRaw = {
  path: '/portal', component: () => import('./PortalLayout.vue'), meta: { public: true },
  children: [
    { path: '', redirect: '/portal/decisions' },
    { path: 'decisions', name: 'portal-decisions', component: () => import('./PortalSearch.vue'), props: { kind: 'decisions' } },
    { path: 'decisions/:id', name: 'portal-decision', component: () => import('./PortalItem.vue'), props: { kind: 'decisions' } },
    { path: 'typical-cases', name: 'portal-typical', component: () => import('./PortalSearch.vue'), props: { kind: 'typical-cases' } },
    { path: 'typical-cases/:id', name: 'portal-typical-case', component: () => import('./PortalItem.vue'), props: { kind: 'typical-cases' } },
    { path: 'report', name: 'portal-report', component: () => import('./PortalReport.vue') },
    { path: 'status', name: 'portal-status', component: () => import('./PortalStatus.vue') },
  ],
};
