import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSession } from './stores/session';
import { portalRoutes } from './portal/routes';

// Pages load on demand (one chunk each); `roles` limits a page and its menu entry.
const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  portalRoutes, // the public portal (web/src/portal), no login
  {
    path: '/', component: () => import('./views/ShellView.vue'),
    children: [
      { path: '', name: 'workbench', component: () => import('./views/WorkbenchView.vue') },
      { path: 'leads', name: 'leads', component: () => import('./views/LeadsView.vue') },
      { path: 'leads/:id', name: 'lead', component: () => import('./views/LeadDetailView.vue') },
      { path: 'cases', name: 'cases', component: () => import('./views/CasesView.vue') },
      { path: 'cases/:id', name: 'case', component: () => import('./views/CaseDetailView.vue') },
      { path: 'imports', name: 'imports', component: () => import('./views/ImportsView.vue'), meta: { roles: ['admin', 'leader', 'officer'] } },
      { path: 'dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
      { path: 'admin', name: 'admin', component: () => import('./views/AdminView.vue'), meta: { roles: ['admin', 'leader'] } },
      { path: 'flags', name: 'flags', component: () => import('./views/FlagsView.vue'), meta: { roles: ['admin', 'leader', 'analyst'] } },
      { path: 'assistance/:id', name: 'assistance', component: () => import('./views/AssistanceView.vue') },
      { path: 'campaign', name: 'campaign', component: () => import('./views/CampaignView.vue'), meta: { roles: ['admin', 'leader', 'analyst'] } },
      { path: 'dishonesty', name: 'dishonesty', component: () => import('./views/DishonestyView.vue') },
      { path: 'dishonesty/:id', name: 'dishonesty-item', component: () => import('./views/DishonestyItemView.vue') },
      { path: 'publications', name: 'publications', component: () => import('./views/PublicationsView.vue'), meta: { roles: ['leader', 'officer'] } },
      { path: 'publications/:id', name: 'publication', component: () => import('./views/PublicationView.vue'), meta: { roles: ['leader', 'officer'] } },
      { path: 'stats', name: 'stats', component: () => import('./views/StatisticsView.vue') },
      { path: 'evaluation', name: 'evaluation', component: () => import('./views/EvaluationView.vue') },
      { path: 'audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { roles: ['admin', 'leader'] } },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const s = useSession();
  if (!s.checked) await s.restore();
  if (to.meta.public) return true;
  if (!s.user) return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  const roles = to.meta.roles as string[] | undefined;
  if (roles && !roles.includes(s.user.role)) return { name: 'workbench' };
  return true;
});
