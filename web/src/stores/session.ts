import { defineStore } from 'pinia';
import { api, setCsrf, type User, type CodeEntry } from '../api';

interface SessionState { user: User | null; expired: boolean; codes: CodeEntry[]; checked: boolean }

export const useSession = defineStore('session', {
  state: (): SessionState => ({ user: null, expired: false, codes: [], checked: false }),
  getters: {
    role: (s) => s.user?.role ?? '',
    canEdit: (s) => s.user?.role === 'officer' || s.user?.role === 'leader',
  },
  actions: {
    async restore() {
      // Only ask the server when this browser had a session: a first visit goes to the login
      // without a 401 in the console.
      if (localStorage.getItem('lijian.session') !== '1') { this.checked = true; return; }
      try {
        const me = await api.get<{ csrf_token: string; user: User }>('/auth/me');
        setCsrf(me.csrf_token);
        this.user = me.user;
        await this.loadCodes();
      } catch { this.user = null; localStorage.removeItem('lijian.session'); }
      this.checked = true;
    },
    async login(username: string, password: string) {
      const r = await api.post<{ csrf_token: string; user: User }>('/auth/login', { username, password });
      setCsrf(r.csrf_token);
      this.user = r.user;
      this.expired = false;
      localStorage.setItem('lijian.session', '1');
      await this.loadCodes();
    },
    async logout() {
      try { await api.post('/auth/logout'); } catch { /* the session may already be gone */ }
      this.user = null;
      localStorage.removeItem('lijian.session');
      setCsrf('');
    },
    async loadCodes() {
      if (this.codes.length) return;
      const r = await api.get<{ items: CodeEntry[] }>('/codes');
      this.codes = r.items;
    },
    codeName(kind: string, code: string | null | undefined, locale: string): string {
      if (!code) return '';
      const c = this.codes.find((x) => x.kind === kind && x.code === code);
      return c ? (locale === 'en' ? c.name_en : c.name_zh) : code;
    },
    codesOf(kind: string): CodeEntry[] { return this.codes.filter((x) => x.kind === kind); },
  },
});
