// The public API (/api/public/v1, no login, docs/public-api.md) as the portal uses it.
import { ApiError, qs, type Query } from '../api';

export interface Named { code: string; name: string }
export interface PublicItem {
  id: number; kind: 'decision' | 'typical_case'; decision_no: string; party: string; title: string;
  violations: Named[]; product_category: Named | null; penalty: string; fine: string; authority: string;
  region_code: string; decided_on: string; published_at: string; text: string;
}
export interface PublicResults {
  meta: { results: { total: number; skip: number; limit: number; truncated: boolean } };
  results: PublicItem[];
}

export async function publicCall<T>(method: 'GET' | 'POST', path: string, query: Query = {}, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/public/v1${path}${qs(query)}`, {
      method, headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'unknown', e.message ?? res.statusText, e.field);
  }
  return data as T;
}
