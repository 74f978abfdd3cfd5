import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { setUnauthenticatedHandler } from './api';
import { useSession } from './stores/session';
import './style.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(ElementPlus).use(router);

// A 401 on any call means the session ended (expired or logged out elsewhere): back to the login.
setUnauthenticatedHandler(() => {
  const s = useSession();
  if (!s.user) return;
  s.user = null;
  s.expired = true;
  const next = router.currentRoute.value.fullPath;
  router.push({ name: 'login', query: { next } });
});
app.mount('#app');
