// The one way the app talks to the server: JSON over /api/v1 with the session cookie, the CSRF
// header on every state-changing request, and errors turned into ApiError with the server's code.
export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public field?: string) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrf(token: string) { csrfToken = token; }
export function setUnauthenticatedHandler(fn: () => void) { onUnauthenticated = fn; }

export type Query = Record<string, string | number | boolean | undefined | null>;

export function qs(params: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function request<T>(method: string, path: string, body?: unknown,
  contentType = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof Blob || body instanceof ArrayBuffer) { payload = body; headers['Content-Type'] = contentType; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) { try { data = JSON.parse(text); } catch { data = text; } }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    if (res.status === 401 && path !== '/auth/login' && onUnauthenticated) onUnauthenticated();
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? res.statusText, err?.field);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, params: Query = {}) => request<T>('GET', path + qs(params)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: Blob, type: string) => request<T>('POST', path, file, type || 'application/octet-stream'),
};

export interface Page<T> { items: T[]; next_cursor: string | null }
export interface Unit { code: string; name: string; level: string; parent_code: string | null }
export interface User {
  id: number; username: string; display_name: string; role: string; unit_code: string; unit: Unit;
  active: boolean; must_change_password?: boolean;
}
export interface Lead {
  id: number; title: string | null; text: string; source: string; source_id: string; status: string;
  received_at: string; channel: string; product_category: string | null; product_name: string | null;
  special_actions: string[]; violations: string[]; unit_code: string; region_code: string | null;
  enterprise_id: number | null; enterprise_name: string | null; enterprise_uscc: string | null;
  enterprise_address: string | null; amount_involved: string | null; version: number;
  group_id: number | null; group_size: number; extra: Record<string, unknown>;
  reporter_name: string | null; reporter_phone: string | null;
}
export interface Case {
  id: number; case_no: string; title: string; summary: string; status: string; is_major: boolean;
  lead_id: number; enterprise_id: number | null; opened_at: string; unit_code: string; version: number;
  product_category: string | null; special_actions: string[]; violations: string[];
}
export interface Deadline {
  kind: string; name_zh: string; due_on: string; started_on: string; ended_on: string | null;
  status: string; length: number; unit: string; extensions: number; source: string; stopped_days: number;
  case_id?: number; case_no?: string; title?: string; working_days_left?: number; days_left?: number;
}
export interface CodeEntry { kind: string; code: string; name_zh: string; name_en: string; parent: string | null }
