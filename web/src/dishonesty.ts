// The serious-dishonesty list as the bureau sees it (docs/dishonesty.md): listing, statuses and
// the workflow's actions with their fields, as GET /dishonesty/rules describes them.
export interface Listing {
  id: number; case_id: number; case_no: string; unit_code: string; authority: string; enterprise_id: number | null;
  party_kind: string; party_name: string; uscc: string | null; grounds: string[]; reason: string; status: string;
  steps: Record<string, { on?: string; by?: string; by_name?: string; fields?: Record<string, unknown> }>;
  objection_due: string | null; decision_no: string | null; listed_on: string | null; expires_on: string | null;
  removed_on: string | null; removal: string | null; proposed_at: string; updated_at: string; version: number;
}
export interface ListingAction { action: string; name_zh: string; from: string[]; to: string; roles: string[]; fields: string[] }
export const LISTING_STATUSES = ['proposed', 'notified', 'objected', 'answered', 'listed', 'not_listed', 'removal_requested', 'removed'];
export function statusTag(s: string): 'danger' | 'warning' | 'success' | 'info' {
  if (s === 'listed' || s === 'removal_requested') return 'danger';
  if (s === 'not_listed' || s === 'removed') return 'info';
  if (s === 'objected') return 'warning';
  return 'success';
}
