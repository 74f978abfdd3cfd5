import { ElMessage } from 'element-plus';
import { ApiError } from './api';
import { i18n } from './i18n';

// An API error in words a user understands: the kind of failure in the user's language, plus the
// server's message (which names the record and field) for input errors.
export function describeError(e: unknown): string {
  const t = i18n.global.t;
  if (e instanceof ApiError) {
    if (e.code === 'network') return t('errors.network');
    if (e.status === 403) return `${t('errors.forbidden')}（${e.message}）`;
    if (e.status === 404) return t('errors.not_found');
    if (e.status === 409) return `${t('errors.conflict')}（${e.message}）`;
    if (e.status === 400 || e.status === 422) return `${t('errors.invalid')}：${e.message}`;
    if (e.status >= 500) return t('errors.unknown');
    return e.message;
  }
  return t('errors.unknown');
}

export function showError(e: unknown) {
  if (e instanceof ApiError && e.status === 401) return; // the shell sends the user to the login
  ElMessage({ type: 'error', message: describeError(e), showClose: true, duration: 6000 });
}
